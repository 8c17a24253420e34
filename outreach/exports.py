"""The CSV columns of the community side's lists."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .lib.exports import Column, ListExport, local_date, local_minute, name_or_blank


class OrganizationExport(ListExport):
    basename = "organizations"
    columns = (
        Column(_("Name"), lambda o: o.name),
        Column(_("Kind"), lambda o: o.get_kind_display()),
        Column(_("Area command"), lambda o: o.area_command.name),
        Column(_("Sector"), lambda o: name_or_blank(o.sector)),
        Column(_("Contact person"), lambda o: o.contact_name),
        Column(_("Phone"), lambda o: o.phone),
        Column(_("E-mail"), lambda o: o.email),
        Column(_("Address"), lambda o: o.address),
    )


class WatchGroupExport(ListExport):
    basename = "watch-groups"
    columns = (
        Column(_("Reference"), lambda g: g.reference),
        Column(_("Name"), lambda g: g.name),
        Column(_("Kind"), lambda g: g.get_kind_display()),
        Column(_("Status"), lambda g: g.get_status_display()),
        Column(_("Area command"), lambda g: name_or_blank(g.area_command)),
        Column(_("Sector"), lambda g: name_or_blank(g.sector)),
        Column(_("Liaison officer"), lambda g: g.liaison_officer or ""),
        Column(_("Block captains"), lambda g: g.captain_count),
        Column(_("Last meeting"), lambda g: local_date(g.last_meeting)),
    )


class PartnershipExport(ListExport):
    basename = "partnerships"
    columns = (
        Column(_("Organization"), lambda p: p.organization.name),
        Column(_("Area command"), lambda p: p.organization.area_command.name),
        Column(_("Purpose"), lambda p: p.purpose),
        Column(_("Responsible officer"), lambda p: p.responsible_officer),
        Column(_("Start date"), lambda p: p.starts_on),
        Column(_("End date"), lambda p: p.ends_on or ""),
        Column(_("Status"), lambda p: p.get_status_display()),
        Column(_("Last log entry"), lambda p: p.last_entry or ""),
    )


class ReferralExport(ListExport):
    basename = "referrals"
    columns = (
        Column(_("Kind"), lambda r: r.get_kind_display()),
        Column(_("Agency"), lambda r: r.agency),
        Column(_("Area command"), lambda r: r.area_command.name),
        Column(_("Officer"), lambda r: r.officer),
        Column(_("Referred on"), lambda r: r.referred_on),
        Column(_("Follow-up due"), lambda r: r.follow_up_due),
        Column(_("Follow-up confirmed on"), lambda r: r.follow_up_confirmed_on or ""),
        Column(_("Outcome"), lambda r: r.outcome),
    )


class ConcernExport(ListExport):
    """Who reported a concern stays out of the file: it is for the staff who work the concern."""

    basename = "concerns"
    columns = (
        Column(_("Received on"), lambda c: c.received_on),
        Column(_("Source"), lambda c: c.get_source_display()),
        Column(_("Category"), lambda c: c.category.name),
        Column(_("What was raised"), lambda c: c.description),
        Column(_("Location"), lambda c: c.location),
        Column(_("Area command"), lambda c: c.area_command.name),
        Column(_("Sector"), lambda c: name_or_blank(c.sector)),
        Column(_("Potential problem"), lambda c: _("yes") if c.is_potential_problem else ""),
        Column(_("Status"), lambda c: c.get_status_display()),
        Column(_("Assigned officer"), lambda c: c.assigned_to or ""),
        Column(_("Action plan due"), lambda c: c.plan_due_on if c.is_awaiting_plan() else ""),
    )


class ActionPlanExport(ListExport):
    basename = "action-plans"
    columns = (
        Column(_("Title"), lambda p: p.title),
        Column(_("For"), lambda p: p.subject),
        Column(_("Area command"), lambda p: p.area_command.name),
        Column(_("Case officer"), lambda p: p.officer),
        Column(_("Received on"), lambda p: p.starts_on),
        Column(_("Plan due"), lambda p: p.due_on),
        Column(_("First submitted"), lambda p: local_date(p.first_submitted_at)),
        Column(_("Status"), lambda p: p.get_status_display()),
        Column(_("Measure of success"), lambda p: p.measure),
        Column(_("Baseline"), lambda p: "" if p.baseline_value is None else p.baseline_value),
        Column(_("Measure after"), lambda p: "" if p.after_value is None else p.after_value),
    )


class AuditExport(ListExport):
    basename = "audit-log"
    columns = (
        Column(_("When"), lambda e: local_minute(e.at)),
        Column(_("Action"), lambda e: e.get_action_display()),
        Column(_("User name"), lambda e: e.username),
        Column(_("Address"), lambda e: e.address or ""),
        Column(_("Record type"), lambda e: e.object_type),
        Column(pgettext_lazy("noun", "Record"), lambda e: e.object_repr),
        Column(_("Details"), lambda e: ", ".join(f"{key}={value}" for key, value in sorted(e.data.items()))),
    )
