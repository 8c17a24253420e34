"""The morning run: reminders three days and one day before a plan is due, escalation once it is late, each once."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_celery_beat.models import PeriodicTask

from outreach import clock
from outreach.models import Concern, PlanReminder
from outreach.services.reminders import steps_due
from outreach.tasks import send_plan_reminders as reminder_task
from outreach.tests.factories import ActionPlanFactory, ConcernFactory, PartnershipFactory

DENVER = ZoneInfo("America/Denver")
RECEIVED = date(2026, 11, 2)  # due on 12 November
Step = PlanReminder.Step


def _morning(day):
    return time_machine.travel(datetime(2026, 11, day, 7, 0, tzinfo=DENVER), tick=False)


@pytest.fixture
def concern(people, area):
    return ConcernFactory(
        area_command=area, received_on=RECEIVED, assigned_to=people.officer, status=Concern.Status.ASSIGNED
    )


def _run(day, capture):
    with _morning(day), capture(execute=True):
        return reminder_task.delay().get()


def _to(mailoutbox):
    return [sorted(message.to) for message in mailoutbox]


@pytest.mark.parametrize(
    "days_left,steps",
    [
        (4, []),
        (3, ["due_in_3"]),
        (2, ["due_in_3"]),
        (1, ["due_in_1"]),
        (0, ["due_in_1"]),
        (-1, ["overdue"]),
        (-4, ["overdue"]),
        (-5, ["overdue", "overdue_5"]),
        (-30, ["overdue", "overdue_5"]),
    ],
)
def test_the_steps_a_deadline_calls_for(days_left, steps):
    assert steps_due(days_left) == steps


def test_three_days_before_the_officer_is_e_mailed_once(
    people, concern, mailoutbox, django_capture_on_commit_callbacks
):
    first = _run(9, django_capture_on_commit_callbacks)
    second = _run(9, django_capture_on_commit_callbacks)

    assert (first, second) == (1, 0)
    assert _to(mailoutbox) == [[people.officer.email]]
    assert "due in 3 days" in mailoutbox[0].subject
    reminder = PlanReminder.objects.get()
    assert (reminder.concern, reminder.step, reminder.sent_on) == (concern, Step.DUE_IN_3, date(2026, 11, 9))
    assert concern.events.last().action == "reminded"


def test_each_level_reaches_its_people(people, concern, mailoutbox, django_capture_on_commit_callbacks):
    for day in (9, 11, 13, 17):
        _run(day, django_capture_on_commit_callbacks)

    assert _to(mailoutbox) == [
        [people.officer.email],  # 3 days before
        [people.officer.email],  # the day before
        sorted([people.officer.email, people.sergeant.email]),  # overdue
        [people.lieutenant.email],  # five days overdue
    ]
    assert list(PlanReminder.objects.values_list("step", flat=True)) == ["due_in_3", "due_in_1", "overdue", "overdue_5"]


def test_a_plan_submitted_in_between_gets_no_reminder(people, concern, mailoutbox, django_capture_on_commit_callbacks):
    _run(9, django_capture_on_commit_callbacks)
    ActionPlanFactory(concern=concern, officer=people.officer, status="submitted", first_submitted_at=clock.now())

    _run(11, django_capture_on_commit_callbacks)
    _run(13, django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 1


def test_a_draft_plan_is_still_reminded_and_its_page_shows_it(
    client, people, concern, mailoutbox, django_capture_on_commit_callbacks
):
    plan = ActionPlanFactory(concern=concern, officer=people.officer)

    _run(11, django_capture_on_commit_callbacks)

    client.force_login(people.officer)
    assert "Due tomorrow" in client.get(plan.get_absolute_url()).content.decode()
    assert plan.events.last().action == "reminded"


def test_an_unassigned_concern_s_reminder_goes_to_the_sergeants(
    people, area, mailoutbox, django_capture_on_commit_callbacks
):
    ConcernFactory(area_command=area, received_on=RECEIVED)

    _run(9, django_capture_on_commit_callbacks)

    assert _to(mailoutbox) == [[people.sergeant.email]]
    assert "No officer works it yet" in mailoutbox[0].body


def test_a_concern_recorded_late_skips_the_reminders_that_are_moot(
    people, area, mailoutbox, django_capture_on_commit_callbacks
):
    ConcernFactory(area_command=area, received_on=date(2026, 11, 1), assigned_to=people.officer, status="assigned")

    _run(18, django_capture_on_commit_callbacks)

    assert list(PlanReminder.objects.values_list("step", flat=True)) == ["overdue", "overdue_5"]


def test_a_partnership_s_plan_is_reminded_as_a_plan(people, area, mailoutbox, django_capture_on_commit_callbacks):
    partnership = PartnershipFactory(organization__area_command=area, starts_on=RECEIVED)
    ActionPlanFactory(
        concern=None, partnership=partnership, area_command=area, starts_on=RECEIVED, officer=people.officer
    )

    _run(13, django_capture_on_commit_callbacks)
    _run(13, django_capture_on_commit_callbacks)

    reminder = PlanReminder.objects.get()
    assert (reminder.concern, reminder.step) == (None, Step.OVERDUE)
    assert _to(mailoutbox) == [sorted([people.officer.email, people.sergeant.email])]


def test_other_areas_and_ended_concerns_are_left_alone(
    people, other_area, area, mailoutbox, django_capture_on_commit_callbacks
):
    ConcernFactory(area_command=other_area, received_on=RECEIVED)
    ConcernFactory(area_command=area, received_on=RECEIVED, status=Concern.Status.NO_ACTION)

    _run(13, django_capture_on_commit_callbacks)

    assert _to(mailoutbox) == [[people.other_sergeant.email]]


def test_a_new_install_runs_the_reminders_at_seven_in_the_department_s_zone(db):
    task = PeriodicTask.objects.get(task="outreach.tasks.send_plan_reminders")

    assert (task.crontab.hour, task.crontab.minute, task.enabled) == ("7", "0", True)
    assert str(task.crontab.timezone) == str(clock.department_zone())


def test_the_schedule_follows_the_department_s_time_zone(client, people):
    client.force_login(people.chief)

    client.post(
        "/department/",
        {
            "name": "Fairview Police Department",
            "time_zone": "America/New_York",
            "phone": "(555) 010-1000",
            "report_language": "en",
        },
    )

    task = PeriodicTask.objects.get(task="outreach.tasks.send_plan_reminders")
    assert str(task.crontab.timezone) == "America/New_York"
    monthly = PeriodicTask.objects.get(task="surveys.tasks.send_monthly_results")
    assert (str(monthly.crontab.timezone), monthly.crontab.day_of_month) == ("America/New_York", "1")
