"""Roles, and the permissions each role's group starts with: the one table.

A role is a Django group; a group's permissions are what the role may do, so a
department can re-map them afterwards in the admin (Groups). Every data
migration that adds a permission calls ``sync_default_grants``, which is
idempotent and only ever adds: it never takes back what a department granted.
Code asks permissions (``user.has_perm``), never role names.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Officer")
    SERGEANT = "sergeant", _("Sergeant")
    LIEUTENANT = "lieutenant", _("Lieutenant")
    COMMANDER = "commander", _("Area commander")
    CHIEF = "chief", _("Chief of police")
    DESIGNEE = "designee", _("Chief's designee")
    RECORDS = "records", _("Records / crime-prevention staff")
    ADMIN = "admin", _("System administrator")


# Role -> group name. Group names are never translated: they are data.
ROLE_GROUPS = {
    Role.OFFICER: "Officer",
    Role.SERGEANT: "Sergeant",
    Role.LIEUTENANT: "Lieutenant",
    Role.COMMANDER: "Area commander",
    Role.CHIEF: "Chief of police",
    Role.DESIGNEE: "Chief's designee",
    Role.RECORDS: "Records / crime-prevention staff",
    Role.ADMIN: "System administrator",
}

EVERY_ROLE = tuple(Role)
# Roles whose work belongs to one area command (they must have one).
AREA_ROLES = (Role.OFFICER, Role.SERGEANT, Role.LIEUTENANT, Role.COMMANDER)
# Roles that may use the Django admin.
ADMIN_SITE_ROLES = (Role.CHIEF, Role.DESIGNEE, Role.RECORDS, Role.ADMIN)
# Who attends as command staff at a presentation.
COMMAND_STAFF_ROLES = (Role.LIEUTENANT, Role.COMMANDER, Role.CHIEF, Role.DESIGNEE)

SEE_EVERY_AREA = (Role.CHIEF, Role.DESIGNEE, Role.RECORDS, Role.ADMIN)
FIELD_ROLES = (*AREA_ROLES, Role.RECORDS, Role.CHIEF, Role.DESIGNEE, Role.ADMIN)
SUPERVISORS = (Role.SERGEANT, Role.LIEUTENANT, Role.COMMANDER)
REVIEWERS = (*SUPERVISORS, Role.ADMIN)
INTAKE_HANDLERS = (*SUPERVISORS, Role.RECORDS, Role.CHIEF, Role.DESIGNEE, Role.ADMIN)
CATALOG_EDITORS = (Role.LIEUTENANT, Role.RECORDS, Role.CHIEF, Role.DESIGNEE, Role.ADMIN)
CHIEF_OFFICE = (Role.CHIEF, Role.DESIGNEE)
SURVEY_BUILDERS = (Role.LIEUTENANT, Role.COMMANDER, Role.RECORDS, Role.CHIEF, Role.DESIGNEE, Role.ADMIN)

# "app_label.codename" -> the roles whose group holds it from the start.
DEFAULT_GRANTS = {
    # Department, places and people
    "outreach.view_all_areas": SEE_EVERY_AREA,
    "outreach.view_department": EVERY_ROLE,
    "outreach.change_department": (Role.CHIEF, Role.ADMIN),
    "outreach.view_trends": COMMAND_STAFF_ROLES,
    "outreach.view_areacommand": EVERY_ROLE,
    "outreach.view_sector": EVERY_ROLE,
    "outreach.view_user": EVERY_ROLE,
    "outreach.view_crimetype": EVERY_ROLE,
    # Organizations and immigration-policy outreach
    "outreach.view_organization": EVERY_ROLE,
    "outreach.add_organization": EVERY_ROLE,
    "outreach.change_organization": EVERY_ROLE,
    "outreach.view_immigrationoutreach": EVERY_ROLE,
    "outreach.add_immigrationoutreach": FIELD_ROLES,
    "outreach.monitor_immigrationoutreach": CHIEF_OFFICE,
    # Concerns
    "outreach.view_concern": EVERY_ROLE,
    "outreach.add_concern": FIELD_ROLES,
    "outreach.change_concern": FIELD_ROLES,
    "outreach.assign_concern": (*SUPERVISORS, Role.ADMIN),
    "outreach.take_concern": (Role.OFFICER, Role.SERGEANT),
    "outreach.view_concern_reporter": (*SUPERVISORS, *CHIEF_OFFICE, Role.ADMIN),
    # Action plans and POP projects
    "outreach.view_actionplan": EVERY_ROLE,
    "outreach.add_actionplan": FIELD_ROLES,
    "outreach.change_actionplan": FIELD_ROLES,
    "outreach.review_actionplan": REVIEWERS,
    "outreach.oversee_actionplan": tuple(role for role in EVERY_ROLE if role != Role.OFFICER),
    "outreach.hear_of_overdue_actionplan": (Role.SERGEANT,),
    "outreach.hear_of_late_actionplan": (Role.LIEUTENANT,),
    "outreach.view_project": EVERY_ROLE,
    "outreach.add_project": (Role.LIEUTENANT, Role.COMMANDER, Role.ADMIN),
    "outreach.change_project": (Role.LIEUTENANT, Role.COMMANDER, Role.ADMIN),
    "outreach.add_projectnote": (Role.LIEUTENANT, Role.COMMANDER, Role.ADMIN),
    # Neighborhood watch
    "outreach.view_watchgroup": EVERY_ROLE,
    "outreach.add_watchgroup": FIELD_ROLES,
    "outreach.change_watchgroup": FIELD_ROLES,
    "outreach.handle_watchgroup_request": INTAKE_HANDLERS,
    # Partnerships and referrals
    "outreach.view_partnership": EVERY_ROLE,
    "outreach.add_partnership": FIELD_ROLES,
    "outreach.change_partnership": FIELD_ROLES,
    "outreach.view_partnershiplogentry": EVERY_ROLE,
    "outreach.add_partnershiplogentry": FIELD_ROLES,
    "outreach.view_referral": EVERY_ROLE,
    "outreach.add_referral": FIELD_ROLES,
    "outreach.change_referral": FIELD_ROLES,
    "outreach.oversee_referral": tuple(role for role in EVERY_ROLE if role != Role.OFFICER),
    # Program catalog
    "programs.view_program": EVERY_ROLE,
    "programs.add_program": CATALOG_EDITORS,
    "programs.change_program": CATALOG_EDITORS,
    # Presentations, their reports and public requests
    "programs.view_presentation": EVERY_ROLE,
    "programs.add_presentation": FIELD_ROLES,
    "programs.change_presentation": FIELD_ROLES,
    "programs.review_presentation": REVIEWERS,
    # An intake queue and its citizens' contacts are for the staff who pick requests up.
    "programs.view_presentationrequest": INTAKE_HANDLERS,
    "programs.handle_presentationrequest": INTAKE_HANDLERS,
    # Citizen surveys: the chief (or designee) approves the questions (policy 001 §III.A.5).
    "surveys.view_survey": EVERY_ROLE,
    "surveys.add_survey": SURVEY_BUILDERS,
    "surveys.change_survey": SURVEY_BUILDERS,
    "surveys.approve_survey": CHIEF_OFFICE,
    "surveys.view_survey_results": (*SUPERVISORS, Role.RECORDS, *CHIEF_OFFICE, Role.ADMIN),
    "surveys.add_surveylink": FIELD_ROLES,
    "surveys.add_paperbatch": (*SUPERVISORS, Role.RECORDS, *CHIEF_OFFICE, Role.ADMIN),
    "surveys.act_on_results": (*CHIEF_OFFICE, Role.ADMIN),
    "surveys.hear_of_results": CHIEF_OFFICE,
    # A citizen's contact request is seen by the staff who work follow-ups; an officer by the ones assigned.
    "surveys.view_contactrequest": FIELD_ROLES,
    "surveys.change_contactrequest": INTAKE_HANDLERS,
    # The audit log (CJIS AU-6): the chief and the system administrator read and review it.
    "outreach.view_auditevent": (Role.CHIEF, Role.ADMIN),
    "outreach.review_auditevent": (Role.CHIEF, Role.ADMIN),
    # Retention (policy 003 §C.4): legal holds, department-wide, and the purge's log.
    "outreach.view_legalhold": (Role.CHIEF, Role.ADMIN),
    "outreach.add_legalhold": (Role.CHIEF, Role.ADMIN),
    "outreach.release_legalhold": (Role.CHIEF, Role.ADMIN),
    "outreach.view_purgelog": (Role.CHIEF, Role.ADMIN),
    # Reports (policy 003 4-7-5): each level's monthly report goes up the chain; the annual to the chief.
    "reports.view_generatedreport": EVERY_ROLE,
    "reports.generate_report": EVERY_ROLE,
    "reports.view_unit_reports": (Role.SERGEANT,),
    "reports.view_area_reports": (Role.LIEUTENANT, Role.COMMANDER),
    "reports.view_annual_report": (*CHIEF_OFFICE, Role.RECORDS, Role.COMMANDER),
    "reports.generate_annual_report": (*CHIEF_OFFICE, Role.RECORDS),
    "reports.view_annualrecommendations": (*CHIEF_OFFICE, Role.RECORDS, Role.COMMANDER),
    "reports.write_recommendations": CHIEF_OFFICE,
}

# The system administrator holds every permission of these apps.
ADMIN_APPS = ("outreach", "programs", "surveys", "reports", "auth", "django_celery_beat", "axes")
# ...but these, which a policy gives to named people only.
ADMIN_WITHHELD = (
    "surveys.approve_survey",
    "surveys.hear_of_results",
    "reports.view_annual_report",
    "reports.generate_annual_report",
    "reports.write_recommendations",
)


def grants_by_role():
    """The table turned around: role -> the permissions it starts with."""
    by_role = {role: [] for role in EVERY_ROLE}
    for perm, holders in DEFAULT_GRANTS.items():
        for role in holders:
            by_role[role].append(perm)
    return by_role


def revoke(apps, perm, from_roles):
    """Take a permission back from roles' groups: a data migration's way to narrow a default grant."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = perm.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=[ROLE_GROUPS[role] for role in from_roles]):
        group.permissions.remove(permission)


def sync_default_grants(apps):
    """Create every role's group and give it the permissions of DEFAULT_GRANTS (adds only).

    Safe inside a data migration (pass its ``apps``) and on a live registry
    (``django.apps.apps``). Permissions are created first, since Django only
    creates them after the last migration; a permission whose model does not
    exist yet is skipped: the migration that adds the model syncs again.
    """
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    known = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.values_list("pk", "content_type__app_label", "codename")
    }
    for role, perms in grants_by_role().items():
        group, _created = Group.objects.get_or_create(name=ROLE_GROUPS[role])
        group.permissions.add(*(known[perm] for perm in perms if perm in known))
    admin, _created = Group.objects.get_or_create(name=ROLE_GROUPS[Role.ADMIN])
    withheld = Q()
    for perm in ADMIN_WITHHELD:
        app_label, codename = perm.split(".")
        withheld |= Q(content_type__app_label=app_label, codename=codename)
    admin.permissions.add(*Permission.objects.filter(content_type__app_label__in=ADMIN_APPS).exclude(withheld))
