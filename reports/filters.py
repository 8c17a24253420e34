import django_filters
from django.utils.translation import gettext_lazy as _

from outreach.filters import areas_for

from .models import GeneratedReport


class ReportFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=GeneratedReport.Kind.choices, label=_("Report"), empty_label=_("Every report")
    )
    level = django_filters.ChoiceFilter(
        choices=GeneratedReport.Level.choices, label=_("Level"), empty_label=_("Every level")
    )
    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for, label=_("Area command"), empty_label=_("All areas")
    )
    status = django_filters.ChoiceFilter(
        choices=GeneratedReport.Status.choices, label=_("Status"), empty_label=_("Any status")
    )

    class Meta:
        model = GeneratedReport
        fields = ["kind", "level", "area_command", "status"]
