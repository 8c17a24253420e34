"""What every list filter shares: a free-text search box over named lookups."""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .widgets import DateInput

__all__ = ["DateInput", "SearchFilterSet"]


class SearchFilterSet(django_filters.FilterSet):
    """A FilterSet with a ``q`` box matching any of ``search_lookups`` (e.g. ``"name__icontains"``)."""

    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    search_lookups = ()
    # What the list shows when the request does not say, e.g. ``{"status": "open"}``.
    defaults = {}

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        for name, value in self.defaults.items():
            data.setdefault(name, value)
        super().__init__(data, *args, **kwargs)

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(reduce(or_, (Q(**{lookup: value}) for lookup in self.search_lookups)))
