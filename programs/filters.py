import django_filters
from django.utils.translation import gettext_lazy as _

from outreach.filters import areas_for
from outreach.lib.filters import DateInput, SearchFilterSet
from outreach.models import CrimeType

from .models import Presentation, PresentationRequest, Program


class ProgramFilter(SearchFilterSet):
    search_lookups = ("name__icontains", "description__icontains", "audience__icontains")
    defaults = {"status": "active"}

    category = django_filters.ChoiceFilter(
        choices=Program.Category.choices, label=_("Category"), empty_label=_("All categories")
    )
    crime_type = django_filters.ModelChoiceFilter(
        field_name="crime_types",
        queryset=CrimeType.objects.filter(is_active=True),
        label=_("Crime type addressed"),
        empty_label=_("Any crime type"),
    )
    status = django_filters.ChoiceFilter(
        method="filter_status",
        choices=[("active", _("Offered")), ("retired", _("Retired")), ("all", _("All"))],
        label=_("Status"),
        empty_label=None,
    )

    class Meta:
        model = Program
        fields = ["q", "category", "crime_type", "status"]

    def filter_status(self, queryset, name, value):
        if value == "active":
            return queryset.filter(is_active=True)
        if value == "retired":
            return queryset.filter(is_active=False)
        return queryset


class PresentationFilter(SearchFilterSet):
    search_lookups = (
        "topic__icontains",
        "program__name__icontains",
        "place__icontains",
        "organization__name__icontains",
    )

    status = django_filters.ChoiceFilter(
        choices=Presentation.Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    program = django_filters.ModelChoiceFilter(
        queryset=Program.objects.all(), label=_("Program"), empty_label=_("Any program")
    )
    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for,
        label=_("Area command"),
        empty_label=_("All areas"),
    )
    date_from = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__gte", label=_("From"), widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__lte", label=_("To"), widget=DateInput
    )

    class Meta:
        model = Presentation
        fields = ["q", "status", "program", "area_command", "date_from", "date_to"]


class PresentationRequestFilter(django_filters.FilterSet):
    """The area and the days a request was answered: the command dashboard's links land here."""

    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for, label=_("Area command"), empty_label=_("All areas")
    )
    answered_from = django_filters.DateFilter(
        field_name="handled_at", lookup_expr="date__gte", label=_("Answered from"), widget=DateInput
    )
    answered_to = django_filters.DateFilter(
        field_name="handled_at", lookup_expr="date__lte", label=_("Answered to"), widget=DateInput
    )

    class Meta:
        model = PresentationRequest
        fields = ["area_command", "answered_from", "answered_to"]
