import re

from django import template
from django.utils.formats import number_format
from django.utils.translation import ngettext

register = template.Library()


@register.simple_tag
def elided_pages(page):
    """Page numbers around the current one, with ellipses, for the pagination bar."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)


@register.filter
def tel_href(number):
    """A ``tel:`` address for a phone number as people write it: ``(555) 010-4400`` -> ``tel:5550104400``."""
    return "tel:" + re.sub(r"[^\d+]", "", str(number))


@register.filter
def wait_in_words(wait):
    """How long a wait lasted, as people say it: "5 hours", "2.5 days"; "—" when there was none."""
    if wait is None:
        return "—"
    hours = wait.total_seconds() / 3600
    if hours < 24:
        count = max(round(hours), 1)
        return ngettext("%(count)s hour", "%(count)s hours", count) % {"count": count}
    days = round(hours / 24, 1)
    shown = int(days) if days == int(days) else days
    return ngettext("%(count)s day", "%(count)s days", 1 if shown == 1 else 2) % {"count": number_format(shown)}
