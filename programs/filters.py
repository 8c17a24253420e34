import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from outreach.models import AreaCommand

from .models import CrimeType, Presentation, Program


class DateInput(forms.DateInput):
    input_type = "date"


class ProgramFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
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

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("status", "active")
        super().__init__(data, *args, **kwargs)

    def filter_search(self, queryset, name, value):
        return queryset.search(value.strip()) if value.strip() else queryset

    def filter_status(self, queryset, name, value):
        if value == "active":
            return queryset.filter(is_active=True)
        if value == "retired":
            return queryset.filter(is_active=False)
        return queryset


class PresentationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    status = django_filters.ChoiceFilter(
        choices=Presentation.Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    program = django_filters.ModelChoiceFilter(
        queryset=Program.objects.all(), label=_("Program"), empty_label=_("Any program")
    )
    area_command = django_filters.ModelChoiceFilter(
        queryset=lambda request: AreaCommand.objects.active().for_user(request.user),
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

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(topic__icontains=value)
            | Q(program__name__icontains=value)
            | Q(place__icontains=value)
            | Q(organization__name__icontains=value)
        )
