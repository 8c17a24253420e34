"""Action plans: started for a concern, due in ten calendar days, approved by another supervisor, carried out."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from outreach import clock
from outreach.models import ActionPlan, Concern, PlanEvent
from outreach.tests.factories import (
    ActionPlanFactory,
    ConcernFactory,
    ImplementationEntryFactory,
    PlannedActionFactory,
    UserFactory,
)

DENVER = ZoneInfo("America/Denver")
Status, Action = ActionPlan.Status, PlanEvent.Action


def _plan_form(**changes):
    return {
        "title": "Drug sales at the Juniper corner house",
        "problem": "Short visits at all hours; needles in the alley.",
        "measure": "Calls for service at 1400 Juniper Road",
        "baseline_value": "14",
        "baseline_period": "the 90 days before",
        "causes": "A vacant rental; no lighting in the alley.",
        **changes,
    }


def _edit_form(plan, *actions, **changes):
    data = {
        **_plan_form(officer=plan.officer_id, **changes),
        "actions-TOTAL_FORMS": str(len(actions)),
        "actions-INITIAL_FORMS": "0",
    }
    for index, (description, owner, target_on) in enumerate(actions):
        data.update(
            {
                f"actions-{index}-description": description,
                f"actions-{index}-owner": owner.pk,
                f"actions-{index}-target_on": target_on.isoformat(),
            }
        )
    return data


@pytest.fixture
def concern(people, area):
    return ConcernFactory(
        area_command=area, assigned_to=people.officer, status=Concern.Status.ASSIGNED, received_on=clock.today()
    )


@pytest.fixture
def draft(people, concern, client):
    client.force_login(people.officer)
    client.post(reverse("outreach:plan_create") + f"?concern={concern.pk}", _plan_form(officer=people.officer.pk))
    return ActionPlan.objects.get()


@pytest.fixture
def submitted(draft, people, client):
    client.force_login(people.officer)
    client.post(
        reverse("outreach:plan_edit", args=[draft.pk]),
        {**_edit_form(draft, ("Knock-and-talk with the owner", people.officer, clock.today())), "submit": "1"},
    )
    draft.refresh_from_db()
    return draft


@pytest.fixture
def approved(submitted, people, client):
    client.force_login(people.sergeant)
    client.post(reverse("outreach:plan_approve", args=[submitted.pk]))
    submitted.refresh_from_db()
    return submitted


# Starting and the ten days


def test_the_concern_s_officer_starts_its_plan_due_ten_days_after_it_was_received(client, people, concern):
    client.force_login(people.officer)
    url = reverse("outreach:plan_create") + f"?concern={concern.pk}"

    form = client.get(url).context["form"]
    response = client.post(url, _plan_form(officer=people.officer.pk))

    plan = ActionPlan.objects.get()
    concern.refresh_from_db()
    assert form.initial["problem"] == concern.description
    assert response["Location"] == reverse("outreach:plan_edit", args=[plan.pk])
    assert plan.due_on == concern.received_on + timedelta(days=10)
    assert (plan.area_command, plan.status, concern.status) == (concern.area_command, Status.DRAFT, "plan_due")
    assert [event.action for event in plan.events.all()] == [Action.CREATED]


def test_a_concern_has_one_plan(client, people, draft):
    client.force_login(people.officer)

    response = client.get(reverse("outreach:plan_create") + f"?concern={draft.concern_id}")

    assert response["Location"] == draft.get_absolute_url()


def test_a_colleague_does_not_write_another_officer_s_plan(client, people, concern, area):
    client.force_login(UserFactory(role="officer", area_command=area))

    assert client.get(reverse("outreach:plan_create") + f"?concern={concern.pk}").status_code == 403


def test_another_area_s_concern_gets_no_plan_from_here(client, people, other_area):
    elsewhere = ConcernFactory(area_command=other_area)
    client.force_login(people.sergeant)

    assert client.get(reverse("outreach:plan_create") + f"?concern={elsewhere.pk}").status_code == 404
    assert client.get(reverse("outreach:plan_create") + "?concern=x").status_code == 404
    assert client.get(reverse("outreach:plan_create")).status_code == 404


@pytest.mark.parametrize(
    "received,due",
    [
        (date(2026, 1, 25), date(2026, 2, 4)),  # across a month's end
        (date(2026, 12, 27), date(2027, 1, 6)),  # across a year's end
        (date(2028, 2, 25), date(2028, 3, 6)),  # across a leap day
        (date(2027, 2, 25), date(2027, 3, 7)),  # the same days in a common year
        (date(2026, 3, 1), date(2026, 3, 11)),  # across the spring DST change (8 March)
        (date(2026, 10, 25), date(2026, 11, 4)),  # across the autumn DST change (1 November)
    ],
)
def test_due_dates_count_calendar_days(received, due):
    assert ActionPlan.due_for(received) == due


@pytest.mark.parametrize(
    "moment,overdue",
    [
        (datetime(2026, 3, 11, 23, 30, tzinfo=DENVER), False),  # the due day's last hour, already 12 March in UTC
        (datetime(2026, 3, 12, 0, 30, tzinfo=DENVER), True),
        (datetime(2026, 11, 4, 23, 30, tzinfo=DENVER), False),
        (datetime(2026, 11, 5, 0, 30, tzinfo=DENVER), True),
    ],
)
def test_overdue_starts_at_midnight_in_the_department_s_zone(client, people, area, moment, overdue):
    received = date(2026, 3, 1) if moment.month == 3 else date(2026, 10, 25)
    plan = ActionPlanFactory(concern__area_command=area, concern__received_on=received, officer=people.officer)
    client.force_login(people.sergeant)

    with time_machine.travel(moment, tick=False):
        listed = client.get(reverse("outreach:plan_list"), {"status": "overdue"}).context["page"].object_list

    assert (plan in listed) is overdue


# Submitting and the review


def test_the_officer_writes_the_response_and_submits_the_reviewers_are_e_mailed(
    client, people, draft, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(people.officer)
    data = _edit_form(
        draft,
        ("Knock-and-talk with the owner", people.officer, clock.today() + timedelta(days=3)),
        ("Ask public works for an alley light", people.sergeant, clock.today() + timedelta(days=14)),
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("outreach:plan_edit", args=[draft.pk]), {**data, "submit": "1"})

    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED and draft.first_submitted_at is not None
    assert draft.actions.count() == 2
    assert Concern.objects.get().status == "plan_submitted"
    recipients = {address for message in mailoutbox for address in message.to}
    assert recipients == {people.sergeant.email, people.lieutenant.email, people.commander.email}


def test_a_plan_with_no_planned_action_is_not_submitted(client, people, draft):
    client.force_login(people.officer)

    response = client.post(reverse("outreach:plan_submit", args=[draft.pk]), follow=True)

    assert "Add at least one planned action" in response.content.decode()
    assert ActionPlan.objects.get().status == Status.DRAFT


def test_a_return_needs_a_comment_at_its_field(client, people, submitted):
    client.force_login(people.sergeant)

    empty = client.post(reverse("outreach:plan_return", args=[submitted.pk]), {"comment": ""})
    blank = client.post(reverse("outreach:plan_return", args=[submitted.pk]), {"comment": "   "})

    # Nothing typed: back on the plan's own address, where a refresh re-posts nothing.
    assert empty["Location"] == blank["Location"] == submitted.get_absolute_url()
    assert ActionPlan.objects.get().status == Status.SUBMITTED


def test_returned_then_resubmitted_keeps_the_first_submission(
    client, people, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    first = submitted.first_submitted_at
    client.force_login(people.sergeant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("outreach:plan_return", args=[submitted.pk]), {"comment": "Name the owner of the rental."})
    returned = ActionPlan.objects.get()
    client.force_login(people.officer)
    client.post(reverse("outreach:plan_submit", args=[submitted.pk]))

    plan = ActionPlan.objects.get()
    assert returned.status == Status.RETURNED and returned.review_comment == "Name the owner of the rental."
    assert mailoutbox[-1].to == [people.officer.email] and "Name the owner" in mailoutbox[-1].body
    assert plan.status == Status.SUBMITTED and plan.first_submitted_at == first
    assert [e.action for e in plan.events.all()][-2:] == [Action.RETURNED, Action.RESUBMITTED]


def test_the_sergeant_approves_and_the_concern_is_in_progress(client, people, approved):
    assert approved.status == Status.IN_PROGRESS and approved.reviewed_by == people.sergeant
    assert Concern.objects.get().status == "in_progress"


def test_nobody_approves_a_plan_they_carry_out(client, people, area, concern):
    plan = ActionPlanFactory(
        concern=concern, officer=people.sergeant, created_by=people.sergeant, status=Status.SUBMITTED
    )
    client.force_login(people.sergeant)

    assert client.post(reverse("outreach:plan_approve", args=[plan.pk])).status_code == 403
    assert ActionPlan.objects.get().status == Status.SUBMITTED


@pytest.mark.parametrize("persona,status", [("officer", 403), ("other_sergeant", 404), ("chief", 403)])
def test_only_a_supervisor_of_the_area_approves(client, people, submitted, persona, status):
    client.force_login(getattr(people, persona))

    assert client.post(reverse("outreach:plan_approve", args=[submitted.pk])).status_code == status
    assert ActionPlan.objects.get().status == Status.SUBMITTED


# Carrying it out


def test_the_implementation_log_counts_enforcement(client, people, approved):
    client.force_login(people.officer)
    for arrests, citations in ((1, 3), (0, 2)):
        client.post(
            reverse("outreach:plan_log_add", args=[approved.pk]),
            {
                "done_on": clock.today().isoformat(),
                "actions_taken": "Saturation patrol",
                "arrests": arrests,
                "citations": citations,
                "warnings": 0,
                "code_notices": 1,
                "referrals": 0,
                "results": "Quieter night.",
            },
        )

    totals = ActionPlan.objects.get().enforcement_totals()

    assert (totals["arrests"], totals["citations"], totals["code_notices"]) == (1, 5, 2)


def test_nothing_is_logged_before_approval(client, people, submitted):
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:plan_log_add", args=[submitted.pk]),
        {
            "done_on": clock.today().isoformat(),
            "actions_taken": "Patrol",
            "arrests": 0,
            "citations": 0,
            "warnings": 0,
            "code_notices": 0,
            "referrals": 0,
        },
        follow=True,
    )

    assert "opens once the plan is approved" in response.content.decode()
    assert not ImplementationEntryFactory._meta.model.objects.exists()


def test_an_implausible_count_is_refused_at_its_field(client, people, approved):
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:plan_log_add", args=[approved.pk]),
        {
            "done_on": clock.today().isoformat(),
            "actions_taken": "Patrol",
            "arrests": 5000,
            "citations": 0,
            "warnings": 0,
            "code_notices": 0,
            "referrals": 0,
        },
    )

    assert response.status_code == 400 and "arrests" in response.context["entry_form"].errors


def test_closing_without_an_assessment_is_refused_at_the_field(client, people, approved):
    client.force_login(people.officer)
    client.post(reverse("outreach:plan_resolve", args=[approved.pk]))
    client.post(
        reverse("outreach:plan_monitor", args=[approved.pk]),
        {"recheck_on": (clock.today() + timedelta(days=30)).isoformat()},
    )

    with time_machine.travel(clock.now() + timedelta(days=31)):
        client.force_login(people.officer)  # a session does not last a month
        response = client.post(reverse("outreach:plan_close", args=[approved.pk]))

    assert response.status_code == 400
    assert {"assessment", "after_value"} <= set(response.context["assessment_form"].errors)
    assert ActionPlan.objects.get().status == Status.MONITORING
    assert Concern.objects.get().status == "monitoring"


def test_a_plan_closes_with_its_measure_taken_again(client, people, approved):
    client.force_login(people.officer)
    client.post(reverse("outreach:plan_resolve", args=[approved.pk]))
    client.post(
        reverse("outreach:plan_monitor", args=[approved.pk]),
        {"recheck_on": (clock.today() + timedelta(days=30)).isoformat()},
    )
    client.post(
        reverse("outreach:plan_assess", args=[approved.pk]),
        {"after_value": 3, "after_period": "the 90 days after", "assessment": "Calls fell from 14 to 3."},
    )

    early = client.post(reverse("outreach:plan_close", args=[approved.pk]), follow=True)
    with time_machine.travel(clock.now() + timedelta(days=30)):
        client.force_login(people.officer)  # a session does not last a month
        client.post(reverse("outreach:plan_close", args=[approved.pk]))

    plan = ActionPlan.objects.get()
    assert "The plan is watched until" in early.content.decode()
    assert (plan.status, plan.baseline_value, plan.after_value) == (Status.CLOSED, 14, 3)
    assert Concern.objects.get().status == "closed"


def test_monitoring_needs_a_re_check_date_after_today(client, people, approved):
    client.force_login(people.officer)
    client.post(reverse("outreach:plan_resolve", args=[approved.pk]))

    response = client.post(
        reverse("outreach:plan_monitor", args=[approved.pk]), {"recheck_on": clock.today().isoformat()}
    )

    assert response.status_code == 400 and "recheck_on" in response.context["monitor_form"].errors


def test_a_planned_action_is_marked_done_apart_from_the_outcome(client, people, approved):
    action = approved.actions.get()
    client.force_login(people.officer)

    client.post(
        reverse("outreach:plan_action_done", args=[approved.pk, action.pk]), {"done_on": clock.today().isoformat()}
    )

    action.refresh_from_db()
    assert action.done_on == clock.today()
    assert ActionPlan.objects.get().status == Status.IN_PROGRESS


# Who sees what


def test_an_officer_lists_their_own_plans_a_sergeant_the_area_s(client, people, area, other_area):
    mine = ActionPlanFactory(concern__area_command=area, officer=people.officer)
    colleague_s = ActionPlanFactory(concern__area_command=area)
    ActionPlanFactory(concern__area_command=other_area)

    def listed(user):
        client.force_login(user)
        return set(client.get(reverse("outreach:plan_list")).context["page"].object_list)

    assert listed(people.officer) == {mine}
    assert listed(people.sergeant) == {mine, colleague_s}
    assert len(listed(people.chief)) == 3
    client.force_login(people.officer)
    assert client.get(colleague_s.get_absolute_url()).status_code == 404


def test_the_plan_list_costs_the_same_for_ten_or_thirty_plans(client, people, area, django_assert_num_queries):
    for _ in range(10):
        PlannedActionFactory(plan=ActionPlanFactory(concern__area_command=area))
    client.force_login(people.sergeant)
    client.get(reverse("outreach:plan_list"))
    with django_assert_num_queries(9) as ten:
        client.get(reverse("outreach:plan_list"))
    ActionPlanFactory.create_batch(20, concern__area_command=area)

    with django_assert_num_queries(len(ten.captured_queries)):
        client.get(reverse("outreach:plan_list"))


def test_the_plan_page_s_queries_do_not_grow_with_its_log(client, people, approved, django_assert_num_queries):
    client.force_login(people.officer)
    ImplementationEntryFactory(plan=approved, by=people.officer)
    with django_assert_num_queries(11) as one:
        client.get(approved.get_absolute_url())
    ImplementationEntryFactory.create_batch(5, plan=approved, by=people.officer)

    with django_assert_num_queries(len(one.captured_queries)):
        client.get(approved.get_absolute_url())


# The dashboards


def test_the_officer_s_dashboard_lists_plans_due_overdue_and_returned(client, people, area):
    due_soon = ActionPlanFactory(concern__area_command=area, concern__received_on=clock.today() - timedelta(days=8))
    overdue = ActionPlanFactory(concern__area_command=area, concern__received_on=clock.today() - timedelta(days=12))
    later = ActionPlanFactory(concern__area_command=area, concern__received_on=clock.today())
    returned = ActionPlanFactory(concern__area_command=area, status=Status.RETURNED, first_submitted_at=clock.now())
    ActionPlan.objects.update(officer=people.officer)
    client.force_login(people.officer)

    now = client.get(reverse("outreach:dashboard")).context["now"]

    assert list(now["plans_due"]) == [overdue, due_soon] and later not in now["plans_due"]
    assert list(now["plans_returned"]) == [returned]


def test_the_sergeant_s_dashboard_lists_the_plans_to_approve_but_not_their_own(client, people, area, other_area):
    theirs = ActionPlanFactory(concern__area_command=area, status=Status.SUBMITTED, submitted_at=clock.now())
    ActionPlanFactory(
        concern__area_command=area, status=Status.SUBMITTED, officer=people.sergeant, created_by=people.sergeant
    )
    ActionPlanFactory(concern__area_command=other_area, status=Status.SUBMITTED)
    client.force_login(people.sergeant)

    now = client.get(reverse("outreach:dashboard")).context["now"]

    assert list(now["plans_to_review"]) == [theirs]


def test_the_lieutenant_sees_the_area_s_pact_work_person_by_person(client, people, area, other_area):
    ConcernFactory(
        area_command=area, assigned_to=people.officer, status="assigned", received_on=clock.today() - timedelta(days=12)
    )
    ConcernFactory(area_command=area, assigned_to=people.officer, status="assigned")
    plan = ActionPlanFactory(concern__area_command=area, officer=people.officer, status=Status.IN_PROGRESS)
    PlanEvent.objects.create(plan=plan, action=Action.APPROVED, by=people.sergeant)
    ConcernFactory(area_command=other_area, assigned_to=people.other_officer, status="assigned")
    client.force_login(people.lieutenant)

    workload = client.get(reverse("outreach:dashboard")).context["workload"]

    officer = next(row for row in workload["officers"] if row == people.officer)
    assert (officer.open_concerns, officer.overdue, officer.under_way) == (2, 1, 1)
    reviews = {row: row.approved for row in workload["sergeants"]}
    assert reviews == {people.sergeant: 1, people.lieutenant: 0, people.commander: 0}
    assert people.other_officer not in list(workload["officers"])


@pytest.mark.parametrize("role", ["officer", "sergeant", "chief"])
def test_only_the_area_s_lieutenant_and_commander_get_the_workload(client, people, role):
    client.force_login(getattr(people, role))

    assert "workload" not in client.get(reverse("outreach:dashboard")).context


def test_a_colleague_of_the_area_cannot_edit_or_submit_another_officer_s_plan(client, people, area, draft):
    colleague = UserFactory(role="officer", area_command=area)
    client.force_login(colleague)

    assert client.get(reverse("outreach:plan_edit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("outreach:plan_submit", args=[draft.pk])).status_code == 404


def test_a_supervisor_who_may_not_work_the_plan_is_refused(client, people, draft):
    client.force_login(people.chief)

    assert client.get(reverse("outreach:plan_edit", args=[draft.pk])).status_code == 403


def test_the_owner_of_a_planned_action_sees_the_plan_and_marks_it_done(client, people, area, approved):
    colleague = UserFactory(role="officer", area_command=area)
    action = PlannedActionFactory(plan=approved, owner=colleague)
    client.force_login(colleague)

    listed = client.get(reverse("outreach:plan_list")).context["page"].object_list
    client.post(
        reverse("outreach:plan_action_done", args=[approved.pk, action.pk]), {"done_on": clock.today().isoformat()}
    )

    action.refresh_from_db()
    assert approved in listed and action.done_on == clock.today()


def test_a_sergeant_who_owns_a_planned_action_does_not_approve_the_plan(client, people, draft):
    client.force_login(people.officer)
    client.post(
        reverse("outreach:plan_edit", args=[draft.pk]),
        {**_edit_form(draft, ("Ask public works for a light", people.sergeant, clock.today())), "submit": "1"},
    )
    client.force_login(people.sergeant)

    assert client.post(reverse("outreach:plan_approve", args=[draft.pk])).status_code == 403
    client.force_login(people.lieutenant)
    client.post(reverse("outreach:plan_approve", args=[draft.pk]))
    assert ActionPlan.objects.get().status == Status.IN_PROGRESS


def test_dates_before_the_plan_s_subject_began_are_refused_at_their_fields(client, people, draft, approved):
    client.force_login(people.officer)
    before = (approved.starts_on - timedelta(days=3)).isoformat()

    entry = client.post(
        reverse("outreach:plan_log_add", args=[approved.pk]),
        {
            "done_on": before,
            "actions_taken": "Patrol",
            "arrests": 0,
            "citations": 0,
            "warnings": 0,
            "code_notices": 0,
            "referrals": 0,
        },
    )

    assert entry.status_code == 400 and "done_on" in entry.context["entry_form"].errors


def test_a_planned_action_cannot_target_a_day_before_the_subject_began(client, people, draft):
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:plan_edit", args=[draft.pk]),
        _edit_form(draft, ("Knock-and-talk", people.officer, draft.starts_on - timedelta(days=1))),
    )

    assert "target_on" in response.context["formset"].forms[0].errors
