"""CSV exports described as columns: one description per list, rendered by one streaming writer.

A list page and its CSV share one filter; the export names its columns once
(header and how to read the cell), in the app's ``exports.py``, so a report or
a second format can reuse them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from .lists import csv_response

CHUNK_SIZE = 500


@dataclass(frozen=True)
class Column:
    header: Any  # a lazily translated label
    value: Callable[[Any], Any]


class ListExport:
    """The columns of one list's CSV. Subclasses set ``basename`` and ``columns``."""

    basename = "export"
    columns = ()

    def __init__(self, queryset):
        self.queryset = queryset

    def header(self):
        return [str(column.header) for column in self.columns]

    def rows(self):
        for obj in self.queryset.iterator(chunk_size=CHUNK_SIZE):
            yield [column.value(obj) for column in self.columns]

    def response(self):
        return csv_response(self.basename, self.header(), self.rows())


def local_date(moment):
    """A datetime cell as the local day, or empty."""
    return timezone.localtime(moment).strftime("%Y-%m-%d") if moment else ""


def local_minute(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def name_or_blank(record):
    return record.name if record is not None else ""
