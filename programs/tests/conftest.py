"""Fixtures of the programs tests: a report in draft, the same report submitted, and its form's data."""

import pytest
from django.core import mail
from django.utils import timezone

from programs import services
from programs.tests.factories import PresentationFactory


@pytest.fixture
def report(people, area):
    return PresentationFactory(area_command=area, author=people.officer)


@pytest.fixture
def submitted(report, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.presentation_submit(presentation=report, by=people.officer)
    mail.outbox.clear()
    report.refresh_from_db()
    return report


def report_form(presentation, **overrides):
    """What the report form sends for ``presentation``, with ``overrides``."""
    data = {
        "program": presentation.program_id or "",
        "topic": presentation.topic,
        "starts_at": timezone.localtime(presentation.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": presentation.duration_minutes,
        "place": presentation.place,
        "area_command": presentation.area_command_id,
        "presenters": [u.pk for u in presentation.presenters.all()],
        "participants": presentation.participants if presentation.participants is not None else "",
        "concerns-TOTAL_FORMS": "2",
        "concerns-INITIAL_FORMS": "0",
        "concerns-MIN_NUM_FORMS": "0",
        "concerns-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data
