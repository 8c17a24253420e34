"""What every staff list shares: pagination and CSV export from the same filter."""

import csv
import io

from django.conf import settings
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse

from outreach import clock

# Cells that a spreadsheet would run as a formula.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class CountedPaginator(Paginator):
    """A paginator told how many items there are (a count kept elsewhere), instead of counting them."""

    def __init__(self, object_list, per_page, *, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @property
    def count(self):
        return self.known_count


def paginate(request, queryset, per_page=None, count=None):
    """The page asked for; ``count``, when the caller knows how many items there are, spares counting them."""
    if count is None:
        paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    else:
        paginator = CountedPaginator(queryset, per_page or settings.PAGE_SIZE, count=count)
    return paginator.get_page(request.GET.get("page"))


def wants_csv(request):
    return request.GET.get("format") == "csv"


def _safe_cell(value):
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_PREFIXES):
        return "'" + text
    return text


CSV_CHUNK = 64 * 1024  # characters sent at a time: a row per write made the server a system call per row


def csv_response(basename, header, rows):
    """Stream rows as a CSV download named ``<basename>-<date>.csv``, in chunks of about ``CSV_CHUNK``."""

    def lines():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write("\ufeff")  # lets spreadsheet programs detect UTF-8
        writer.writerow(header)
        for row in rows:
            writer.writerow([_safe_cell(cell) for cell in row])
            if buffer.tell() >= CSV_CHUNK:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    filename = f"{basename}-{clock.today():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
