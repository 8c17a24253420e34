"""Presentation requests, with the citizens' contacts, are seen only by the staff who pick them up."""

from django.db import migrations

from outreach import roles


def narrow(apps, schema_editor):
    roles.revoke(apps, "programs.view_presentationrequest", [roles.Role.OFFICER])


class Migration(migrations.Migration):
    dependencies = [("programs", "0003_request_cancelled"), ("outreach", "0002_roles")]

    operations = [migrations.RunPython(narrow, migrations.RunPython.noop)]
