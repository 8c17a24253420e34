"""Each role's group with the permissions it starts with: the table in outreach/roles.py.

Every later migration that adds a permission runs ``sync_default_grants`` again;
it only ever adds, so a department's own re-mapping in the admin stays.
"""

from django.db import migrations

from outreach import roles


def sync(apps, schema_editor):
    roles.sync_default_grants(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0001_initial"),
        ("programs", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "__latest__"),
        ("django_celery_beat", "__latest__"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
