from __future__ import annotations

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from scotrack.store import provenance  # noqa: F401  (registers tables)
from scotrack.store.engine import make_engine
from scotrack.store.models import Base
from scotrack.store.schema import (
    MIGRATIONS,
    alembic_config,
    database_revision,
    downgrade_database,
    head_revision,
    include_name,
    upgrade_database,
)
from scotrack.store.write import tokens  # noqa: F401  (registers tables)
from scotrack.store.write.baseline import init_knowledge_base

ROOT = Path(__file__).resolve().parents[2]
TABLES = set(Base.metadata.tables)


def _tables(engine: Engine) -> set[str]:
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    return {name for name in names if include_name(name, "table")}


def test_upgrade_head_creates_every_table(fresh_db_url: str) -> None:
    engine = make_engine(fresh_db_url)
    try:
        assert database_revision(engine) is None
        upgrade_database(engine)
        assert _tables(engine) == TABLES
        assert database_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_upgrade_database_twice_is_a_no_op(fresh_db_url: str) -> None:
    upgrade_database(fresh_db_url)
    upgrade_database(fresh_db_url)
    engine = make_engine(fresh_db_url)
    try:
        assert database_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_models_match_migrated_schema(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_base_then_upgrade_again(fresh_db_url: str) -> None:
    engine = make_engine(fresh_db_url)
    try:
        upgrade_database(engine)
        downgrade_database(engine, "base")
        assert _tables(engine) == set()
        assert database_revision(engine) is None
        upgrade_database(engine)
        assert _tables(engine) == TABLES
    finally:
        engine.dispose()


def test_revisions_named_by_date_and_linear() -> None:
    names = sorted(p.name for p in (MIGRATIONS / "versions").glob("*.py"))
    assert names
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}_[a-z0-9_]+\.py", n) for n in names)
    scripts = ScriptDirectory.from_config(alembic_config())
    assert len(scripts.get_heads()) == 1


def test_alembic_ini_points_at_package_migrations() -> None:
    config = Config(str(ROOT / "alembic.ini"))
    scripts = ScriptDirectory.from_config(config)
    assert Path(scripts.dir).resolve() == MIGRATIONS.resolve()
    assert scripts.get_current_head() == head_revision()


def test_alembic_command_reads_url_from_settings(fresh_db_url: str) -> None:
    """`alembic upgrade head` in a checkout migrates the SCOTRACK_DB database."""
    environment = {**os.environ, "SCOTRACK_DB": fresh_db_url}
    subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
    )
    engine = make_engine(fresh_db_url)
    try:
        assert database_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_offline_upgrade_prints_sql(fresh_db_url: str) -> None:
    output = StringIO()
    config = alembic_config()
    config.output_buffer = output
    config.set_main_option("sqlalchemy.url", fresh_db_url.replace("%", "%%"))
    command.upgrade(config, "head", sql=True)
    assert "CREATE TABLE agreement_party" in output.getvalue()


def _row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table: connection.exec_driver_sql(
                f'SELECT count(*) FROM "{table}"'
            ).scalar_one()
            for table in sorted(_tables(engine))
        }


def test_the_last_migration_runs_down_and_up_on_a_loaded_knowledge_base(
    fresh_db_url: str,
) -> None:
    """A knowledge base with the baseline in it is downgraded by one revision and
    upgraded again with every row kept (#12: a migration that copies `agreement`,
    which other tables' rows reference, failed on SQLite on every loaded database
    with "FOREIGN KEY constraint failed", so `serve` and `init` could not start on
    an existing knowledge base). SQLite's foreign keys are enforced again after."""
    init_knowledge_base(fresh_db_url)
    engine = make_engine(fresh_db_url)
    try:
        before = _row_counts(engine)
        assert before["agreement"]
        assert before["agreement_party"]
        previous = ScriptDirectory.from_config(alembic_config(engine)).get_revision(
            head_revision()
        )
        downgrade_database(engine, str(previous.down_revision))
        upgrade_database(engine)
        assert database_revision(engine) == head_revision()
        assert _row_counts(engine) == before
        if engine.dialect.name == "sqlite":
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert (
                    connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
                )
    finally:
        engine.dispose()


@pytest.mark.issue(15)
def test_documents_stored_before_the_html_flag_get_what_extraction_decided(
    fresh_db_url: str,
) -> None:
    """A document stored before `document.html` is a page when its text opens with
    HTML markup, the rule extraction used then; plain text is not."""
    engine = make_engine(fresh_db_url)
    try:
        upgrade_database(engine, "8a4d2f6c1e37")
        with engine.begin() as connection:
            for doc_id, raw in (("page", "\n <div><p>SCO</p></div>"), ("text", "SCO")):
                connection.execute(
                    text(
                        "INSERT INTO document (id, version, raw_text, clean_text, "
                        "tags, ingested_at) VALUES (:id, 1, :raw, 'SCO', '{}', "
                        "'2026-12-07T00:00:00')"
                    ),
                    {"id": doc_id, "raw": raw},
                )
        upgrade_database(engine)
        with engine.connect() as connection:
            found = connection.execute(text("SELECT id, html FROM document")).all()
        assert {doc_id: bool(html) for doc_id, html in found} == {
            "page": True,
            "text": False,
        }
    finally:
        engine.dispose()
