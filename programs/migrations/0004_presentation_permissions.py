"""Who may do what with presentations and the concerns their reports record."""

from django.db import migrations

from outreach import roles

FIELD_ROLES = (*roles.AREA_ROLES, roles.RECORDS, roles.CHIEF, roles.DESIGNEE, roles.ADMIN)
REVIEWERS = (roles.SERGEANT, roles.LIEUTENANT, roles.COMMANDER)

BY_PERMISSION = {
    "programs.view_presentation": roles.ALL_ROLES,
    "programs.add_presentation": FIELD_ROLES,
    "programs.change_presentation": FIELD_ROLES,
    "programs.review_presentation": (*REVIEWERS, roles.ADMIN),
    "outreach.view_concern": roles.ALL_ROLES,
    "outreach.add_concern": FIELD_ROLES,
}


def grant(apps, schema_editor):
    by_role = {role: [] for role in roles.ALL_ROLES}
    for perm, holders in BY_PERMISSION.items():
        for role in holders:
            by_role[role].append(perm)
    roles.grant(apps, by_role)
    roles.grant_all(apps, roles.ADMIN, ["outreach", "programs"])


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0003_presentations_concerns"),
        ("outreach", "0004_presentations_concerns"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
