"""/healthz: is the database answering, is Redis, is a Celery worker listening; /healthz/live: is this process.

/healthz answers 503 when any component work depends on is down (the database for everything; Redis
and a worker for the reports and the e-mail), so a load balancer or a monitor sees it; /healthz/live
stays 200 while the process serves, so a supervisor does not restart a healthy process for a broker
outage.
"""

import time

import redis
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from outreach.celery import app as celery_app

TIMEOUT_SECONDS = 1.0


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return False, f"unavailable: {exc.__class__.__name__}"
    return True, "ok"


def _redis():
    if not settings.REDIS_URL:
        return None, "not configured: tasks run in-process"
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=TIMEOUT_SECONDS, socket_timeout=TIMEOUT_SECONDS
        )
        client.ping()
    except redis.RedisError as exc:
        return False, f"unavailable: {exc.__class__.__name__}"
    return True, "ok"


def _celery(redis_ok):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return None, "eager: tasks run in-process"
    if not redis_ok:
        return False, "unknown: the broker is unavailable"
    try:
        replies = celery_app.control.ping(timeout=TIMEOUT_SECONDS)
    except Exception as exc:  # any broker failure means "no answer"
        return False, f"unavailable: {exc.__class__.__name__}"
    if not replies:
        return False, "no worker answered"
    return True, f"ok: {len(replies)} worker(s)"


# The broker checks wait up to a second each: answer repeated probes from a short per-process memory.
BROKER_CHECK_SECONDS = 15
_broker_checked = {"at": 0.0, "result": None}


def _broker():
    now = time.monotonic()
    if _broker_checked["result"] is None or now - _broker_checked["at"] > BROKER_CHECK_SECONDS:
        redis_ok, redis_status = _redis()
        _broker_checked.update(at=now, result=(redis_ok, redis_status, *_celery(redis_ok)))
    return _broker_checked["result"]


@login_not_required
@never_cache
def healthz(request):
    database_ok, database = _database()
    redis_ok, redis_status, celery_ok, celery_status = _broker()
    degraded = redis_ok is False or celery_ok is False
    body = {
        "status": "error" if not database_ok else ("degraded" if degraded else "ok"),
        "database": database,
        "redis": redis_status,
        "celery": celery_status,
    }
    return JsonResponse(body, status=200 if database_ok and not degraded else 503)


@login_not_required
@never_cache
def healthz_live(request):
    """The process answers: no database, no broker asked."""
    return JsonResponse({"status": "ok"})
