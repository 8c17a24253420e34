"""The CSV columns of the catalog, presentation and request lists."""

from django.utils.translation import gettext_lazy as _

from outreach.lib.exports import Column, ListExport, local_date, local_minute, name_or_blank


class ProgramExport(ListExport):
    basename = "programs"
    columns = (
        Column(_("Name"), lambda p: p.name),
        Column(_("Category"), lambda p: p.get_category_display()),
        Column(_("Audience"), lambda p: p.audience),
        Column(_("Crime types addressed"), lambda p: "; ".join(str(c) for c in p.crime_types.all())),
        Column(_("Status"), lambda p: _("Offered") if p.is_active else _("Retired")),
        Column(_("Policy reference"), lambda p: p.policy_reference),
    )


class PresentationExport(ListExport):
    basename = "presentations"
    columns = (
        Column(_("Date"), lambda p: local_minute(p.starts_at)),
        Column(_("Program or topic"), lambda p: p.title),
        Column(_("Area command"), lambda p: p.area_command.name),
        Column(_("Place"), lambda p: p.place),
        Column(_("Organization"), lambda p: name_or_blank(p.organization)),
        Column(_("Participants"), lambda p: p.participants),
        Column(_("Status"), lambda p: p.get_status_display()),
        Column(_("Author"), lambda p: p.author),
    )


class PresentationRequestExport(ListExport):
    """The request queue without the citizens' contact details."""

    basename = "presentation-requests"
    columns = (
        Column(_("Reference"), lambda r: r.reference),
        Column(_("Received"), lambda r: local_date(r.created_at)),
        Column(_("Requested"), lambda r: r.subject),
        Column(_("Organization or group"), lambda r: r.organization_name),
        Column(_("Preferred date"), lambda r: r.preferred_date),
        Column(_("Expected audience"), lambda r: r.audience_size),
        Column(_("Status"), lambda r: r.get_status_display()),
        Column(_("Area command"), lambda r: name_or_blank(r.area_command)),
    )
