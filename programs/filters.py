import django_filters
from django.utils.translation import gettext_lazy as _

from .models import CrimeType, Program


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
