import django_filters
from django.utils.translation import gettext_lazy as _

from .models import AreaCommand, Organization, Sector


def _areas_for(request):
    return AreaCommand.objects.active().for_user(request.user)


def _sectors_for(request):
    return Sector.objects.for_user(request.user).select_related("area_command")


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=Organization.Kind.choices, label=_("Kind"), empty_label=_("All kinds"))
    area_command = django_filters.ModelChoiceFilter(
        queryset=_areas_for, label=_("Area command"), empty_label=_("All areas")
    )
    sector = django_filters.ModelChoiceFilter(queryset=_sectors_for, label=_("Sector"), empty_label=_("All sectors"))

    class Meta:
        model = Organization
        fields = ["q", "kind", "area_command", "sector"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value.strip()) if value.strip() else queryset
