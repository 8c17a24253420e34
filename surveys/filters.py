import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from outreach.filters import areas_for
from outreach.lib.filters import SearchFilterSet

from .models import ContactRequest, Survey, SurveyVersion


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


class ContactRequestFilter(SearchFilterSet):
    search_lookups = ("name__icontains", "phone__icontains", "email__icontains", "concern_text__icontains")
    defaults = {"status": "open"}

    status = django_filters.ChoiceFilter(
        choices=[("open", _("Open")), *ContactRequest.Status.choices],
        label=_("Status"),
        empty_label=_("Any status"),
        method="filter_status",
    )
    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for, label=_("Area command"), empty_label=_("All areas")
    )
    stale = django_filters.BooleanFilter(
        label=_("Untouched for 3 working days"), method="filter_stale", widget=django_filters.widgets.BooleanWidget()
    )

    class Meta:
        model = ContactRequest
        fields = ["q", "status", "area_command", "stale"]

    def filter_status(self, queryset, name, value):
        return queryset.open() if value == "open" else queryset.filter(status=value)

    def filter_stale(self, queryset, name, value):
        return queryset.stale() if value else queryset
