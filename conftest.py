"""Shared fixtures: the cast of personas from STYLE.md, built by factories."""

import importlib
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from outreach.models import User
from outreach.tests.factories import AreaCommandFactory, UserFactory

# Playwright drives Debian's Chromium (browser_type_launch_args).
pytest_plugins = ["outreach.tests.browser"]


SEED_MIGRATIONS = [("programs", "0002_seed_catalog", "seed"), ("outreach", "0002_role_groups", "create_groups")]


def restore_seed_data():
    """Run the data migrations again (they are idempotent) on a database a transactional test flushed.

    Browser tests run outside a transaction and end with a flush, which also empties what the data
    migrations created; the kept (--reuse-db) database must be whole for the next test and run.
    """
    if Group.objects.filter(permissions__isnull=False).exists():
        return
    state_apps = MigrationLoader(connection).project_state().apps
    for app_label, migration, function in SEED_MIGRATIONS:
        module = importlib.import_module(f"{app_label}.migrations.{migration}")
        getattr(module, function)(state_apps, None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        restore_seed_data()


@pytest.fixture
def seeded(transactional_db):
    restore_seed_data()


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
