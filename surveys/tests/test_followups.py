"""The follow-up queue of citizens who asked to be contacted: who sees it, assigning, attempts, closing, flags."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from outreach import clock
from surveys.models import ContactRequest

from .factories import live_survey


@pytest.fixture
def contact(people, area):
    survey = live_survey(by=people.records)
    return ContactRequest.objects.create(
        survey=survey,
        area_command=area,
        name="Kimberly Ann Fairweather-Okonkwo",
        phone="(575) 555-0178",
        concern_text="The park lights are out.",
        language="en",
    )


def test_the_sergeant_sees_the_areas_requests_and_the_unplaced_ones(client, people, contact, other_area):
    unplaced = ContactRequest.objects.create(
        survey=contact.survey, name="Patricia Delaney", email="p@example.net", language="en"
    )
    theirs = ContactRequest.objects.create(
        survey=contact.survey, area_command=other_area, name="José Luis Ramírez", phone="555", language="es"
    )
    client.force_login(people.sergeant)

    listed = client.get(reverse("surveys:contact_list")).context["page"].object_list

    assert set(listed) == {contact, unplaced}
    assert client.get(theirs.get_absolute_url()).status_code == 404


def test_an_officer_sees_only_the_requests_assigned_to_them(client, people, contact):
    client.force_login(people.officer)
    assert list(client.get(reverse("surveys:contact_list")).context["page"].object_list) == []
    assert client.get(contact.get_absolute_url()).status_code == 404

    ContactRequest.objects.filter(pk=contact.pk).update(assigned_to=people.officer, status="assigned")

    assert client.get(contact.get_absolute_url()).status_code == 200


def test_the_sergeant_assigns_an_officer_who_is_told(client, people, contact, django_capture_on_commit_callbacks):
    client.force_login(people.sergeant)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("surveys:contact_assign", args=[contact.pk]),
            {"area_command": contact.area_command_id, "officer": people.officer.pk},
        )

    contact.refresh_from_db()
    assert (contact.status, contact.assigned_to) == (ContactRequest.Status.ASSIGNED, people.officer)
    assert mail.outbox[0].to == [people.officer.email]


def test_an_officer_of_another_area_cannot_be_assigned(client, people, contact):
    client.force_login(people.chief)

    response = client.post(
        reverse("surveys:contact_assign", args=[contact.pk]),
        {"area_command": contact.area_command_id, "officer": people.other_officer.pk},
    )

    assert response.status_code == 400
    contact.refresh_from_db()
    assert contact.assigned_to is None


def test_officers_do_not_assign(client, people, contact):
    ContactRequest.objects.filter(pk=contact.pk).update(assigned_to=people.officer, status="assigned")
    client.force_login(people.officer)

    response = client.post(
        reverse("surveys:contact_assign", args=[contact.pk]), {"area_command": contact.area_command_id}
    )

    assert response.status_code == 403


def test_the_assigned_officer_records_attempts_and_closes_with_an_outcome(client, people, contact):
    ContactRequest.objects.filter(pk=contact.pk).update(assigned_to=people.officer, status="assigned")
    client.force_login(people.officer)
    made_at = timezone.localtime().strftime("%Y-%m-%dT%H:%M")

    client.post(
        reverse("surveys:contact_attempt", args=[contact.pk]),
        {"attempt-made_at": made_at, "attempt-method": "phone", "attempt-note": "Voicemail"},
    )
    missing = client.post(reverse("surveys:contact_close", args=[contact.pk]), {"close-outcome": ""})
    client.post(
        reverse("surveys:contact_close", args=[contact.pk]),
        {"close-outcome": "resolved", "close-note": "Lights reported to the city."},
    )

    contact.refresh_from_db()
    assert missing.status_code == 400
    assert contact.attempts.get().note == "Voicemail"
    assert (contact.status, contact.outcome) == (ContactRequest.Status.CLOSED, "resolved")


def test_another_officer_cannot_work_someone_elses_request(client, people, contact):
    ContactRequest.objects.filter(pk=contact.pk).update(assigned_to=people.sergeant, status="assigned")
    client.force_login(people.officer)

    response = client.post(reverse("surveys:contact_close", args=[contact.pk]), {"close-outcome": "resolved"})

    assert response.status_code == 404


def test_a_request_untouched_for_three_working_days_is_flagged(client, people, contact):
    friday = timezone.make_aware(datetime(2026, 11, 27, 10))
    ContactRequest.objects.filter(pk=contact.pk).update(last_activity_at=friday)

    with time_machine.travel(datetime(2026, 12, 2, 12, tzinfo=timezone.get_current_timezone()), tick=False):
        assert clock.working_days_ago(3, since=date(2026, 12, 2)) == date(2026, 11, 27)
        assert not ContactRequest.objects.stale().exists()
    with time_machine.travel(datetime(2026, 12, 3, 12, tzinfo=timezone.get_current_timezone()), tick=False):
        assert list(ContactRequest.objects.stale()) == [contact]
        client.force_login(people.sergeant)
        page = client.get(reverse("surveys:contact_list"), {"stale": "true"})
        assert list(page.context["page"].object_list) == [contact]
        assert "3 working days untouched" in page.content.decode()


def test_the_dashboard_lists_citizens_to_contact_flagging_the_untouched(client, people, contact):
    ContactRequest.objects.filter(pk=contact.pk).update(last_activity_at=timezone.now() - timedelta(days=10))
    client.force_login(people.sergeant)

    now = client.get(reverse("outreach:dashboard")).context["now"]

    assert list(now["contacts"]) == [contact]
    assert "3 working days untouched" in client.get(reverse("outreach:dashboard")).content.decode()


def test_the_chiefs_dashboard_lists_the_survey_questions_awaiting_approval(client, people):
    from surveys.services import surveys as builder

    from .factories import QuestionFactory

    question = QuestionFactory(version__survey__created_by=people.records, version__created_by=people.records)
    builder.version_submit(version=question.version, by=people.records)
    client.force_login(people.chief)

    now = client.get(reverse("outreach:dashboard")).context["now"]

    assert list(now["surveys_to_approve"]) == [question.version]
