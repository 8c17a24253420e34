"""Who may do what with watch groups and presentation requests."""

from django.db import migrations

from outreach import roles

FIELD_ROLES = (*roles.AREA_ROLES, roles.RECORDS, roles.CHIEF, roles.DESIGNEE, roles.ADMIN)
REQUEST_HANDLERS = (
    roles.SERGEANT,
    roles.LIEUTENANT,
    roles.COMMANDER,
    roles.RECORDS,
    roles.CHIEF,
    roles.DESIGNEE,
    roles.ADMIN,
)

BY_PERMISSION = {
    "outreach.view_watchgroup": roles.ALL_ROLES,
    "outreach.add_watchgroup": FIELD_ROLES,
    "outreach.change_watchgroup": FIELD_ROLES,
    "programs.view_presentationrequest": roles.ALL_ROLES,
    "programs.handle_presentationrequest": REQUEST_HANDLERS,
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
        ("outreach", "0005_watch_groups_and_requests"),
        ("programs", "0006_program_spanish_names"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
