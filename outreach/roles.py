"""Roles as Django groups, and the permissions each group starts with.

The data migrations call ``grant`` so that a fresh database has every group
ready; afterwards a department re-maps permissions in the admin. Later
features add their own grants in their own migrations.
"""

OFFICER = "officer"
SERGEANT = "sergeant"
LIEUTENANT = "lieutenant"
COMMANDER = "commander"
CHIEF = "chief"
DESIGNEE = "designee"
RECORDS = "records"
ADMIN = "admin"

# Role value (User.Role) -> group name. Group names are never translated.
ROLE_GROUPS = {
    OFFICER: "Officer",
    SERGEANT: "Sergeant",
    LIEUTENANT: "Lieutenant",
    COMMANDER: "Area commander",
    CHIEF: "Chief of police",
    DESIGNEE: "Chief's designee",
    RECORDS: "Records / crime-prevention staff",
    ADMIN: "System administrator",
}

AREA_ROLES = (OFFICER, SERGEANT, LIEUTENANT, COMMANDER)
ALL_ROLES = tuple(ROLE_GROUPS)


def grant(apps, mapping):
    """Give each role's group the listed permissions ("app_label.codename").

    Safe inside a data migration: permissions are created first, since Django
    only creates them after the last migration has run.
    """
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    for role, perms in mapping.items():
        group, _created = Group.objects.get_or_create(name=ROLE_GROUPS[role])
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def grant_all(apps, role, app_labels):
    """Give a role every permission of the listed apps (the system administrator)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    grant(apps, {})
    group, _created = Group.objects.get_or_create(name=ROLE_GROUPS[role])
    group.permissions.add(*Permission.objects.filter(content_type__app_label__in=app_labels))
