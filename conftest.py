"""Shared fixtures: the cast of personas from STYLE.md, built by factories."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group

from outreach import roles
from outreach.models import User
from outreach.tests.factories import AreaCommandFactory, DepartmentFactory, UserFactory

# Playwright drives Debian's Chromium (browser_type_launch_args).
pytest_plugins = ["outreach.tests.browser"]

# The data migrations whose ``seed(apps, schema_editor)`` rebuilds what they create; each is idempotent.
SEED_MIGRATIONS = (
    "outreach.migrations.0003_department",
    "outreach.migrations.0004_crime_types",
    "outreach.migrations.0011_plan_reminders",
    "outreach.migrations.0014_outbox",
    "surveys.migrations.0003_monthly_results",
    "surveys.migrations.0005_results_tally",
    "reports.migrations.0002_roles_and_schedule",
    "reports.migrations.0004_annual_schedule",
    "programs.migrations.0002_catalog",
)


def restore_seed_data(only_if_flushed=False):
    """Put back what the data migrations create, on a database a transactional test flushed.

    Browser tests run outside a transaction and end with a flush, which also empties the role
    groups, the department row, the crime types and the catalog; the kept (--reuse-db) database
    must be whole for the next test and run.
    """
    if only_if_flushed and Group.objects.exists():
        return
    roles.sync_default_grants(django_apps)
    for module in SEED_MIGRATIONS:
        import_module(module).seed(django_apps, None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        restore_seed_data()


@pytest.fixture
def seeded(transactional_db):
    """For browser tests: the previous transactional test flushed everything."""
    restore_seed_data(only_if_flushed=True)


@pytest.fixture(autouse=True)
def _fresh_survey_caches():
    """The public survey page keeps a frozen version's page and the neighborhoods a minute per process."""
    from surveys.selectors.questions import forget_choices
    from surveys.views.public import forget_pages

    forget_choices()
    forget_pages()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no rate-limit counters (every browser test logs in from 127.0.0.1) and no
    remembered broker check."""
    from django.core.cache import caches

    from outreach.lib import health

    caches["default"].clear()
    health._broker_checked.update(at=0.0, result=None)


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
def department(db):
    """The department filled in like the demo's: address, phone and chief on every page's footer."""
    return DepartmentFactory()


@pytest.fixture
def people(db, department, area, other_area):
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


@pytest.fixture(autouse=True)
def _force_login_is_two_factor(monkeypatch):
    """``client.force_login`` stands for a whole log-in: password and second factor (outreach/lib/two_factor.py
    marks a session that gave its code with django-otp's device key). Tests of the log-in itself go through the
    forms (outreach/tests/test_two_factor.py)."""
    from django.test.client import ClientMixin
    from django_otp import DEVICE_ID_SESSION_KEY

    log_in = ClientMixin.force_login

    def force_login(self, user, backend=None):
        log_in(self, user, backend)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = "otp_totp.totpdevice/force-login"
        session.save()

    monkeypatch.setattr(ClientMixin, "force_login", force_login)
