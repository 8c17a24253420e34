"""Community concerns: intake from every source, the area's queue, assignment, merges, no action, the timeline."""

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from outreach import clock
from outreach.models import Concern, ConcernEvent, CrimeType, PlanEvent
from outreach.tests.factories import (
    ActionPlanFactory,
    ConcernFactory,
    OrganizationFactory,
    PartnershipFactory,
    PartnershipLogEntryFactory,
    SectorFactory,
    UserFactory,
)

Status, Action = Concern.Status, ConcernEvent.Action


def _intake(area, **changes):
    return {
        "source": Concern.Source.WALK_IN,
        "received_on": clock.today().isoformat(),
        "category": CrimeType.objects.get(code="drugs").pk,
        "description": "Cars stop at the corner house at all hours; people go in for a minute and leave.",
        "location": "1400 block of Juniper Road",
        "area_command": area.pk,
        "reporter_name": "Rosa Martínez-Delgado",
        "reporter_phone": "(555) 010-7788",
        **changes,
    }


# Intake


@pytest.mark.parametrize("source", Concern.INTAKE_SOURCES)
def test_an_officer_records_a_concern_from_any_source(client, people, area, source):
    client.force_login(people.officer)

    response = client.post(reverse("outreach:concern_create"), _intake(area, source=source), follow=True)

    concern = Concern.objects.get()
    assert (concern.source, concern.area_command, concern.created_by) == (source, area, people.officer)
    assert [event.action for event in concern.events.all()] == [Action.RECEIVED]
    assert "Its action plan is due on" in response.content.decode()


def test_a_concern_cannot_be_received_in_the_future_and_nothing_typed_is_lost(client, people, area):
    client.force_login(people.officer)
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()

    response = client.post(reverse("outreach:concern_create"), _intake(area, received_on=tomorrow))

    assert response.context["form"].errors["received_on"] == ["The date cannot be in the future."]
    assert "1400 block of Juniper Road" in response.content.decode()
    assert not Concern.objects.exists()


def test_a_sector_of_another_area_is_refused_at_its_field(client, people, area, other_area):
    client.force_login(people.chief)
    elsewhere = SectorFactory(area_command=other_area)

    response = client.post(reverse("outreach:concern_create"), _intake(area, sector=elsewhere.pk))

    assert "sector" in response.context["form"].errors
    assert not Concern.objects.exists()


def test_the_source_offered_by_a_link_is_chosen_in_the_form(client, people):
    client.force_login(people.officer)

    form = client.get(reverse("outreach:concern_create"), {"source": "email"}).context["form"]

    assert form["source"].value() == "email"
    assert "presentation" not in dict(form.fields["source"].choices)


def test_a_partner_s_log_entry_becomes_a_concern_in_one_click(client, people, area):
    organization = OrganizationFactory(area_command=area, address="88 Market Street", contact_name="Lee Park")
    entry = PartnershipLogEntryFactory(
        partnership=PartnershipFactory(organization=organization, responsible_officer=people.officer),
        logged_on=clock.today() - timedelta(days=2),
    )
    client.force_login(people.officer)
    url = reverse("outreach:concern_create") + f"?log_entry={entry.pk}"

    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    client.post(url, {**data, "category": CrimeType.objects.get(code="vehicle_crime").pk})

    concern = Concern.objects.get()
    assert (concern.source, concern.partnership_log_entry, concern.received_on) == ("partner", entry, entry.logged_on)
    assert (concern.location, concern.reporter_name) == ("88 Market Street", "Lee Park")
    page = client.get(entry.partnership.get_absolute_url()).content.decode()
    assert concern.get_absolute_url() in page


def test_another_area_s_log_entry_is_not_found(client, people, other_area):
    entry = PartnershipLogEntryFactory(partnership__organization__area_command=other_area)
    client.force_login(people.officer)

    assert client.get(reverse("outreach:concern_create"), {"log_entry": entry.pk}).status_code == 404
    assert client.get(reverse("outreach:concern_create"), {"log_entry": "1 OR 1=1"}).status_code == 404


def test_records_staff_record_a_concern_for_any_area(client, people, other_area):
    client.force_login(people.records)

    assert client.post(reverse("outreach:concern_create"), _intake(other_area)).status_code == 302
    assert Concern.objects.get().area_command == other_area


# The list


def test_the_list_shows_open_concerns_of_the_user_s_area_unless_asked(client, people, area, other_area):
    mine = ConcernFactory(area_command=area)
    ConcernFactory(area_command=area, status=Status.NO_ACTION, closing_reason="Not police business")
    ConcernFactory(area_command=other_area)
    client.force_login(people.officer)

    open_ones = list(client.get(reverse("outreach:concern_list")).context["page"].object_list)
    every = client.get(reverse("outreach:concern_list"), {"status": "all"}).context["page"].paginator.count

    assert open_ones == [mine]
    assert every == 2


@time_machine.travel(datetime(2026, 11, 18, 12, 0, tzinfo=ZoneInfo("America/Denver")), tick=False)
def test_overdue_means_awaiting_a_plan_past_ten_calendar_days(client, people, area):
    due_today = ConcernFactory(area_command=area, received_on=date(2026, 11, 8))
    late = ConcernFactory(area_command=area, received_on=date(2026, 11, 7), status=Status.ASSIGNED)
    ConcernFactory(area_command=area, received_on=date(2026, 10, 1), status=Status.IN_PROGRESS)
    client.force_login(people.sergeant)

    overdue = list(client.get(reverse("outreach:concern_list"), {"status": "overdue"}).context["page"].object_list)

    assert overdue == [late]
    assert due_today.plan_due_on == date(2026, 11, 18) and not due_today.is_overdue()
    assert late.is_overdue()


def test_the_list_filters_by_officer_source_category_and_dates(client, people, area):
    theirs = ConcernFactory(
        area_command=area,
        assigned_to=people.officer,
        status=Status.ASSIGNED,
        source=Concern.Source.EMAIL,
        received_on=clock.today() - timedelta(days=3),
    )
    ConcernFactory(area_command=area, category=CrimeType.objects.get(code="traffic"))
    client.force_login(people.sergeant)
    query = {
        "officer": people.officer.pk,
        "source": "email",
        "category": theirs.category_id,
        "received_from": (clock.today() - timedelta(days=5)).isoformat(),
        "received_to": clock.today().isoformat(),
    }

    found = list(client.get(reverse("outreach:concern_list"), query).context["page"].object_list)

    assert found == [theirs]


def test_the_csv_leaves_out_who_reported_a_concern(client, people, area):
    ConcernFactory(area_command=area, reporter_name="Rosa Martínez", reporter_phone="(555) 010-7788")
    client.force_login(people.sergeant)

    response = client.get(reverse("outreach:concern_list"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))

    assert rows[0][:3] == ["Received on", "Source", "Category"] and len(rows) == 2
    assert "Rosa" not in str(rows) and "7788" not in str(rows)


def test_the_list_costs_the_same_queries_for_ten_or_forty_rows(client, people, area, django_assert_num_queries):
    client.force_login(people.sergeant)
    ConcernFactory.create_batch(10, area_command=area, assigned_to=people.officer, status=Status.ASSIGNED)
    client.get(reverse("outreach:concern_list"))
    with django_assert_num_queries(11) as ten:
        client.get(reverse("outreach:concern_list"))

    ConcernFactory.create_batch(30, area_command=area, sector=SectorFactory(area_command=area))
    with django_assert_num_queries(len(ten.captured_queries)):
        client.get(reverse("outreach:concern_list"))


# Working a concern


def test_the_sergeant_assigns_a_concern_and_the_officer_is_e_mailed(
    client, people, area, mailoutbox, django_capture_on_commit_callbacks
):
    concern = ConcernFactory(area_command=area)
    client.force_login(people.sergeant)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("outreach:concern_assign", args=[concern.pk]), {"officer": people.officer.pk})

    concern.refresh_from_db()
    assert (concern.status, concern.assigned_to) == (Status.ASSIGNED, people.officer)
    assert concern.events.last().officer == people.officer
    assert [message.to for message in mailoutbox] == [[people.officer.email]]
    assert concern.get_absolute_url() in mailoutbox[0].body


def test_an_officer_of_another_area_cannot_be_assigned(client, people, area):
    concern = ConcernFactory(area_command=area)
    client.force_login(people.sergeant)

    response = client.post(reverse("outreach:concern_assign", args=[concern.pk]), {"officer": people.other_officer.pk})

    assert response.status_code == 400
    assert "officer" in response.context["assign_form"].errors
    assert Concern.objects.get().assigned_to is None


def test_an_officer_cannot_assign_concerns(client, people, area):
    concern = ConcernFactory(area_command=area)
    client.force_login(people.officer)

    response = client.post(reverse("outreach:concern_assign", args=[concern.pk]), {"officer": people.officer.pk})

    assert response.status_code == 403


def test_an_officer_takes_an_unassigned_concern_once(client, people, area):
    concern = ConcernFactory(area_command=area)
    colleague = UserFactory(role="officer", area_command=area)
    client.force_login(people.officer)
    client.post(reverse("outreach:concern_take", args=[concern.pk]))
    client.force_login(colleague)

    response = client.post(reverse("outreach:concern_take", args=[concern.pk]), follow=True)

    concern.refresh_from_db()
    assert (concern.status, concern.assigned_to) == (Status.ASSIGNED, people.officer)
    assert "already works this concern" in response.content.decode()
    assert [event.action for event in concern.events.all()] == [Action.TAKEN]


@pytest.mark.parametrize("role", ["records", "chief", "commander"])
def test_only_officers_and_sergeants_take_concerns(client, people, area, role):
    concern = ConcernFactory(area_command=area)
    client.force_login(getattr(people, role))

    assert client.post(reverse("outreach:concern_take", args=[concern.pk])).status_code == 403


def test_a_new_concern_shows_the_open_ones_like_it(client, people, area):
    sector = SectorFactory(area_command=area)
    burglary, traffic = CrimeType.objects.get(code="burglary"), CrimeType.objects.get(code="traffic")
    concern = ConcernFactory(area_command=area, sector=sector, category=burglary)
    alike = ConcernFactory(area_command=area, sector=sector, category=burglary, status=Status.IN_PROGRESS)
    ConcernFactory(area_command=area, sector=sector, category=burglary, status=Status.CLOSED)
    ConcernFactory(area_command=area, sector=sector, category=traffic)
    ConcernFactory(area_command=area, sector=SectorFactory(area_command=area), category=burglary)
    client.force_login(people.sergeant)

    similar = list(client.get(concern.get_absolute_url()).context["similar"])

    assert similar == [alike]


def test_merging_asks_first_then_keeps_the_link_both_ways(client, people, area):
    concern, target = ConcernFactory(area_command=area), ConcernFactory(area_command=area, status=Status.IN_PROGRESS)
    client.force_login(people.sergeant)
    url = reverse("outreach:concern_merge", args=[concern.pk, target.pk])

    confirmation = client.get(url)
    client.post(url, {"comment": "Same house, reported twice."})

    concern.refresh_from_db()
    assert "This cannot be undone." in confirmation.content.decode()
    assert (concern.status, concern.merged_into) == (Status.MERGED, target)
    assert list(client.get(target.get_absolute_url()).context["merged"]) == [concern]
    assert target.events.get().action == Action.ABSORBED


def test_a_concern_cannot_be_merged_into_a_closed_one_or_itself(client, people, area):
    concern = ConcernFactory(area_command=area)
    closed = ConcernFactory(area_command=area, status=Status.CLOSED)
    client.force_login(people.sergeant)

    client.post(reverse("outreach:concern_merge", args=[concern.pk, closed.pk]))
    client.post(reverse("outreach:concern_merge", args=[concern.pk, concern.pk]))

    assert Concern.objects.get(pk=concern.pk).status == Status.NEW


def test_a_concern_of_another_area_is_not_a_merge_target(client, people, area, other_area):
    concern, elsewhere = ConcernFactory(area_command=area), ConcernFactory(area_command=other_area)
    client.force_login(people.sergeant)

    assert client.post(reverse("outreach:concern_merge", args=[concern.pk, elsewhere.pk])).status_code == 404


def test_no_action_needs_a_reason_at_its_field(client, people, area):
    concern = ConcernFactory(area_command=area)
    client.force_login(people.sergeant)
    url = reverse("outreach:concern_no_action", args=[concern.pk])

    refused = client.post(url, {"reason": "  "})
    client.post(url, {"reason": "A civil matter between neighbours: referred to mediation."})

    concern.refresh_from_db()
    assert "reason" in refused.context["form"].errors
    assert (concern.status, concern.closing_reason) == (
        Status.NO_ACTION,
        "A civil matter between neighbours: referred to mediation.",
    )


def test_an_officer_cannot_close_a_concern_with_no_action(client, people, area):
    concern = ConcernFactory(area_command=area)
    client.force_login(people.officer)

    assert client.post(reverse("outreach:concern_no_action", args=[concern.pk]), {"reason": "x"}).status_code == 403


# Who reported it


def test_who_reported_a_concern_is_for_the_staff_who_work_it(client, people, area):
    concern = ConcernFactory(area_command=area, reporter_name="Rosa Martínez", reporter_phone="(555) 010-7788")
    colleague = UserFactory(role="officer", area_command=area)

    def sees(user):
        client.force_login(user)
        return "010-7788" in client.get(concern.get_absolute_url()).content.decode()

    assert not sees(colleague)
    assert sees(people.sergeant) and sees(people.chief)
    Concern.objects.filter(pk=concern.pk).update(assigned_to=colleague, status=Status.ASSIGNED)
    assert sees(colleague)


def test_an_officer_who_may_not_see_the_reporter_cannot_change_it_either(client, people, area):
    concern = ConcernFactory(area_command=area, reporter_name="Rosa Martínez")
    colleague = UserFactory(role="officer", area_command=area)
    client.force_login(colleague)
    url = reverse("outreach:concern_edit", args=[concern.pk])

    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    client.post(url, {**data, "location": "Corner of Elm and 5th", "reporter_name": "Someone else"})

    concern.refresh_from_db()
    assert "reporter_name" not in form.fields
    assert (concern.location, concern.reporter_name) == ("Corner of Elm and 5th", "Rosa Martínez")
    assert concern.events.last().action == Action.EDITED


# The dashboard


def test_the_officer_s_dashboard_lists_the_concerns_waiting_for_a_plan(client, people, area):
    ConcernFactory(area_command=area, assigned_to=people.officer, status=Status.ASSIGNED)
    ConcernFactory(area_command=area)
    client.force_login(people.officer)

    now = client.get(reverse("outreach:dashboard")).context["now"]

    assert len(now["concerns_to_plan"]) == 1 and "concerns_unassigned" not in now


def test_the_sergeant_s_dashboard_lists_the_area_s_new_concerns(client, people, area, other_area):
    ConcernFactory(area_command=area)
    ConcernFactory(area_command=other_area)
    client.force_login(people.sergeant)

    now = client.get(reverse("outreach:dashboard")).context["now"]

    assert len(now["concerns_unassigned"]) == 1


def test_a_late_concern_says_so_when_it_is_recorded(client, people, area):
    client.force_login(people.officer)
    late = (clock.today() - timedelta(days=15)).isoformat()

    response = client.post(reverse("outreach:concern_create"), _intake(area, received_on=late), follow=True)

    assert "it is already late" in response.content.decode()


def test_a_log_entry_is_recorded_as_a_concern_once(client, people, area):
    entry = PartnershipLogEntryFactory(partnership=PartnershipFactory(organization__area_command=area))
    ConcernFactory(area_command=area, partnership_log_entry=entry)
    client.force_login(people.officer)

    page = client.get(entry.partnership.get_absolute_url()).content.decode()

    assert f"?log_entry={entry.pk}" not in page


def test_the_concern_s_timeline_includes_its_plan_s_steps(client, people, area):
    plan = ActionPlanFactory(concern__area_command=area)
    PlanEvent.objects.create(plan=plan, action=PlanEvent.Action.APPROVED, by=people.sergeant)
    client.force_login(people.sergeant)

    events = client.get(plan.concern.get_absolute_url()).context["events"]

    assert [event.get_action_display() for event in events][-1:] == ["Approved"]


def test_records_staff_do_not_see_who_reported_a_concern(client, people, area):
    concern = ConcernFactory(area_command=area, reporter_phone="(555) 010-7788")
    client.force_login(people.records)

    assert "010-7788" not in client.get(concern.get_absolute_url()).content.decode()
