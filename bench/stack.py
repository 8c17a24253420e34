"""The processes the benchmark measures: gunicorn and a Celery worker with production settings, and a
logged-in HTTP client (password, then the demo's two-factor code) for the staff pages."""

import http.client
import http.cookiejar
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv" / "bin"
PYTHON = str(VENV / "python") if (VENV / "python").exists() else sys.executable
HOST, PORT = "127.0.0.1", 8765
# A local address: every urlopen below reads it (bandit's B310 is silenced there).
BASE = f"http://{HOST}:{PORT}"
# The Redis database of the run (cache, rate-limit counters, Celery broker): not the app's (0), not the tests' (12).
REDIS_DB = 13


def environment(database):
    """Production settings (DEBUG off, manifest static files, Redis), reachable over plain HTTP on 127.0.0.1."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DATABASE_URL": f"postgres://root@127.0.0.1:5432/{database}",
        "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        # Every request comes from 127.0.0.1: the limiters still count, with allowances the run cannot reach.
        "PUBLIC_FORM_RATE": "100000000/h",
        "LOGIN_ADDRESS_RATE": "1000/15m",
        # Server errors only: a refused page (403) is an answer the benchmark reads, not a warning.
        "DJANGO_LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(ROOT),
    }


def _answers(url, timeout=1):
    try:
        urllib.request.urlopen(url, timeout=timeout)  # nosec B310
        return True
    except OSError:
        return False


class Gunicorn:
    """gunicorn as the Procfile runs it: 2 sync workers, a 60 s timeout."""

    def __init__(self, env, workers=2):
        self.env, self.workers = env, workers

    def __enter__(self):
        if _answers(f"{BASE}/healthz/live"):
            raise SystemExit(f"Something already answers on {BASE}: stop it first.")
        self.process = subprocess.Popen(
            [
                *(str(VENV / "gunicorn"), "outreach.wsgi", "--bind", f"{HOST}:{PORT}", "--workers", str(self.workers)),
                *("--timeout", "60", "--log-level", "warning"),
            ],
            cwd=ROOT,
            env=self.env,
        )
        for _ in range(150):
            if _answers(f"{BASE}/healthz/live"):
                return self
            time.sleep(0.2)
        self.__exit__()
        raise SystemExit("gunicorn did not answer /healthz/live")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    @property
    def pid(self):
        return self.process.pid


class CeleryWorker:
    """One Celery worker process (the solo pool: it compiles in its own process), production settings."""

    def __init__(self, env, log):
        self.env, self.log = env, log

    def __enter__(self):
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self._out = self.log.open("w")
        self.process = subprocess.Popen(
            [
                *(str(VENV / "celery"), "-A", "outreach", "worker", "--pool", "solo", "--loglevel", "info"),
                *("--without-gossip", "--without-mingle", "--without-heartbeat", "--hostname", "bench@%h"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self._out,
            stderr=subprocess.STDOUT,
        )
        for _ in range(300):
            if " ready." in self.log.read_text():
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.__exit__()
        raise SystemExit(f"The Celery worker did not start: see {self.log}")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._out.close()

    @property
    def pid(self):
        return self.process.pid


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A staff member's session over HTTP: cookies kept, redirects not followed (a 302 is an answer)."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)

    def cookie(self, name):
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def request(self, path, data=None):
        """``(status, body, seconds to the last byte)``."""
        body = urlencode(data).encode() if data is not None else None
        started = time.perf_counter()
        try:
            with self.opener.open(BASE + path, data=body, timeout=120) as answer:  # nosec B310
                content = answer.read()
                status = answer.status
        except urllib.error.HTTPError as error:
            content, status = error.read(), error.code
        return status, content, time.perf_counter() - started

    def form_token(self, path):
        status, content, _ = self.request(path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        if not match:
            raise SystemExit(f"No form on {path} (HTTP {status})")
        return match.group(1).decode()

    def log_in(self, username, password, code):
        """The password, then the code: True once the session has both factors (the dashboard opens)."""
        token = self.form_token("/accounts/login/")
        status, _, _ = self.request(
            "/accounts/login/", {"csrfmiddlewaretoken": token, "username": username, "password": password}
        )
        if status != 302:
            raise SystemExit(f"{username} could not log in with the demo password (HTTP {status})")
        token = self.form_token("/accounts/two-factor/")
        self.request("/accounts/two-factor/", {"csrfmiddlewaretoken": token, "code": code})
        return self.request("/dashboard/")[0] == 200


def stream(path, cookie, on_chunk=None):
    """GET ``path`` with a session cookie, reading the body as it comes: status, bytes, lines, the seconds
    to the first and the last byte, and whether it ended cleanly (a worker killed mid-way cuts it short)."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=600)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": cookie})
    answer = connection.getresponse()
    first, size, lines, complete = None, 0, 0, True
    try:
        while chunk := answer.read1(1 << 16):
            first = first or time.perf_counter() - started
            size += len(chunk)
            lines += chunk.count(b"\n")
            if on_chunk:
                on_chunk()
    except (http.client.IncompleteRead, ConnectionError):
        complete = False
    last = time.perf_counter() - started
    connection.close()
    return {"status": answer.status, "bytes": size, "lines": lines, "first": first, "last": last, "complete": complete}
