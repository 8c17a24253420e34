"""The month's results sent to the chief and designee, once, and the action the chief records on them."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from outreach.tests.factories import ConcernFactory
from surveys import tasks
from surveys.models import Question, ResultsAction, ResultsDigest
from surveys.services.digest import send_monthly_results
from surveys.services.responses import response_submit

from .factories import live_survey


@pytest.fixture
def survey(people):
    found = live_survey(by=people.records, kinds=[Question.Kind.RATING], opens_on=date(2026, 9, 1))
    rating = found.live_version.questions.get()
    for value, day in ((5, 3), (3, 20)):
        response_submit(
            survey=found,
            version=found.live_version,
            answers=[(rating, value)],
            channel="web",
            language="en",
            submitted_at=timezone.make_aware(datetime(2026, 11, day, 12)),
        )
    return found


def test_the_schedule_is_the_first_of_every_month_at_seven(db):
    task = PeriodicTask.objects.get(task="surveys.tasks.send_monthly_results")

    assert (task.crontab.day_of_month, task.crontab.hour, task.crontab.minute) == ("1", "7", "0")


def test_last_months_results_go_to_the_chief_and_designee_once(people, survey, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sent = send_monthly_results(month=date(2026, 11, 1))
        again = send_monthly_results(month=date(2026, 11, 1))

    assert (sent, again) == (1, 0)
    assert sorted(mail.outbox[0].to) == sorted([people.chief.email, people.designee.email])
    body = mail.outbox[0].body
    assert "2 responses" in body and "4.0" in body
    assert f"/surveys/{survey.pk}/results/?month=2026-11" in body
    digest = ResultsDigest.objects.get()
    assert (digest.month, digest.responses) == (date(2026, 11, 1), 2)


def test_the_task_reads_the_month_just_ended_in_the_departments_zone(
    people, survey, django_capture_on_commit_callbacks
):
    moment = datetime(2026, 12, 1, 14, tzinfo=timezone.get_current_timezone())
    with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
        tasks.send_monthly_results()

    assert ResultsDigest.objects.get().month == date(2026, 11, 1)


def test_the_chief_records_the_action_taken_on_a_months_results(client, people, survey, area):
    concern = ConcernFactory(area_command=area)
    client.force_login(people.chief)

    client.post(
        reverse("surveys:results_action_add", args=[survey.pk]),
        {"action-month": "2026-11", "action-note": "Asked North for a lighting walk.", "action-concern": concern.pk},
    )

    action = ResultsAction.objects.get()
    assert (action.month, action.concern, action.by) == (date(2026, 11, 1), concern, people.chief)
    page = client.get(survey.get_results_url(), {"month": "2026-11"}).content.decode()
    assert "Asked North for a lighting walk." in page


def test_a_concern_number_that_is_not_one_of_the_last_year_is_refused_at_its_field(client, people, survey, area):
    old = ConcernFactory(area_command=area, received_on=timezone.localdate() - timedelta(days=400))
    client.force_login(people.chief)

    response = client.post(
        reverse("surveys:results_action_add", args=[survey.pk]),
        {"action-month": "2026-11", "action-note": "Lighting walk.", "action-concern": old.pk},
    )

    assert response.status_code == 400
    assert response.context["action_form"].errors["concern"] == [
        f"There is no concern number {old.pk} of the last year that you may see."
    ]
    assert "Lighting walk." in response.content.decode()  # what was typed is kept
    assert not ResultsAction.objects.exists()


def test_the_action_form_lists_no_concerns_whatever_their_number(client, people, survey, area):
    """The concern and plan are typed by number: the page does not grow with the department's records."""
    client.force_login(people.chief)
    ConcernFactory.create_batch(30, area_command=area)

    page = client.get(survey.get_results_url()).content.decode()

    assert 'name="action-concern"' in page and 'type="number"' in page
    assert "<option" not in page.split('name="action-concern"')[1].split("</div>")[0]


def test_an_empty_action_is_refused_keeping_the_page(client, people, survey):
    client.force_login(people.designee)

    response = client.post(
        reverse("surveys:results_action_add", args=[survey.pk]), {"action-month": "2026-11", "action-note": ""}
    )

    assert response.status_code == 400
    assert "note" in response.context["action_form"].errors
    assert not ResultsAction.objects.exists()


@pytest.mark.parametrize("role", ["sergeant", "commander", "records"])
def test_only_the_chiefs_office_records_actions(client, people, survey, role):
    client.force_login(getattr(people, role))

    response = client.post(
        reverse("surveys:results_action_add", args=[survey.pk]), {"action-month": "2026-11", "action-note": "x"}
    )

    assert response.status_code == 403
