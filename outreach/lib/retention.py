"""The retention rule in one place (policy 003 §C.4: records are kept a minimum of three years).

Each app registers its record types (``register`` in ``AppConfig.ready()``): the date a record's
age is counted from, the path to its area command (for a hold on an area and dates), what the
purge does with it once expired (delete, anonymise, or nothing), and, where part of a type is not
yet a record (a meeting still ahead), which instances are. Outreach never imports the other apps:
they register their own types.

``settings.RETENTION_YEARS`` sets a type's period ("app_label.model" → years, default three); a
period below the floor is raised to it here, whatever the setting says, and the system check warns.
``retention_refusal(obj)`` is the one answer the purge command, the pages and the admin ask before
a record goes.
"""

from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.core import checks
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import clock

# Policy 003 §C.4: "kept in the unit's file for a minimum of 3 years". Not a setting.
FLOOR_YEARS = 3
DEFAULT_YEARS = 3


class Disposal(models.TextChoices):
    KEEP = "keep", "kept"  # the type is only guarded: the purge never disposes of it
    DELETE = "delete", "deleted"
    ANONYMISE = "anonymise", "anonymised"


@dataclass(frozen=True)
class RecordType:
    label: str  # "app_label.model", as in RETENTION_YEARS and the audit log's record type
    date_field: str  # a record's age counts from this date (a null date never expires)
    area_field: str | None = None  # the path to its area command, for holds on an area and dates
    disposal: str = Disposal.KEEP
    personal_fields: tuple = ()  # blanked when anonymised, in the record and its history
    is_record: object = field(default=None, compare=False)  # obj -> bool; None: every instance is
    # Rows that describe other records (``object_type``, ``object_id``: the audit log) are kept as long
    # as the type they describe, and while that record is held.
    describes_records: bool = False

    @property
    def model(self):
        return apps.get_model(self.label)

    @property
    def years(self):
        return retention_years(self.label)

    def rule(self):
        return f"retention {self.years} years, by {self.date_field}"

    def cutoff(self, today=None):
        """Records dated before this day have expired."""
        return years_before(today or clock.today(), self.years)

    def date_lookup(self):
        is_moment = isinstance(self.model._meta.get_field(self.date_field), models.DateTimeField)
        return f"{self.date_field}__date" if is_moment else self.date_field

    def date_of(self, obj):
        value = getattr(obj, self.date_field)
        if value is None or not hasattr(value, "tzinfo"):
            return value
        return clock.date_of(value)

    def expired_q(self, today=None):
        """Dated before the cutoff, and in any case before the floor: the floor holds even if a bug
        lowered ``years``."""
        floor = years_before(today or clock.today(), FLOOR_YEARS)
        cutoff = min(self.cutoff(today), floor)
        q = Q(**{f"{self.date_lookup()}__lt": cutoff})
        if self.describes_records:
            for other in record_types():
                if other.cutoff(today) < cutoff:
                    q &= ~Q(object_type=other.label, **{f"{self.date_lookup()}__gte": other.cutoff(today)})
        return q

    def held_q(self):
        """The records of this type an active legal hold keeps (a Q that matches nothing when none)."""
        from ..models import LegalHold

        holds = LegalHold.objects.active()
        meta = self.model._meta
        on_records = holds.on_records()
        mine = on_records.filter(content_type__app_label=meta.app_label, content_type__model=meta.model_name)
        q = Q(pk__in=mine.values("object_id"))
        if self.describes_records:
            for app_label, model, object_id in on_records.values_list(
                "content_type__app_label", "content_type__model", "object_id"
            ):
                q |= Q(object_type=f"{app_label}.{model}", object_id=str(object_id))
        if self.area_field:
            for area_id, start, end in holds.on_ranges().values_list("area_command", "starts_on", "ends_on"):
                q |= Q(**{self.area_field: area_id, f"{self.date_lookup()}__range": (start, end)})
        return q

    def applies_to(self, obj):
        return self.is_record is None or self.is_record(obj)


_registry: dict[str, RecordType] = {}


def register(label, **options):
    record_type = RecordType(label=label.lower(), **options)
    _registry[record_type.label] = record_type
    return record_type


def record_types():
    return sorted(_registry.values(), key=lambda record_type: record_type.label)


def record_type_of(obj_or_model):
    return _registry.get(obj_or_model._meta.label_lower)


def record_type(label):
    return _registry[label.lower()]


def retention_years(label):
    """The type's period from RETENTION_YEARS, never below the floor."""
    wanted = getattr(settings, "RETENTION_YEARS", {}).get(label.lower(), DEFAULT_YEARS)
    try:
        return max(FLOOR_YEARS, int(wanted))
    except (TypeError, ValueError):
        return max(FLOOR_YEARS, DEFAULT_YEARS)


def years_before(day, years):
    """The same calendar day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, day.month, 28)


def kept_message(years):
    if years == FLOOR_YEARS:
        return _("Records are kept at least 3 years (policy 003 §C.4): archive it instead.")
    return _("Records of this kind are kept %(years)s years (policy 003 §C.4: at least 3): archive it instead.") % {
        "years": years
    }


def held_message():
    return _("This record is under a legal hold: it is kept until the hold is released.")


def is_held(obj):
    record_type = record_type_of(obj)
    return record_type is not None and (
        type(obj)._default_manager.filter(pk=obj.pk).filter(record_type.held_q()).exists()
    )


def retention_refusal(obj, today=None):
    """Why ``obj`` may not be deleted now, or None when it may: a legal hold (whatever it is), or its age
    (when it is a record yet)."""
    record_type = record_type_of(obj)
    if record_type is None or obj.pk is None:
        return None
    if is_held(obj):
        return held_message()
    if not record_type.applies_to(obj):
        return None
    dated = record_type.date_of(obj)
    cutoff = min(record_type.cutoff(today), years_before(today or clock.today(), FLOOR_YEARS))
    if dated is None or dated >= cutoff:
        return kept_message(record_type.years)
    return None


def may_dispose(obj, today=None):
    return retention_refusal(obj, today) is None


def check_retention_settings(app_configs=None, **kwargs):
    """A period below the floor is raised to it; a record type nobody registered is a typo."""
    problems = []
    for label, years in getattr(settings, "RETENTION_YEARS", {}).items():
        if label.lower() not in _registry:
            problems.append(
                checks.Warning(
                    f"RETENTION_YEARS names {label!r}, which is not a record type with a retention period.",
                    hint="Known types: " + ", ".join(record_type.label for record_type in record_types()),
                    id="outreach.W101",
                )
            )
        try:
            too_short = int(years) < FLOOR_YEARS
        except (TypeError, ValueError):
            too_short = True
        if too_short:
            problems.append(
                checks.Warning(
                    f"RETENTION_YEARS[{label!r}] is {years!r}: records are kept at least {FLOOR_YEARS} years "
                    "(policy 003 §C.4), so the purge uses the floor.",
                    id="outreach.W102",
                )
            )
    return problems


class RetentionInlineFormSet(BaseInlineFormSet):
    """An admin inline's rows: one ticked for deletion that must be kept stops the save, saying why."""

    def clean(self):
        super().clean()
        for form in self.forms:
            if form.instance.pk and self._should_delete_form(form):
                refusal = retention_refusal(form.instance)
                if refusal:
                    raise ValidationError(f"{form.instance}: {refusal}")


class RetentionAdminMixin:
    """The admin of a record type with a retention period: a record that must be kept is not deleted.

    No delete button on its page, its delete page sends back with the reason, and "Delete selected"
    deletes nothing when any of the selection must be kept.
    """

    def has_delete_permission(self, request, obj=None):
        if obj is not None and retention_refusal(obj):
            return False
        return super().has_delete_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        refusal = obj is not None and retention_refusal(obj)
        if refusal:
            self.message_user(request, refusal, messages.ERROR)
            return redirect(reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]))
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _function, name, description = actions["delete_selected"]
            actions["delete_selected"] = (_delete_selected_unless_kept, name, description)
        return actions

    def delete_model(self, request, obj):
        if retention_refusal(obj):
            raise PermissionDenied(retention_refusal(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        if any(retention_refusal(obj) for obj in queryset):
            raise PermissionDenied(kept_message(FLOOR_YEARS))
        super().delete_queryset(request, queryset)


def _delete_selected_unless_kept(modeladmin, request, queryset):
    kept = [(obj, refusal) for obj in queryset if (refusal := retention_refusal(obj))]
    if kept:
        obj, refusal = kept[0]
        modeladmin.message_user(
            request,
            ngettext(
                "Nothing was deleted: %(record)s must be kept. %(reason)s",
                "Nothing was deleted: %(count)s of the selected records must be kept, such as %(record)s. %(reason)s",
                len(kept),
            )
            % {"count": len(kept), "record": obj, "reason": refusal},
            messages.ERROR,
        )
        return None
    return delete_selected(modeladmin, request, queryset)
