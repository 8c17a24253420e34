import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import AreaCommand, Organization, Sector, WatchGroup


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


class WatchGroupFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    status = django_filters.ChoiceFilter(
        choices=WatchGroup.Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    kind = django_filters.ChoiceFilter(choices=WatchGroup.Kind.choices, label=_("Kind"), empty_label=_("All kinds"))
    area_command = django_filters.ModelChoiceFilter(
        queryset=_areas_for, label=_("Area command"), empty_label=_("All areas")
    )

    class Meta:
        model = WatchGroup
        fields = ["q", "status", "kind", "area_command"]

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(boundaries__icontains=value) | Q(reference__iexact=value))
