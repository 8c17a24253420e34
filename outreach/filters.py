import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .lib.filters import DateInput, SearchFilterSet
from .models import (
    ActionPlan,
    AreaCommand,
    AuditEvent,
    Concern,
    CrimeType,
    Organization,
    Partnership,
    Project,
    Referral,
    Sector,
    User,
    WatchGroup,
)


def areas_for(request):
    """The area commands a filter offers: the active ones in the user's scope."""
    return AreaCommand.objects.active().for_user(request.user)


def sectors_for(request):
    return Sector.objects.for_user(request.user).select_related("area_command")


def officers_for(request):
    return User.objects.field_officers().for_user(request.user).order_by("last_name", "first_name")


class OrganizationFilter(SearchFilterSet):
    search_lookups = ("name__icontains", "contact_name__icontains", "address__icontains", "email__icontains")

    kind = django_filters.ChoiceFilter(choices=Organization.Kind.choices, label=_("Kind"), empty_label=_("All kinds"))
    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for, label=_("Area command"), empty_label=_("All areas")
    )
    sector = django_filters.ModelChoiceFilter(queryset=sectors_for, label=_("Sector"), empty_label=_("All sectors"))

    class Meta:
        model = Organization
        fields = ["q", "kind", "area_command", "sector"]


class WatchGroupFilter(SearchFilterSet):
    search_lookups = ("name__icontains", "boundaries__icontains", "reference__iexact")

    status = django_filters.ChoiceFilter(
        choices=WatchGroup.Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    kind = django_filters.ChoiceFilter(choices=WatchGroup.Kind.choices, label=_("Kind"), empty_label=_("All kinds"))
    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for, label=_("Area command"), empty_label=_("All areas")
    )

    class Meta:
        model = WatchGroup
        fields = ["q", "status", "kind", "area_command"]


class PartnershipFilter(SearchFilterSet):
    search_lookups = ("organization__name__icontains", "purpose__icontains")

    status = django_filters.ChoiceFilter(
        choices=Partnership.Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    area_command = django_filters.ModelChoiceFilter(
        field_name="organization__area_command",
        queryset=areas_for,
        label=_("Area command"),
        empty_label=_("All areas"),
    )

    class Meta:
        model = Partnership
        fields = ["q", "status", "area_command"]


class ReferralFilter(SearchFilterSet):
    STATES = [("open", _("Open")), ("overdue", _("Overdue")), ("confirmed", _("Follow-up confirmed"))]
    search_lookups = ("agency__icontains", "summary__icontains", "location__icontains")

    kind = django_filters.ChoiceFilter(choices=Referral.Kind.choices, label=_("Kind"), empty_label=_("All kinds"))
    state = django_filters.ChoiceFilter(
        choices=STATES, method="filter_state", label=_("Follow-up"), empty_label=_("Any")
    )
    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for, label=_("Area command"), empty_label=_("All areas")
    )

    class Meta:
        model = Referral
        fields = ["q", "kind", "state", "area_command"]

    def filter_state(self, queryset, name, value):
        if value == "open":
            return queryset.open()
        if value == "overdue":
            return queryset.overdue()
        return queryset.filter(follow_up_confirmed_on__isnull=False)


class ConcernFilter(SearchFilterSet):
    """Open concerns unless asked otherwise; "overdue" is awaiting a plan past its ten days."""

    STATES = [("open", _("Open")), ("overdue", _("Overdue for a plan")), ("all", _("All")), *Concern.Status.choices]
    search_lookups = ("description__icontains", "location__icontains")
    defaults = {"status": "open"}

    status = django_filters.ChoiceFilter(choices=STATES, method="filter_status", label=_("Status"), empty_label=None)
    category = django_filters.ModelChoiceFilter(
        queryset=CrimeType.objects.all(), label=_("Category"), empty_label=_("All categories")
    )
    source = django_filters.ChoiceFilter(choices=Concern.Source.choices, label=_("Source"), empty_label=_("Any source"))
    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for, label=_("Area command"), empty_label=_("All areas")
    )
    sector = django_filters.ModelChoiceFilter(queryset=sectors_for, label=_("Sector"), empty_label=_("All sectors"))
    officer = django_filters.ModelChoiceFilter(
        field_name="assigned_to", queryset=officers_for, label=_("Officer"), empty_label=_("Any officer")
    )
    received_from = django_filters.DateFilter(
        field_name="received_on", lookup_expr="gte", label=_("Received from"), widget=DateInput
    )
    received_to = django_filters.DateFilter(
        field_name="received_on", lookup_expr="lte", label=_("Received to"), widget=DateInput
    )

    class Meta:
        model = Concern
        fields = ["q", "status", "category", "source", "area_command", "sector", "officer"]

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.open()
        if value == "overdue":
            return queryset.overdue()
        if value == "all":
            return queryset
        return queryset.filter(status=value)


class ActionPlanFilter(SearchFilterSet):
    """Open plans unless asked otherwise, with the states a supervisor looks for first."""

    STATES = [
        ("open", _("Open")),
        ("due_soon", _("Due within 3 days")),
        ("overdue", _("Overdue")),
        ("all", _("All")),
        *ActionPlan.Status.choices,
    ]
    SUBJECTS = [("concern", _("Concern")), ("partnership", _("Partnership")), ("project", _("POP project"))]
    search_lookups = ("title__icontains", "problem__icontains", "places__icontains")
    defaults = {"status": "open"}

    status = django_filters.ChoiceFilter(choices=STATES, method="filter_status", label=_("Status"), empty_label=None)
    subject = django_filters.ChoiceFilter(
        choices=SUBJECTS, method="filter_subject", label=_("For"), empty_label=_("Anything")
    )
    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for, label=_("Area command"), empty_label=_("All areas")
    )
    officer = django_filters.ModelChoiceFilter(queryset=officers_for, label=_("Officer"), empty_label=_("Any officer"))

    class Meta:
        model = ActionPlan
        fields = ["q", "status", "subject", "area_command", "officer"]

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.open()
        if value == "due_soon":
            return queryset.due_within(3)
        if value == "overdue":
            return queryset.overdue()
        if value == "all":
            return queryset
        return queryset.filter(status=value)

    def filter_subject(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False})


class ProjectFilter(SearchFilterSet):
    search_lookups = ("name__icontains", "goal__icontains")

    status = django_filters.ChoiceFilter(choices=Project.Status.choices, label=_("Status"), empty_label=_("Any status"))
    area_command = django_filters.ModelChoiceFilter(
        queryset=areas_for, label=_("Area command"), empty_label=_("All areas")
    )

    class Meta:
        model = Project
        fields = ["q", "status", "area_command"]


class AuditFilter(django_filters.FilterSet):
    """The audit page: by user, record, action and dates."""

    user = django_filters.CharFilter(field_name="username", lookup_expr="iexact", label=_("User name"))
    record = django_filters.CharFilter(method="filter_record", label=pgettext_lazy("noun", "Record"))
    action = django_filters.ChoiceFilter(
        choices=AuditEvent.Action.choices, label=_("Action"), empty_label=_("Every action")
    )
    since = django_filters.DateFilter(field_name="at", lookup_expr="date__gte", label=_("From"), widget=DateInput())
    until = django_filters.DateFilter(field_name="at", lookup_expr="date__lte", label=_("To"), widget=DateInput())

    class Meta:
        model = AuditEvent
        fields = ["user", "record", "action", "since", "until"]

    def filter_record(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(object_repr__icontains=value) | Q(object_id=value)) if value else queryset
