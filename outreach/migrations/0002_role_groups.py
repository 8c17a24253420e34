"""Create a group per role with the permissions it starts with.

A department re-maps them afterwards in the admin (Groups).
"""

from django.db import migrations

from outreach import roles

EVERY_ROLE = roles.ALL_ROLES
SEE_EVERY_AREA = (roles.CHIEF, roles.DESIGNEE, roles.RECORDS, roles.ADMIN)
CATALOG_EDITORS = (roles.LIEUTENANT, roles.RECORDS, roles.CHIEF, roles.DESIGNEE, roles.ADMIN)

BY_PERMISSION = {
    "outreach.view_all_areas": SEE_EVERY_AREA,
    "outreach.view_department": EVERY_ROLE,
    "outreach.change_department": (roles.CHIEF, roles.ADMIN),
    "outreach.view_areacommand": EVERY_ROLE,
    "outreach.view_sector": EVERY_ROLE,
    "outreach.view_user": EVERY_ROLE,
    "outreach.view_organization": EVERY_ROLE,
    "outreach.add_organization": EVERY_ROLE,
    "outreach.change_organization": EVERY_ROLE,
    "programs.view_crimetype": EVERY_ROLE,
    "programs.view_program": EVERY_ROLE,
    "programs.add_program": CATALOG_EDITORS,
    "programs.change_program": CATALOG_EDITORS,
}


def create_groups(apps, schema_editor):
    by_role = {role: [] for role in roles.ALL_ROLES}
    for perm, holders in BY_PERMISSION.items():
        for role in holders:
            by_role[role].append(perm)
    roles.grant(apps, by_role)
    # The system administrator manages people, places and the catalog in the admin.
    roles.grant_all(apps, roles.ADMIN, ["outreach", "programs", "auth", "django_celery_beat", "axes"])


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0001_initial"),
        ("programs", "0002_seed_catalog"),
        ("django_celery_beat", "0001_initial"),
        ("axes", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
