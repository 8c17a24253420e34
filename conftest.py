"""Shared fixtures: the cast of personas from STYLE.md, built by factories."""

from types import SimpleNamespace

import psycopg2
import pytest
from django.conf import settings as django_settings
from django.db import connections

from outreach.models import User
from outreach.tests.factories import AreaCommandFactory, UserFactory

# Playwright drives Debian's Chromium (browser_type_launch_args).
pytest_plugins = ["outreach.tests.browser"]


def _test_database_lacks_seed_data():
    """True when a kept test database was left flushed (no role groups from the data migrations)."""
    db = django_settings.DATABASES["default"]
    try:
        conn = psycopg2.connect(
            dbname=db["TEST"]["NAME"],
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            connect_timeout=3,
        )
    except psycopg2.OperationalError:
        return False  # no test database yet: it is created anyway
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM auth_group")
            return cursor.fetchone()[0] == 0
    except psycopg2.Error:
        return True
    finally:
        conn.close()


@pytest.fixture(scope="session")
def django_db_createdb(request):
    """--reuse-db, unless an interrupted run left the kept database without its seed data."""
    return request.config.getvalue("create_db") or _test_database_lacks_seed_data()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    yield
    # Browser tests run in transactions that end with a flush; put back what the data migrations
    # created so that the kept (--reuse-db) database is whole for the next run.
    with django_db_blocker.unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def area(db):
    return AreaCommandFactory(name="North Area Command", code="north")


@pytest.fixture
def other_area(db):
    return AreaCommandFactory(name="Southeast Area Command", code="southeast")


@pytest.fixture
def people(db, area, other_area):
    """One of every role: area roles in ``area``, an officer and sergeant of ``other_area``."""
    return SimpleNamespace(
        officer=UserFactory(username="officer", role=User.Role.OFFICER, area_command=area),
        sergeant=UserFactory(username="sergeant", role=User.Role.SERGEANT, area_command=area),
        lieutenant=UserFactory(username="lieutenant", role=User.Role.LIEUTENANT, area_command=area),
        commander=UserFactory(username="commander", role=User.Role.COMMANDER, area_command=area),
        other_officer=UserFactory(username="other_officer", role=User.Role.OFFICER, area_command=other_area),
        other_sergeant=UserFactory(username="other_sergeant", role=User.Role.SERGEANT, area_command=other_area),
        chief=UserFactory(username="chief", role=User.Role.CHIEF),
        designee=UserFactory(username="designee", role=User.Role.DESIGNEE),
        records=UserFactory(username="records", role=User.Role.RECORDS),
        sysadmin=UserFactory(username="sysadmin", role=User.Role.ADMIN),
    )
