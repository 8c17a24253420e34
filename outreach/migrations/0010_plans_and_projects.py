"""PACT action plans (SARA) with their planned actions, implementation log, events and reminders; POP projects."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import outreach.clock
import outreach.lib.validators
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from outreach import roles


def sync(apps, schema_editor):
    roles.sync_default_grants(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0009_concern_intake"),
    ]

    operations = [
        migrations.CreateModel(
            name="ActionPlan",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=150, verbose_name="title")),
                (
                    "starts_on",
                    models.DateField(
                        help_text="When the concern was received, or the partnership or project began.",
                        validators=[outreach.lib.validators.within_five_years],
                        verbose_name="received on",
                    ),
                ),
                ("due_on", models.DateField(verbose_name="plan due")),
                ("problem", models.TextField(max_length=4000, verbose_name="the problem as seen")),
                (
                    "measure",
                    models.CharField(
                        help_text="What will be counted to tell whether the problem shrank, e.g. calls for service at the address.",
                        max_length=200,
                        verbose_name="measure of success",
                    ),
                ),
                ("baseline_value", models.PositiveIntegerField(blank=True, null=True, verbose_name="baseline")),
                ("baseline_period", models.CharField(blank=True, max_length=100, verbose_name="baseline period")),
                ("causes", models.TextField(blank=True, max_length=4000, verbose_name="causes")),
                ("victims", models.TextField(blank=True, max_length=4000, verbose_name="victims and who is affected")),
                ("places", models.TextField(blank=True, max_length=4000, verbose_name="locations")),
                ("times", models.TextField(blank=True, max_length=4000, verbose_name="days and times")),
                ("after_value", models.PositiveIntegerField(blank=True, null=True, verbose_name="measure after")),
                ("after_period", models.CharField(blank=True, max_length=100, verbose_name="period after")),
                ("assessment", models.TextField(blank=True, max_length=4000, verbose_name="assessment")),
                (
                    "recheck_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[outreach.lib.validators.within_five_years],
                        verbose_name="re-check on",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted for approval"),
                            ("returned", "Returned with comments"),
                            ("in_progress", "Approved: in progress"),
                            ("resolved", "Resolved"),
                            ("monitoring", "Monitoring"),
                            ("closed", "Closed"),
                        ],
                        default="draft",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("first_submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="first submitted")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                ("review_comment", models.TextField(blank=True, max_length=4000, verbose_name="supervisor's comment")),
                ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="closed")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "area_command",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plans",
                        to="outreach.areacommand",
                        verbose_name="area command",
                    ),
                ),
                (
                    "concern",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plan",
                        to="outreach.concern",
                        verbose_name="concern",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="written by",
                    ),
                ),
                (
                    "officer",
                    models.ForeignKey(
                        help_text="The PACT officer who carries the plan out: its primary case agent.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plans",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="case officer",
                    ),
                ),
                (
                    "partnership",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plans",
                        to="outreach.partnership",
                        verbose_name="partnership",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "sector",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plans",
                        to="outreach.sector",
                        verbose_name="sector",
                    ),
                ),
            ],
            options={
                "verbose_name": "action plan",
                "verbose_name_plural": "action plans",
                "ordering": ["due_on", "pk"],
                "permissions": [
                    ("review_actionplan", "Can approve or return the action plans of one's area command"),
                    ("oversee_actionplan", "Can follow every action plan of the area command, not only one's own"),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalProject",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("name", models.CharField(max_length=150, verbose_name="name")),
                ("goal", models.TextField(max_length=4000, verbose_name="goal")),
                (
                    "starts_on",
                    models.DateField(validators=[outreach.lib.validators.within_five_years], verbose_name="start date"),
                ),
                (
                    "ends_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[outreach.lib.validators.within_five_years],
                        verbose_name="end date",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("planning", "Planning"),
                            ("active", "Active"),
                            ("completed", "Completed"),
                            ("stopped", "Stopped"),
                        ],
                        default="planning",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "area_command",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="outreach.areacommand",
                        verbose_name="area command",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "lieutenant",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="lieutenant",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical POP project",
                "verbose_name_plural": "historical POP projects",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="ImplementationEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "done_on",
                    models.DateField(
                        default=outreach.clock.today,
                        validators=[outreach.lib.validators.within_five_years],
                        verbose_name="date",
                    ),
                ),
                ("actions_taken", models.TextField(max_length=4000, verbose_name="actions taken")),
                (
                    "arrests",
                    models.PositiveSmallIntegerField(
                        default=0, validators=[django.core.validators.MaxValueValidator(999)], verbose_name="arrests"
                    ),
                ),
                (
                    "citations",
                    models.PositiveSmallIntegerField(
                        default=0, validators=[django.core.validators.MaxValueValidator(999)], verbose_name="citations"
                    ),
                ),
                (
                    "warnings",
                    models.PositiveSmallIntegerField(
                        default=0, validators=[django.core.validators.MaxValueValidator(999)], verbose_name="warnings"
                    ),
                ),
                (
                    "code_notices",
                    models.PositiveSmallIntegerField(
                        default=0,
                        validators=[django.core.validators.MaxValueValidator(999)],
                        verbose_name="code-violation notices",
                    ),
                ),
                (
                    "referrals",
                    models.PositiveSmallIntegerField(
                        default=0, validators=[django.core.validators.MaxValueValidator(999)], verbose_name="referrals"
                    ),
                ),
                ("results", models.TextField(blank=True, max_length=4000, verbose_name="results")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="recorded")),
                (
                    "by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="entries", to="outreach.actionplan"
                    ),
                ),
            ],
            options={
                "verbose_name": "implementation entry",
                "verbose_name_plural": "implementation entries",
                "ordering": ["-done_on", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="PlanEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("created", "Plan started"),
                            ("submitted", "Submitted"),
                            ("resubmitted", "Resubmitted"),
                            ("returned", "Returned with comments"),
                            ("approved", "Approved"),
                            ("resolved", "Resolved"),
                            ("monitoring", "Monitoring began"),
                            ("reopened", "Worked again"),
                            ("closed", "Closed"),
                            ("reminded", "Reminder sent"),
                        ],
                        max_length=20,
                        verbose_name="action",
                    ),
                ),
                ("at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="at")),
                ("comment", models.TextField(blank=True, max_length=4000, verbose_name="comment")),
                (
                    "by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="events", to="outreach.actionplan"
                    ),
                ),
            ],
            options={
                "verbose_name": "action plan event",
                "verbose_name_plural": "action plan events",
                "ordering": ["at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="PlannedAction",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("description", models.CharField(max_length=300, verbose_name="planned action")),
                (
                    "target_on",
                    models.DateField(
                        validators=[outreach.lib.validators.within_five_years], verbose_name="target date"
                    ),
                ),
                (
                    "done_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[outreach.lib.validators.within_five_years],
                        verbose_name="done on",
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="owner",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="actions", to="outreach.actionplan"
                    ),
                ),
            ],
            options={
                "verbose_name": "planned action",
                "verbose_name_plural": "planned actions",
                "ordering": ["target_on", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Project",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=150, verbose_name="name")),
                ("goal", models.TextField(max_length=4000, verbose_name="goal")),
                (
                    "starts_on",
                    models.DateField(validators=[outreach.lib.validators.within_five_years], verbose_name="start date"),
                ),
                (
                    "ends_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[outreach.lib.validators.within_five_years],
                        verbose_name="end date",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("planning", "Planning"),
                            ("active", "Active"),
                            ("completed", "Completed"),
                            ("stopped", "Stopped"),
                        ],
                        default="planning",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "area_command",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="projects",
                        to="outreach.areacommand",
                        verbose_name="area command",
                    ),
                ),
                (
                    "concerns",
                    models.ManyToManyField(
                        blank=True, related_name="projects", to="outreach.concern", verbose_name="concerns"
                    ),
                ),
                (
                    "lieutenant",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="projects_led",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="lieutenant",
                    ),
                ),
                (
                    "officers",
                    models.ManyToManyField(
                        blank=True, related_name="projects", to=settings.AUTH_USER_MODEL, verbose_name="officers"
                    ),
                ),
                (
                    "partners",
                    models.ManyToManyField(
                        blank=True,
                        related_name="projects",
                        to="outreach.organization",
                        verbose_name="partner organizations",
                    ),
                ),
            ],
            options={
                "verbose_name": "POP project",
                "verbose_name_plural": "POP projects",
                "ordering": ["-starts_on", "name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalActionPlan",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("title", models.CharField(max_length=150, verbose_name="title")),
                (
                    "starts_on",
                    models.DateField(
                        help_text="When the concern was received, or the partnership or project began.",
                        validators=[outreach.lib.validators.within_five_years],
                        verbose_name="received on",
                    ),
                ),
                ("due_on", models.DateField(verbose_name="plan due")),
                ("problem", models.TextField(max_length=4000, verbose_name="the problem as seen")),
                (
                    "measure",
                    models.CharField(
                        help_text="What will be counted to tell whether the problem shrank, e.g. calls for service at the address.",
                        max_length=200,
                        verbose_name="measure of success",
                    ),
                ),
                ("baseline_value", models.PositiveIntegerField(blank=True, null=True, verbose_name="baseline")),
                ("baseline_period", models.CharField(blank=True, max_length=100, verbose_name="baseline period")),
                ("causes", models.TextField(blank=True, max_length=4000, verbose_name="causes")),
                ("victims", models.TextField(blank=True, max_length=4000, verbose_name="victims and who is affected")),
                ("places", models.TextField(blank=True, max_length=4000, verbose_name="locations")),
                ("times", models.TextField(blank=True, max_length=4000, verbose_name="days and times")),
                ("after_value", models.PositiveIntegerField(blank=True, null=True, verbose_name="measure after")),
                ("after_period", models.CharField(blank=True, max_length=100, verbose_name="period after")),
                ("assessment", models.TextField(blank=True, max_length=4000, verbose_name="assessment")),
                (
                    "recheck_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[outreach.lib.validators.within_five_years],
                        verbose_name="re-check on",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted for approval"),
                            ("returned", "Returned with comments"),
                            ("in_progress", "Approved: in progress"),
                            ("resolved", "Resolved"),
                            ("monitoring", "Monitoring"),
                            ("closed", "Closed"),
                        ],
                        default="draft",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("first_submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="first submitted")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                ("review_comment", models.TextField(blank=True, max_length=4000, verbose_name="supervisor's comment")),
                ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="closed")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "area_command",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="outreach.areacommand",
                        verbose_name="area command",
                    ),
                ),
                (
                    "concern",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="outreach.concern",
                        verbose_name="concern",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="written by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "officer",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The PACT officer who carries the plan out: its primary case agent.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="case officer",
                    ),
                ),
                (
                    "partnership",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="outreach.partnership",
                        verbose_name="partnership",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "sector",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="outreach.sector",
                        verbose_name="sector",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="outreach.project",
                        verbose_name="POP project",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical action plan",
                "verbose_name_plural": "historical action plans",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="actionplan",
            name="project",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="plans",
                to="outreach.project",
                verbose_name="POP project",
            ),
        ),
        migrations.CreateModel(
            name="ProjectNote",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "month",
                    models.DateField(help_text="The first day of the month the note covers.", verbose_name="month"),
                ),
                ("text", models.TextField(max_length=4000, verbose_name="progress this month")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="written")),
                (
                    "by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="notes", to="outreach.project"
                    ),
                ),
            ],
            options={
                "verbose_name": "monthly project note",
                "verbose_name_plural": "monthly project notes",
                "ordering": ["-month"],
            },
        ),
        migrations.CreateModel(
            name="PlanReminder",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "step",
                    models.CharField(
                        choices=[
                            ("due_in_3", "Due in 3 days"),
                            ("due_in_1", "Due tomorrow"),
                            ("overdue", "Overdue"),
                            ("overdue_5", "5 days overdue: the lieutenant"),
                        ],
                        max_length=20,
                        verbose_name="step",
                    ),
                ),
                ("sent_on", models.DateField(verbose_name="sent on")),
                ("recipients", models.TextField(verbose_name="sent to")),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="reminders", to="outreach.actionplan"
                    ),
                ),
            ],
            options={
                "verbose_name": "plan reminder",
                "verbose_name_plural": "plan reminders",
                "ordering": ["sent_on", "pk"],
                "constraints": [
                    models.UniqueConstraint(fields=("plan", "step"), name="outreach_planreminder_once_per_step")
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_on__isnull", True), ("ends_on__gte", models.F("starts_on")), _connector="OR"),
                name="outreach_project_ends_after_start",
                violation_error_message="The end date must be on or after the start date.",
            ),
        ),
        migrations.AddIndex(
            model_name="actionplan",
            index=models.Index(fields=["status", "due_on"], name="outreach_plan_status_due"),
        ),
        migrations.AddConstraint(
            model_name="actionplan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("concern__isnull", False), ("partnership__isnull", True), ("project__isnull", True)),
                    models.Q(("concern__isnull", True), ("partnership__isnull", False), ("project__isnull", True)),
                    models.Q(("concern__isnull", True), ("partnership__isnull", True), ("project__isnull", False)),
                    _connector="OR",
                ),
                name="outreach_actionplan_one_subject",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectnote",
            constraint=models.UniqueConstraint(fields=("project", "month"), name="outreach_projectnote_one_per_month"),
        ),
        migrations.AddConstraint(
            model_name="projectnote",
            constraint=models.CheckConstraint(
                condition=models.Q(("month__day", 1)), name="outreach_projectnote_month_start"
            ),
        ),
        migrations.RunPython(sync, migrations.RunPython.noop),
    ]
