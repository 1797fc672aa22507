"""Settings: CLI flags, then SCOTRACK_* variables, then defaults."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import platformdirs
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from scotrack.errors import InputError

if TYPE_CHECKING:
    from scotrack.ingest.document import ExtractOptions


def default_db_url() -> str:
    """The embedded default: a SQLite file in the user data directory."""
    data_dir = Path(platformdirs.user_data_dir("scotrack", appauthor=False))
    return f"sqlite:///{data_dir / 'scotrack.db'}"


def login_name() -> str:
    """The user's login name, or "unknown" where the system has none."""
    try:
        return getpass.getuser()
    except OSError:
        return "unknown"


class Settings(BaseSettings):
    """Every setting scotrack reads; each is documented in docs/settings.md."""

    model_config = SettingsConfigDict(env_prefix="SCOTRACK_", extra="ignore")

    db: str = Field(
        default_factory=default_db_url,
        description="Database URL: sqlite:///PATH or postgresql://USER@HOST/DB.",
    )
    workers: int = Field(
        default=1, ge=1, le=64, description="Worker processes for extract and ingest."
    )
    ingest_batch: int = Field(
        default=200,
        ge=1,
        le=10_000,
        description="Documents ingest stores in one transaction on PostgreSQL, "
        "loaded with COPY (1: one transaction per document, as on SQLite).",
    )
    max_document_bytes: int = Field(
        default=20_000_000,
        ge=1,
        description="Documents larger than this many bytes are refused (a file, a "
        "JSON Lines record, an upload).",
    )
    max_file_bytes: int = Field(
        default=2_000_000_000,
        ge=1,
        description="JSON Lines, WARC and Parquet files larger than this many bytes "
        "(on disk) are refused (they are read a document at a time; other files are "
        "documents, see max_document_bytes).",
    )
    range_records: int = Field(
        default=1_000,
        ge=0,
        le=10_000_000,
        description="With --workers or --cluster, a WARC, JSON Lines or Parquet file "
        "of more records than this is cut into tasks of about this many (Parquet: "
        "whole row groups; .jsonl.gz: a task inflates the lines before its own), "
        "so a worker's memory does not grow with the largest file; 0: a file is "
        "one task.",
    )
    max_line_bytes: int = Field(
        default=25_000_000,
        ge=1,
        description="A JSON Lines line longer than this many bytes is reported and "
        "skipped; the lines after it are read.",
    )
    max_json_depth: int = Field(
        default=64,
        ge=1,
        le=10_000,
        description="A JSON Lines line whose arrays and objects nest deeper than this "
        "is reported and skipped.",
    )
    max_html_depth: int = Field(
        default=256,
        ge=1,
        le=100_000,
        description="An HTML page whose elements nest deeper than this is reported "
        "and skipped (the HTML parser reads no deeper than 256).",
    )

    user: str = Field(
        default_factory=lambda: login_name(),
        min_length=1,
        description="Who review decisions and edits are recorded as (default: the "
        "login name).",
    )

    query_seconds: float = Field(
        default=5.0,
        gt=0,
        le=600,
        description="The server stops a request's database query after this many "
        "seconds and answers 400.",
    )
    max_request_bytes: int = Field(
        default=1_000_000,
        ge=1_000,
        description="The server refuses request bodies larger than this (413); "
        "document uploads may be up to max_document_bytes.",
    )
    cache: bool = Field(
        default=True,
        description="Replay anonymous read answers while the knowledge base is "
        "unchanged (turn off only to measure).",
    )
    cache_seconds: float = Field(
        default=1.0,
        ge=0,
        le=3600,
        description="The server replays anonymous read answers while the knowledge "
        "base is unchanged, looking for changes at most this often (0: on every "
        "request); its own writes are seen at once.",
    )
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="warning",
        description="What `scotrack serve` logs to stderr, one line each with control "
        "characters escaped: debug, info, warning (503s and failures) or error; "
        "--debug sets debug and logs every request.",
    )
    secure_cookies: bool = Field(
        default=False,
        description="Mark the sign-in cookie Secure (set it when serving over HTTPS).",
    )
    max_document_seconds: float = Field(
        default=120.0,
        ge=0,
        le=86_400,
        description="A document whose extraction takes longer than this many "
        "seconds (0 to 86400; 0: no limit) is reported as failed and skipped; the "
        "batch goes on (extract, ingest, and uploads, which answer 422).",
    )

    def extract_options(self, **given: Any) -> ExtractOptions:
        """The extraction options these settings' limits give, `given` on top."""
        from scotrack.ingest.document import ExtractOptions

        return ExtractOptions(
            max_bytes=self.max_document_bytes,
            max_file_bytes=self.max_file_bytes,
            max_line_bytes=self.max_line_bytes,
            range_records=self.range_records,
            max_json_depth=self.max_json_depth,
            max_html_depth=self.max_html_depth,
            max_seconds=self.max_document_seconds,
            **given,
        )

    @field_validator("db")
    @classmethod
    def _normalise_db(cls, value: str) -> str:
        if value.startswith("postgresql://"):
            # psycopg 3 is the only PostgreSQL driver scotrack ships with
            return "postgresql+psycopg://" + value.removeprefix("postgresql://")
        if value.startswith("postgres://"):
            return "postgresql+psycopg://" + value.removeprefix("postgres://")
        if "://" not in value:
            return f"sqlite:///{Path(value).expanduser()}"
        return value


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment, with non-None overrides (CLI flags) on top.

    InputError names the first bad setting, its variable and the reason in one
    line ("SCOTRACK_WORKERS='abc': Input should be a valid integer") (#18).
    """
    given = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as err:
        problem = err.errors()[0]
        name = str(problem["loc"][0]) if problem["loc"] else "settings"
        where = name if name in given else f"SCOTRACK_{name.upper()}"
        value = problem.get("input")
        shown = f"={value!r}" if isinstance(value, str | int | float) else ""
        raise InputError(
            f"{where}{shown[:60]}: {problem['msg']}",
            field=name,
        ) from None
