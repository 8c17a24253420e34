"""The department's one row exists from the start: pages read it, they never have to create it."""

from django.conf import settings
from django.db import migrations


def seed(apps, schema_editor):
    Department = apps.get_model("outreach", "Department")
    Department.objects.get_or_create(pk=1, defaults={"name": "Police Department", "time_zone": settings.TIME_ZONE})


class Migration(migrations.Migration):
    dependencies = [("outreach", "0002_roles")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
