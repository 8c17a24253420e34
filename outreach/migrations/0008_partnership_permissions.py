"""Who may do what with partnerships, referrals and immigration-policy outreach."""

from django.db import migrations

from outreach import roles

FIELD_ROLES = (*roles.AREA_ROLES, roles.RECORDS, roles.CHIEF, roles.DESIGNEE, roles.ADMIN)

BY_PERMISSION = {
    "outreach.view_partnership": roles.ALL_ROLES,
    "outreach.add_partnership": FIELD_ROLES,
    "outreach.change_partnership": FIELD_ROLES,
    "outreach.view_partnershiplogentry": roles.ALL_ROLES,
    "outreach.add_partnershiplogentry": FIELD_ROLES,
    "outreach.view_referral": roles.ALL_ROLES,
    "outreach.add_referral": FIELD_ROLES,
    "outreach.change_referral": FIELD_ROLES,
    "outreach.view_immigrationoutreach": roles.ALL_ROLES,
    "outreach.add_immigrationoutreach": FIELD_ROLES,
}


def grant(apps, schema_editor):
    by_role = {role: [] for role in roles.ALL_ROLES}
    for perm, holders in BY_PERMISSION.items():
        for role in holders:
            by_role[role].append(perm)
    roles.grant(apps, by_role)
    roles.grant_all(apps, roles.ADMIN, ["outreach", "programs"])


class Migration(migrations.Migration):
    dependencies = [("outreach", "0007_partnerships_referrals")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
