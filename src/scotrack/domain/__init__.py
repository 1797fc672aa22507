"""Pure rules and types of the SCO's cooperation system: no I/O, no database."""
