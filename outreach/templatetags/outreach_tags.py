import re

from django import template

register = template.Library()


@register.simple_tag
def elided_pages(page):
    """Page numbers around the current one, with ellipses, for the pagination bar."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)


@register.filter
def tel_href(number):
    """A ``tel:`` address for a phone number as people write it: ``(555) 010-4400`` -> ``tel:5550104400``."""
    return "tel:" + re.sub(r"[^\d+]", "", str(number))
