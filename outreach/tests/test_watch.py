"""Neighborhood watch: the citizen request, the group's life, coverage and lapsing groups."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from outreach.models import Department, WatchGroup
from outreach.tests.factories import (
    BlockCaptainFactory,
    RequestedWatchGroupFactory,
    SectorFactory,
    WatchGroupFactory,
    WatchMeetingFactory,
)

Status = WatchGroup.Status

# Two weeks after the meeting the captains test records (10:00 in Denver).
MID_OCTOBER_2026 = datetime(2026, 10, 15, 16, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def _request_form(**overrides):
    data = {
        "kind": "residential",
        "boundaries": "Maple Court, the whole cul-de-sac",
        "households": "14",
        "requester_name": "Paul Garcia",
        "requester_email": "paul@example.org",
        "requester_phone": "555-0177",
    }
    data.update(overrides)
    return data


def test_residents_ask_to_start_a_watch_group(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("outreach:watch_request"), _request_form(), follow=True)

    group = WatchGroup.objects.get()
    assert group.status == Status.REQUESTED
    assert group.started_by == WatchGroup.StartedBy.CITIZENS
    assert group.area_command is None
    assert group.reference.startswith("NW-")
    assert group.reference.encode() in response.content
    assert [m.to for m in mail.outbox] == [["paul@example.org"]]


def test_the_watch_request_in_spanish(client, db):
    page = client.get(reverse("outreach:watch_request"), headers={"accept-language": "es"})
    client.post(reverse("outreach:watch_request"), _request_form(), headers={"accept-language": "es"})

    assert "Iniciar una vigilancia vecinal" in page.content.decode()
    assert WatchGroup.objects.get().requester_language == "es"


def test_watch_request_errors_are_shown_next_to_the_fields(client, db):
    response = client.post(reverse("outreach:watch_request"), _request_form(requester_email="", boundaries=""))

    assert set(response.context["form"].errors) == {"requester_email", "boundaries"}
    assert b"Paul Garcia" in response.content
    assert not WatchGroup.objects.exists()


def test_watch_request_honeypot_and_rate_limit(client, db, settings):
    settings.PUBLIC_FORM_RATE = "2/h"
    bot = client.post(reverse("outreach:watch_request"), _request_form(website="x"))
    client.post(reverse("outreach:watch_request"), _request_form())

    flooded = client.post(reverse("outreach:watch_request"), _request_form())

    assert bot["Location"] == reverse("outreach:request_thanks")
    assert flooded.status_code == 429
    assert WatchGroup.objects.count() == 1


@pytest.mark.parametrize("handler", ["sergeant", "other_sergeant", "lieutenant", "commander", "records", "chief"])
def test_a_requested_group_is_an_intake_queue_for_the_handlers_of_every_area(client, people, handler):
    RequestedWatchGroupFactory(name="Requested")
    client.force_login(getattr(people, handler))

    response = client.get(reverse("outreach:watch_list"))

    assert [g.name for g in response.context["page"].object_list] == ["Requested"]


def test_an_officer_does_not_see_the_intake_queue_or_the_citizens_contacts(client, people):
    group = RequestedWatchGroupFactory(requester_email="citizen@example.org")
    client.force_login(people.officer)

    listed = client.get(reverse("outreach:watch_list")).context["page"].object_list
    detail = client.get(reverse("outreach:watch_detail", args=[group.pk]))

    assert list(listed) == []
    assert detail.status_code == 404


def test_organizing_needs_an_area_command(client, people):
    group = RequestedWatchGroupFactory()
    client.force_login(people.sergeant)

    response = client.post(
        reverse("outreach:watch_set_status", args=[group.pk]), {"status": Status.ORGANIZING}, follow=True
    )

    group.refresh_from_db()
    assert group.status == Status.REQUESTED
    assert "Choose the area command before organizing the group." in " ".join(
        str(m) for m in response.context["messages"]
    )


def test_the_group_moves_through_its_statuses_and_the_requester_hears(
    client, people, area, django_capture_on_commit_callbacks
):
    group = RequestedWatchGroupFactory(
        name="Maple Court",
        requester_email="paul@example.org",
        requester_name="Paul",
        area_command=area,
        liaison_officer=people.officer,
    )
    client.force_login(people.sergeant)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("outreach:watch_set_status", args=[group.pk]), {"status": Status.ORGANIZING})
    client.post(reverse("outreach:watch_set_status", args=[group.pk]), {"status": Status.ACTIVE})
    skipped = client.post(reverse("outreach:watch_set_status", args=[group.pk]), {"status": Status.REQUESTED})

    group.refresh_from_db()
    assert group.status == Status.ACTIVE
    assert skipped.status_code == 400
    assert [m.to for m in mail.outbox] == [["paul@example.org"]]
    assert people.officer.get_full_name() in mail.outbox[0].body


@time_machine.travel(MID_OCTOBER_2026, tick=False)
def test_captains_and_meetings_are_recorded(client, people, area):
    group = WatchGroupFactory(area_command=area, active=True)
    client.force_login(people.officer)

    client.post(reverse("outreach:watch_captain_add", args=[group.pk]), {"name": "Ruth Alvarez", "phone": "555-0100"})
    client.post(
        reverse("outreach:watch_meeting_add", args=[group.pk]),
        {"held_on": "2026-10-01T19:00", "attendance": "18", "officer_present": people.officer.pk},
    )
    bad = client.post(reverse("outreach:watch_meeting_add", args=[group.pk]), {"held_on": "", "attendance": "-3"})

    assert group.captains.get().name == "Ruth Alvarez"
    assert group.meetings.get().attendance == 18
    assert bad.status_code == 400


def test_another_areas_group_is_not_found(client, people, other_area):
    group = WatchGroupFactory(area_command=other_area, active=True)
    client.force_login(people.officer)

    assert client.get(group.get_absolute_url()).status_code == 404
    assert client.post(reverse("outreach:watch_captain_add", args=[group.pk]), {"name": "X"}).status_code == 404
    assert client.post(reverse("outreach:watch_set_status", args=[group.pk]), {"status": "inactive"}).status_code == 404


def test_coverage_lists_sectors_without_an_active_group(client, people, area):
    covered = SectorFactory(area_command=area, name="Hillcrest")
    SectorFactory(area_command=area, name="University")
    WatchGroupFactory(area_command=area, active=True, sector=covered)
    WatchGroupFactory(
        area_command=area,
        name="Dormant",
        status=Status.INACTIVE,
        sector=SectorFactory(area_command=area, name="Route 9"),
    )
    client.force_login(people.sergeant)

    response = client.get(reverse("outreach:watch_coverage"))

    assert sorted(s.name for s in response.context["uncovered"]) == ["Route 9", "University"]


def test_groups_with_no_meeting_in_six_months_are_lapsing(client, people, area):
    recent = WatchGroupFactory(area_command=area, active=True, name="Recent")
    stale = WatchGroupFactory(area_command=area, active=True, name="Stale")
    WatchMeetingFactory(group=recent, held_on=timezone.now() - timedelta(days=30))
    WatchMeetingFactory(group=stale, held_on=timezone.now() - timedelta(days=200))
    client.force_login(people.sergeant)

    response = client.get(reverse("outreach:watch_coverage"))

    assert [g.name for g in response.context["lapsing"]] == ["Stale"]


def test_watch_list_query_count_is_pinned(client, people, area, django_assert_num_queries):
    Department.load()
    for index in range(8):
        group = WatchGroupFactory(area_command=area, active=True, name=f"Group {index}")
        WatchMeetingFactory(group=group, held_on=timezone.now())
    client.force_login(people.officer)

    with django_assert_num_queries(8):
        response = client.get(reverse("outreach:watch_list"))

    assert len(response.context["page"].object_list) == 8


def test_watch_list_exports_csv(client, people, area, other_area):
    WatchGroupFactory(area_command=area, active=True, name="Ours")
    WatchGroupFactory(area_command=other_area, active=True, name="Theirs")
    client.force_login(people.officer)

    response = client.get(reverse("outreach:watch_list"), {"format": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Ours" in content and "Theirs" not in content


def test_coverage_lists_area_commands_without_an_active_group(client, people, area, other_area):
    WatchGroupFactory(area_command=area, active=True)
    client.force_login(people.chief)

    response = client.get(reverse("outreach:watch_coverage"))

    assert list(response.context["uncovered_areas"]) == [other_area]


def test_coverage_query_count_is_pinned(client, people, area, django_assert_num_queries):
    Department.load()
    for index in range(6):
        group = WatchGroupFactory(
            area_command=area, active=True, name=f"Group {index}", sector=SectorFactory(area_command=area)
        )
        WatchMeetingFactory(group=group, held_on=timezone.now() - timedelta(days=300))
    client.force_login(people.sergeant)

    with django_assert_num_queries(8):
        client.get(reverse("outreach:watch_coverage"))


def test_only_intake_handlers_see_a_placed_citizen_group_s_contacts(client, people, area):
    group = RequestedWatchGroupFactory(
        area_command=area, status=Status.ORGANIZING, requester_email="neighbor@example.org"
    )
    url = reverse("outreach:watch_detail", args=[group.pk])

    client.force_login(people.officer)
    officer_page = client.get(url).content.decode()
    client.force_login(people.sergeant)
    sergeant_page = client.get(url).content.decode()

    assert "neighbor@example.org" not in officer_page
    assert "neighbor@example.org" in sergeant_page


def test_making_a_group_inactive_asks_for_confirmation(client, people, area):
    group = WatchGroupFactory(area_command=area, active=True)
    client.force_login(people.sergeant)
    url = reverse("outreach:watch_set_status", args=[group.pk])

    unconfirmed = client.post(url, {"status": Status.INACTIVE})
    group.refresh_from_db()
    assert unconfirmed.status_code == 400
    assert "confirm_inactive" in unconfirmed.context["status_form"].errors
    assert group.status == Status.ACTIVE

    client.post(url, {"status": Status.INACTIVE, "confirm_inactive": "on"})
    group.refresh_from_db()
    assert group.status == Status.INACTIVE


def test_a_second_group_of_the_same_name_in_an_area_is_refused(client, people, area, other_area):
    WatchGroupFactory(name="Elm Street Neighbors", area_command=area)
    WatchGroupFactory(name="Elm Street Neighbors", area_command=other_area)
    client.force_login(people.sergeant)

    response = client.post(
        reverse("outreach:watch_create"),
        {"name": "ELM street neighbors", "kind": "residential", "area_command": area.pk, "boundaries": "Elm"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["This area command already has a watch group with this name."]


def test_a_meeting_with_an_implausible_attendance_is_refused_with_its_limit(client, people, area):
    group = WatchGroupFactory(area_command=area)
    client.force_login(people.sergeant)

    response = client.post(
        reverse("outreach:watch_meeting_add", args=[group.pk]),
        {"held_on": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "attendance": "100000"},
    )

    assert response.status_code == 400
    assert response.context["meeting_form"].errors["attendance"] == ["Ensure this value is less than or equal to 5000."]


def test_a_block_captain_is_removed_after_a_confirmation(client, people, area):
    captain = BlockCaptainFactory(group__area_command=area, name="María José Fernández")
    url = reverse("outreach:watch_captain_remove", args=[captain.group_id, captain.pk])
    client.force_login(people.sergeant)

    asked = client.get(url)
    assert "Remove María José Fernández as block captain?" in asked.content.decode()
    assert captain.group.captains.exists()

    response = client.post(url)

    assert response["Location"] == captain.group.get_absolute_url()
    assert not captain.group.captains.exists()


def test_a_meeting_still_ahead_is_removed_after_a_confirmation(client, people, area):
    # One that took place is a record, kept three years (outreach/tests/test_retention.py).
    meeting = WatchMeetingFactory(group__area_command=area, held_on=timezone.now() + timedelta(days=3))
    url = reverse("outreach:watch_meeting_remove", args=[meeting.group_id, meeting.pk])
    client.force_login(people.sergeant)

    assert client.get(url).status_code == 200
    client.post(url)

    assert not meeting.group.meetings.exists()


def test_another_groups_captain_cannot_be_removed_through_this_group(client, people, area):
    group = WatchGroupFactory(area_command=area)
    stranger = BlockCaptainFactory(group__area_command=area)
    client.force_login(people.sergeant)

    response = client.post(reverse("outreach:watch_captain_remove", args=[group.pk, stranger.pk]))

    assert response.status_code == 404
    assert stranger.group.captains.exists()
