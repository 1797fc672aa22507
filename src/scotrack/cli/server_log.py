"""The log lines of `scotrack serve`: one line each on stderr, control characters
escaped.

A log line can carry what a client sent (a request's path, a name, the reason a
request failed), and a terminal obeys the escape sequences in it; a newline would
start a line that looks like the server's own. Every message is therefore written
as one line with the characters of `terminal.UNSAFE` and newlines as Python
escapes; a traceback keeps its newlines, its other controls escaped (#18).
uvicorn applies `log_config` in each server process (with `--workers` too).
"""

from __future__ import annotations

import logging
from typing import Any

from uvicorn.logging import AccessFormatter

from scotrack.cli.terminal import visible

LINE = "%(asctime)s %(levelname)s %(name)s: %(message)s"
ACCESS_LINE = (
    '%(asctime)s %(levelname)s %(client_addr)s "%(request_line)s" %(status_code)s'
)


def one_line(text: str) -> str:
    """`text` with controls escaped and newlines written as `\\n`."""
    return visible(text).replace("\n", "\\n")


class LogLine(logging.Formatter):
    """A log record as one line, controls escaped."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802
        return one_line(super().formatMessage(record))

    def formatException(self, ei: Any) -> str:  # noqa: N802
        return visible(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:  # noqa: N802
        return visible(super().formatStack(stack_info))


class AccessLine(AccessFormatter):
    """uvicorn's access log line (`--debug`), controls escaped."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802
        return one_line(super().formatMessage(record))


def log_config(level: str) -> dict[str, Any]:
    """`logging.config.dictConfig` for the server: scotrack's and uvicorn's
    loggers at `level`, uvicorn's access log (when on) as is, all to stderr."""
    upper = level.upper()
    handler = {"class": "logging.StreamHandler", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "line": {"()": f"{__name__}.LogLine", "fmt": LINE},
            # no colours: their escape sequences would be escaped too
            "access": {
                "()": f"{__name__}.AccessLine",
                "fmt": ACCESS_LINE,
                "use_colors": False,
            },
        },
        "handlers": {
            "line": {**handler, "formatter": "line"},
            "access": {**handler, "formatter": "access"},
        },
        "loggers": {
            "scotrack": {"handlers": ["line"], "level": upper, "propagate": False},
            "uvicorn": {"handlers": ["line"], "level": upper, "propagate": False},
            "uvicorn.error": {"level": upper},
            "uvicorn.access": {
                "handlers": ["access"],
                "level": "INFO",
                "propagate": False,
            },
        },
    }
