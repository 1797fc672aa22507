"""Reading documents: files and records in, clean text, metadata and sentences out."""
