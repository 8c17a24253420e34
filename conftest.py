"""Shared fixtures: the cast of personas from STYLE.md, built by factories."""

from types import SimpleNamespace

import pytest

from outreach.models import User
from outreach.tests.factories import AreaCommandFactory, UserFactory


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
