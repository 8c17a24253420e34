"""The department's clock: calendar days counted in the department's zone, in a request or out of one."""

import zoneinfo
from datetime import UTC, date, datetime

import time_machine

from outreach import clock
from outreach.models import Department

# Noon in Greenwich is already the next day on Kiritimati (UTC+14), still the same day in Denver.
NOON_UTC = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def _department_in(zone):
    department = Department.load()
    department.time_zone = zoneinfo.ZoneInfo(zone)
    department.save()
    return department


@time_machine.travel(NOON_UTC, tick=False)
def test_outside_a_request_today_is_the_department_s_day(db, settings):
    settings.TIME_ZONE = "America/Denver"
    _department_in("Pacific/Kiritimati")

    with clock.in_department_time():
        assert clock.today() == date(2026, 6, 2)
    assert clock.today() == date(2026, 6, 1)


@time_machine.travel(NOON_UTC, tick=False)
def test_in_department_time_also_decorates_a_task(db):
    _department_in("Pacific/Kiritimati")

    @clock.in_department_time()
    def task():
        return clock.today()

    assert task() == date(2026, 6, 2)


@time_machine.travel(NOON_UTC, tick=False)
def test_a_request_counts_in_the_department_s_zone(client, people):
    _department_in("Pacific/Kiritimati")
    client.force_login(people.officer)

    response = client.get("/calendar/")

    assert response.context["today"] == date(2026, 6, 2)


def test_due_on_counts_calendar_days_across_a_month_end():
    assert clock.due_on(date(2026, 1, 25), 10) == date(2026, 2, 4)
    assert clock.due_on(date(2028, 2, 25), 14) == date(2028, 3, 10)


@time_machine.travel(NOON_UTC, tick=False)
def test_date_of_a_moment_is_the_local_day(db):
    _department_in("Pacific/Kiritimati")

    with clock.in_department_time():
        assert clock.date_of(NOON_UTC) == date(2026, 6, 2)
