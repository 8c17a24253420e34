import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from outreach.filters import areas_for
from outreach.lib.filters import SearchFilterSet

from .models import Survey, SurveyVersion


class SurveyFilter(SearchFilterSet):
    status = django_filters.ChoiceFilter(choices=Survey.Status.choices, label=_("Status"), empty_label=_("Any status"))
    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for, label=_("Area command"), empty_label=_("All areas")
    )

    class Meta:
        model = Survey
        fields = ["q", "status", "area_command"]

    def filter_search(self, queryset, name, value):
        """A survey whose address or any version's title (either language) holds the words."""
        value = value.strip()
        if not value:
            return queryset
        titled = SurveyVersion.objects.filter(Q(title_en__icontains=value) | Q(title_es__icontains=value))
        return queryset.filter(Q(slug__icontains=value) | Q(pk__in=titled.values("survey")))
