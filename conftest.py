"""Shared fixtures: the cast of personas from STYLE.md, built by factories."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython

from outreach.models import User
from outreach.tests.factories import AreaCommandFactory, UserFactory

# Playwright drives Debian's Chromium (browser_type_launch_args).
pytest_plugins = ["outreach.tests.browser"]


PROJECT_APPS = ("outreach", "programs", "surveys", "reports")


def restore_seed_data(only_if_flushed=False):
    """Run the project's data migrations again on a database a transactional test flushed.

    Browser tests run outside a transaction and end with a flush, which also empties what the data
    migrations created (role groups, the catalog); the kept (--reuse-db) database must be whole for
    the next test and run. Every data migration of the project is written to be idempotent.
    """
    if only_if_flushed and Group.objects.exists():
        return
    loader = MigrationLoader(connection)
    state_apps = loader.project_state().apps
    for app_label, name in sorted(key for key in loader.graph.nodes if key[0] in PROJECT_APPS):
        for operation in loader.get_migration(app_label, name).operations:
            if isinstance(operation, RunPython):
                operation.code(state_apps, None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        restore_seed_data()


@pytest.fixture
def seeded(transactional_db):
    """For browser tests: the previous transactional test flushed everything."""
    restore_seed_data(only_if_flushed=True)


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
