import re

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from outreach import clock

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


@register.filter
def due_in_words(due_on):
    """How a deadline stands today, in the department's calendar: "3 days left", "due today", "2 days overdue"."""
    days = (due_on - clock.today()).days
    if days > 0:
        return ngettext("%(count)s day left", "%(count)s days left", days) % {"count": days}
    if days == 0:
        return _("due today")
    return ngettext("%(count)s day overdue", "%(count)s days overdue", -days) % {"count": -days}
