"""Concerns worked to closure: where, who reported it, its officer, merges, and a timeline of events.

Each concern already recorded gets its "received" event, so every timeline starts the same way.
"""

import django.db.models.deletion
import django.utils.timezone
import outreach.lib.validators
from django.conf import settings
from django.db import migrations, models

from outreach import roles


def sync(apps, schema_editor):
    roles.sync_default_grants(apps)


def received_events(apps, schema_editor):
    Concern = apps.get_model("outreach", "Concern")
    ConcernEvent = apps.get_model("outreach", "ConcernEvent")
    ConcernEvent.objects.bulk_create(
        ConcernEvent(concern_id=pk, action="received", by_id=by, at=at)
        for pk, by, at in Concern.objects.filter(events__isnull=True).values_list("pk", "created_by", "created_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0008_trends"),
    ]

    operations = [
        migrations.CreateModel(
            name="ConcernEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("received", "Received"),
                            ("edited", "Details corrected"),
                            ("assigned", "Assigned"),
                            ("taken", "Taken by the officer"),
                            ("merged", "Merged into another concern"),
                            ("absorbed", "Another concern merged into this one"),
                            ("no_action", "Closed with no action"),
                        ],
                        max_length=20,
                        verbose_name="action",
                    ),
                ),
                ("at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="at")),
                ("comment", models.TextField(blank=True, max_length=4000, verbose_name="comment")),
            ],
            options={
                "verbose_name": "concern event",
                "verbose_name_plural": "concern events",
                "ordering": ["at", "id"],
            },
        ),
        migrations.AlterModelOptions(
            name="concern",
            options={
                "ordering": ["-received_on", "-id"],
                "permissions": [
                    ("assign_concern", "Can assign, merge or close an area's concerns"),
                    ("take_concern", "Can take an unassigned concern of one's area"),
                    ("view_concern_reporter", "Can see who reported a concern and how to reach them"),
                ],
                "verbose_name": "concern",
                "verbose_name_plural": "concerns",
            },
        ),
        migrations.AddField(
            model_name="concern",
            name="assigned_to",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="concerns_assigned",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assigned officer",
            ),
        ),
        migrations.AddField(
            model_name="concern",
            name="closing_reason",
            field=models.TextField(blank=True, max_length=4000, verbose_name="reason"),
        ),
        migrations.AddField(
            model_name="concern",
            name="location",
            field=models.CharField(
                blank=True,
                help_text="An address, a block, a park: where it happens.",
                max_length=250,
                verbose_name="location",
            ),
        ),
        migrations.AddField(
            model_name="concern",
            name="merged_into",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="merged",
                to="outreach.concern",
                verbose_name="merged into",
            ),
        ),
        migrations.AddField(
            model_name="concern",
            name="partnership_log_entry",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="concerns",
                to="outreach.partnershiplogentry",
                verbose_name="from the partnership log entry",
            ),
        ),
        migrations.AddField(
            model_name="concern",
            name="reporter_email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="reporter's e-mail"),
        ),
        migrations.AddField(
            model_name="concern",
            name="reporter_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="reported by"),
        ),
        migrations.AddField(
            model_name="concern",
            name="reporter_phone",
            field=models.CharField(blank=True, max_length=40, verbose_name="reporter's phone"),
        ),
        migrations.AddField(
            model_name="concern",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AddField(
            model_name="historicalconcern",
            name="assigned_to",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assigned officer",
            ),
        ),
        migrations.AddField(
            model_name="historicalconcern",
            name="closing_reason",
            field=models.TextField(blank=True, max_length=4000, verbose_name="reason"),
        ),
        migrations.AddField(
            model_name="historicalconcern",
            name="location",
            field=models.CharField(
                blank=True,
                help_text="An address, a block, a park: where it happens.",
                max_length=250,
                verbose_name="location",
            ),
        ),
        migrations.AddField(
            model_name="historicalconcern",
            name="merged_into",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="outreach.concern",
                verbose_name="merged into",
            ),
        ),
        migrations.AddField(
            model_name="historicalconcern",
            name="partnership_log_entry",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="outreach.partnershiplogentry",
                verbose_name="from the partnership log entry",
            ),
        ),
        migrations.AddField(
            model_name="historicalconcern",
            name="reporter_email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="reporter's e-mail"),
        ),
        migrations.AddField(
            model_name="historicalconcern",
            name="reporter_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="reported by"),
        ),
        migrations.AddField(
            model_name="historicalconcern",
            name="reporter_phone",
            field=models.CharField(blank=True, max_length=40, verbose_name="reporter's phone"),
        ),
        migrations.AddField(
            model_name="historicalconcern",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="updated"
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="concern",
            name="received_on",
            field=models.DateField(
                help_text="The date the department learned of it: the ten days for an action plan start here.",
                validators=[outreach.lib.validators.within_five_years],
                verbose_name="received on",
            ),
        ),
        migrations.AlterField(
            model_name="concern",
            name="source",
            field=models.CharField(
                choices=[
                    ("presentation", "Presentation"),
                    ("survey", "Survey answer"),
                    ("partner", "Partner information"),
                    ("phone", "Phone call"),
                    ("walk_in", "Walk-in"),
                    ("email", "E-mail"),
                    ("observation", "Officer observation"),
                    ("command", "Command referral"),
                ],
                max_length=20,
                verbose_name="source",
            ),
        ),
        migrations.AlterField(
            model_name="concern",
            name="status",
            field=models.CharField(
                choices=[
                    ("new", "New"),
                    ("assigned", "Assigned"),
                    ("plan_due", "Plan being written"),
                    ("plan_submitted", "Plan submitted"),
                    ("in_progress", "In progress"),
                    ("monitoring", "Monitoring"),
                    ("closed", "Closed"),
                    ("merged", "Merged"),
                    ("no_action", "No action"),
                ],
                default="new",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="historicalconcern",
            name="received_on",
            field=models.DateField(
                help_text="The date the department learned of it: the ten days for an action plan start here.",
                validators=[outreach.lib.validators.within_five_years],
                verbose_name="received on",
            ),
        ),
        migrations.AlterField(
            model_name="historicalconcern",
            name="source",
            field=models.CharField(
                choices=[
                    ("presentation", "Presentation"),
                    ("survey", "Survey answer"),
                    ("partner", "Partner information"),
                    ("phone", "Phone call"),
                    ("walk_in", "Walk-in"),
                    ("email", "E-mail"),
                    ("observation", "Officer observation"),
                    ("command", "Command referral"),
                ],
                max_length=20,
                verbose_name="source",
            ),
        ),
        migrations.AlterField(
            model_name="historicalconcern",
            name="status",
            field=models.CharField(
                choices=[
                    ("new", "New"),
                    ("assigned", "Assigned"),
                    ("plan_due", "Plan being written"),
                    ("plan_submitted", "Plan submitted"),
                    ("in_progress", "In progress"),
                    ("monitoring", "Monitoring"),
                    ("closed", "Closed"),
                    ("merged", "Merged"),
                    ("no_action", "No action"),
                ],
                default="new",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AddIndex(
            model_name="concern",
            index=models.Index(fields=["area_command", "status", "received_on"], name="outreach_concern_area_status"),
        ),
        migrations.AddField(
            model_name="concernevent",
            name="by",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="by",
            ),
        ),
        migrations.AddField(
            model_name="concernevent",
            name="concern",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="events", to="outreach.concern"
            ),
        ),
        migrations.AddField(
            model_name="concernevent",
            name="officer",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="concernevent",
            name="other_concern",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="outreach.concern",
            ),
        ),
        migrations.RunPython(sync, migrations.RunPython.noop),
        migrations.RunPython(received_events, migrations.RunPython.noop),
    ]
