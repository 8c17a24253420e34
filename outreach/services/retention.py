"""Retention: the purge of expired records and the legal holds that stop it (policy 003 §C.4).

The rule (which record has expired, which is held) is ``lib/retention``; this module acts on it:
``purge(record_type, execute=…)`` disposes of one type's expired, unheld records in one transaction
and writes its ``PurgeLog`` row, and ``hold_place`` / ``hold_release`` are the legal holds' writes.
Outreach's own record types are registered here (``register_record_types``, from ``ready()``);
programs and surveys register theirs in their own ``ready()``.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import clock
from ..lib import retention
from ..lib.retention import Disposal
from ..models import AuditEvent, LegalHold, PurgeLog

# Rows deleted per statement when the QuerySet cannot delete (the audit log's refuses).
_CHUNK = 2000


def register_record_types():
    """Outreach's record types: what each is dated by, where its area command is, and what expiry does.

    Citizens' contact details are anonymised, not deleted: the concern, the watch group and the
    referral stay in the counts of every report and trend. The audit log is deleted, row by row as
    each expires, never before the record it describes.
    """
    register = retention.register
    register(
        "outreach.concern",
        date_field="received_on",
        area_field="area_command",
        disposal=Disposal.ANONYMISE,
        personal_fields=("reporter_name", "reporter_phone", "reporter_email"),
    )
    register(
        "outreach.watchgroup",
        date_field="created_at",
        area_field="area_command",
        disposal=Disposal.ANONYMISE,
        personal_fields=("requester_name", "requester_email", "requester_phone", "requester_message"),
    )
    register(
        "outreach.referral",
        date_field="referred_on",
        area_field="area_command",
        disposal=Disposal.ANONYMISE,
        # What was referred (a child's, an elder's situation) is about people; kind, agency and dates stay.
        personal_fields=("summary", "location", "outcome"),
    )
    register(
        "outreach.auditevent",
        date_field="at",
        area_field="area_command",
        disposal=Disposal.DELETE,
        describes_records=True,
    )
    # Guarded only: kept as long as their period, then left for the department to decide.
    register("outreach.actionplan", date_field="created_at", area_field="area_command")
    register("outreach.plannedaction", date_field="target_on", area_field="plan__area_command")
    register("outreach.implementationentry", date_field="done_on", area_field="plan__area_command")
    register("outreach.project", date_field="created_at", area_field="area_command")
    register("outreach.projectnote", date_field="month", area_field="project__area_command")
    register("outreach.partnership", date_field="created_at", area_field="organization__area_command")
    register(
        "outreach.partnershiplogentry", date_field="logged_on", area_field="partnership__organization__area_command"
    )
    register("outreach.immigrationoutreach", date_field="reached_on", area_field="organization__area_command")
    # A meeting still ahead is a plan, not yet a record of something the group did.
    register(
        "outreach.watchmeeting",
        date_field="held_on",
        area_field="group__area_command",
        is_record=lambda meeting: meeting.held_on <= timezone.now(),
    )


@dataclass
class Outcome:
    record_type: retention.RecordType
    log: PurgeLog

    @property
    def disposed(self):
        return self.log.deleted + self.log.anonymised


def disposable_types():
    return [record_type for record_type in retention.record_types() if record_type.disposal != Disposal.KEEP]


def expired(record_type, today=None):
    """The type's expired records, held ones included (the anonymised ones are done already)."""
    records = record_type.model._default_manager.filter(record_type.expired_q(today))
    if record_type.disposal == Disposal.ANONYMISE:
        records = records.exclude(Q(**dict.fromkeys(record_type.personal_fields, "")))
    return records


def purge(record_type, *, execute, run_by, today=None):
    """Dispose of one type's expired, unheld records (or count them, on a dry run); one PurgeLog row."""
    today = today or clock.today()
    with transaction.atomic():
        candidates = expired(record_type, today)
        held = candidates.filter(record_type.held_q()).count()
        ids = list(candidates.exclude(record_type.held_q()).values_list("pk", flat=True))
        if execute and ids:
            _dispose(record_type, ids)
        deleted = len(ids) if record_type.disposal == Disposal.DELETE else 0
        log = PurgeLog.objects.create(
            dry_run=not execute,
            record_type=record_type.label,
            rule=record_type.rule(),
            cutoff=record_type.cutoff(today),
            deleted=deleted,
            anonymised=len(ids) - deleted,
            held=held,
            run_by=run_by,
        )
    return Outcome(record_type, log)


def _dispose(record_type, ids):
    model = record_type.model
    if record_type.disposal == Disposal.ANONYMISE:
        blank = dict.fromkeys(record_type.personal_fields, "")
        model._default_manager.filter(pk__in=ids).update(**blank)
        history = getattr(model, "history", None)
        if history is not None:
            # The record's history holds every earlier copy of the same details.
            history.model.objects.filter(**{f"{model._meta.pk.attname}__in": ids}).update(**blank)
    elif model is AuditEvent:
        # The audit log's QuerySet refuses to delete, and its trigger refuses rows under three years.
        with connection.cursor() as cursor:
            for start in range(0, len(ids), _CHUNK):
                cursor.execute("DELETE FROM outreach_auditevent WHERE id = ANY(%s)", [ids[start : start + _CHUNK]])
    else:
        model._default_manager.filter(pk__in=ids).delete()


def hold_place(*, by, reason, obj=None, area_command=None, starts_on=None, ends_on=None):
    """A legal hold on one record, or on an area command's records dated in a range."""
    from django.contrib.contenttypes.models import ContentType

    hold = LegalHold(placed_by=by, reason=reason)
    if obj is not None:
        hold.content_type = ContentType.objects.get_for_model(obj)
        hold.object_id = obj.pk
    else:
        hold.area_command, hold.starts_on, hold.ends_on = area_command, starts_on, ends_on
    hold.full_clean()
    hold.save()
    return hold


@transaction.atomic
def hold_release(*, hold, by):
    hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
    if not hold.is_active():
        raise ValidationError(_("This hold was already released."))
    hold.released_by, hold.released_at = by, timezone.now()
    hold.save(update_fields=["released_by", "released_at"])
    return hold
