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

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(reduce(or_, (Q(**{lookup: value}) for lookup in self.search_lookups)))
