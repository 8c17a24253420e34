"""The outreach calendar page and its ICS feeds, read back with a real ICS parser."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from outreach.models import CalendarFeed, Department
from outreach.tests.factories import CalendarFeedFactory, WatchMeetingFactory
from programs.models import Presentation
from programs.tests.factories import PresentationFactory, ProgramFactory

# The malformed months below are malformed in 2026 (10:00 in Denver), not merely out of range.
JUNE_15_2026 = datetime(2026, 6, 15, 16, 0, tzinfo=UTC)


def _parse(response):
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def events(area, other_area):
    """Three days ahead: a public and a private presentation of the area, another area's, a cancelled one, a meeting."""
    PresentationFactory(
        area_command=area,
        program__name="Bicycle Safety Day",
        scheduled=True,
        is_public=True,
        place="Lincoln Elementary",
    )
    PresentationFactory(area_command=area, program__name="Landlord Training", scheduled=True, is_public=False)
    PresentationFactory(area_command=other_area, program__name="River Cleanup", scheduled=True, is_public=True)
    PresentationFactory(
        area_command=area,
        program__name="Called Off",
        scheduled=True,
        status=Presentation.Status.CANCELLED,
        is_public=True,
    )
    WatchMeetingFactory(
        group__name="Elm Street",
        group__area_command=area,
        group__active=True,
        held_on=timezone.now() + timedelta(days=3),
        place="Elm Street Church",
    )


def test_month_page_lists_the_areas_events(client, people, events):
    client.force_login(people.officer)

    month = timezone.localtime(timezone.now() + timedelta(days=3)).strftime("%Y-%m")

    response = client.get(reverse("outreach:calendar_month"), {"month": month})

    titles = [event.title for _day, events, _more in response.context["days"] for event in events]
    assert sorted(titles) == ["Bicycle Safety Day", "Landlord Training", "Watch meeting: Elm Street"]


def test_every_area_at_once_names_a_days_first_events_and_counts_the_rest(client, people, area, monkeypatch):
    """A large department's month holds thousands of events: across areas a day lists its first ten."""
    from outreach.views import calendar

    monkeypatch.setattr(calendar, "DAY_EVENTS_ACROSS_AREAS", 2)
    day = timezone.now() + timedelta(days=3)
    for hour in range(3):
        PresentationFactory(area_command=area, scheduled=True, starts_at=day.replace(hour=15 + hour))
    month = {"month": timezone.localtime(day).strftime("%Y-%m")}
    client.force_login(people.chief)

    every_area = client.get(reverse("outreach:calendar_month"), month)
    one_area = client.get(reverse("outreach:calendar_month"), {**month, "area": area.code})

    assert [(len(events), more) for _day, events, more in every_area.context["days"]] == [(2, 1)]
    assert "And 1 more event this day: choose an area command above to see every one." in every_area.content.decode()
    assert [(len(events), more) for _day, events, more in one_area.context["days"]] == [(3, 0)]


@time_machine.travel(JUNE_15_2026, tick=False)
def test_month_page_survives_a_malformed_month(client, people):
    client.force_login(people.officer)

    for value in ("2026-13", "abc", "2026", "99999-01", "9999-12", "0001-01", "-5-3"):
        assert client.get(reverse("outreach:calendar_month"), {"month": value}).status_code == 200


def test_staff_feed_is_scoped_to_the_area_and_parses(client, people, events):
    client.force_login(people.sergeant)
    client.post(reverse("outreach:calendar_feed_reset"))
    feed = CalendarFeed.objects.get(user=people.sergeant)
    client.logout()  # calendar apps have no session

    response = client.get(feed.get_absolute_url())

    assert response["Content-Type"].startswith("text/calendar")
    events = _parse(response)
    assert set(events) == {"Bicycle Safety Day", "Landlord Training", "Watch meeting: Elm Street"}
    assert str(events["Bicycle Safety Day"]["location"]) == "Lincoln Elementary"
    assert events["Bicycle Safety Day"].decoded("dtstart") > timezone.now()


def test_replacing_the_feed_address_cuts_off_the_old_one(client, people):
    client.force_login(people.officer)
    client.post(reverse("outreach:calendar_feed_reset"))
    old = CalendarFeed.objects.get(user=people.officer).get_absolute_url()

    client.post(reverse("outreach:calendar_feed_reset"))

    assert client.get(old).status_code == 404
    assert client.get(CalendarFeed.objects.get(user=people.officer).get_absolute_url()).status_code == 200


def test_an_inactive_users_feed_stops(client, people):
    feed = CalendarFeedFactory(user=people.officer)
    people.officer.is_active = False
    people.officer.save()

    assert client.get(feed.get_absolute_url()).status_code == 404


def test_public_feed_has_public_events_only_and_nothing_personal(client, people, events):

    response = client.get(reverse("outreach:calendar_public_feed"))

    events = _parse(response)
    assert set(events) == {"Bicycle Safety Day", "River Cleanup"}
    for person in (people.officer, people.sergeant):
        assert person.last_name.encode() not in response.content
    assert b"@example.org" not in response.content
    assert all("url" not in event for event in events.values())


def test_public_feed_uses_spanish_program_names_for_spanish_readers(client, people, area, other_area):
    program = ProgramFactory(name="Seat Belt Check", name_es="Revisión de cinturones")
    PresentationFactory(
        area_command=area,
        program=program,
        starts_at=timezone.now() + timedelta(days=2),
        status=Presentation.Status.SCHEDULED,
        is_public=True,
    )

    response = client.get(reverse("outreach:calendar_public_feed"), headers={"accept-language": "es"})

    assert "Revisión de cinturones" in _parse(response)


def test_feed_query_count_is_pinned(client, people, area, other_area, django_assert_num_queries):
    PresentationFactory.create_batch(10, area_command=area, scheduled=True, is_public=True)
    PresentationFactory.create_batch(10, area_command=area, scheduled=True, is_public=False)
    PresentationFactory.create_batch(10, area_command=other_area, scheduled=True, is_public=True)
    PresentationFactory.create_batch(10, area_command=area, scheduled=True, status=Presentation.Status.CANCELLED)
    WatchMeetingFactory.create_batch(
        10, group__area_command=area, group__active=True, held_on=timezone.now() + timedelta(days=3)
    )
    feed = CalendarFeedFactory(user=people.sergeant)
    Department.load()

    # department, feed and user, permissions (2), presentations, their command staff, watch meetings
    with django_assert_num_queries(7):
        client.get(feed.get_absolute_url())


def test_month_page_query_count_is_pinned(client, people, area, other_area, django_assert_num_queries):
    Department.load()
    PresentationFactory.create_batch(5, area_command=area, scheduled=True, is_public=True)
    PresentationFactory.create_batch(5, area_command=area, scheduled=True, is_public=False)
    PresentationFactory.create_batch(5, area_command=other_area, scheduled=True, is_public=True)
    PresentationFactory.create_batch(5, area_command=area, scheduled=True, status=Presentation.Status.CANCELLED)
    WatchMeetingFactory.create_batch(
        5, group__area_command=area, group__active=True, held_on=timezone.now() + timedelta(days=3)
    )
    client.force_login(people.officer)

    with django_assert_num_queries(9):
        client.get(reverse("outreach:calendar_month"))
