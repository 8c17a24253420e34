"""Aggregates Django does not ship, in PostgreSQL's own terms."""

from django.db.models import Aggregate


class Median(Aggregate):
    """The middle value, PostgreSQL's ``percentile_cont(0.5)``: "how long, typically", unmoved by one long wait.

    Over an interval (``F("handled_at") - F("created_at")``) it gives a timedelta.
    """

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)%(filter)s"
