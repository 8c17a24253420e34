"""The department's clock: what day it is and when something falls due, in the department's time zone.

Calendar-day rules ("an action plan within 10 calendar days", "a follow-up in
14 days") are counted here and nowhere else. A request runs in the
department's zone (``DepartmentMiddleware`` activates it); code outside a
request — a Celery task, a management command — wraps itself in
``in_department_time()`` so that ``today()`` means the same day there.
"""

from contextlib import ContextDecorator
from datetime import date, timedelta

from django.apps import apps
from django.utils import timezone


def department():
    """The department's one row, read through the app registry: the models themselves build on the clock."""
    return apps.get_model("outreach", "Department").load()


def department_zone():
    return department().time_zone


def now():
    return timezone.now()


def today():
    """Today's date in the active zone: the department's inside a request or ``in_department_time``."""
    return timezone.localdate()


def date_of(moment):
    """The calendar day, in the active zone, on which an aware datetime falls."""
    return timezone.localdate(moment)


def due_on(start, days):
    """The day something received on ``start`` is due ``days`` calendar days later."""
    return start + timedelta(days=days)


def next_month(first):
    """The first day of the month after the one ``first`` opens."""
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def previous_month(first):
    return (first - timedelta(days=1)).replace(day=1)


def month_asked(text, *, within_years):
    """The first day of the month written ``YYYY-MM``; None for anything else or beyond ``within_years`` of today."""
    try:
        year, month = (int(part) for part in str(text).split("-"))
        if abs(year - today().year) > within_years:
            return None
        return date(year, month, 1)
    except (TypeError, ValueError):
        return None


def week_start(day):
    """The Monday of the week ``day`` falls in: a week of the audit review runs Monday to Sunday."""
    return day - timedelta(days=day.weekday())


def days_ago(days, *, since=None):
    return (since or today()) - timedelta(days=days)


def working_days_ago(days, *, since=None):
    """The day ``days`` working days (Monday to Friday) before ``since``: "untouched for 3 working days"."""
    day = since or today()
    while days > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


class in_department_time(ContextDecorator):
    """Run a block (or a whole function) in the department's time zone, outside a request."""

    def __enter__(self):
        self._override = timezone.override(department_zone())
        self._override.__enter__()
        return self

    def __exit__(self, *exc_info):
        return self._override.__exit__(*exc_info)
