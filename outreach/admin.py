from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .lib.admin import HistoryAdmin, WorkflowAdminMixin
from .lib.retention import RetentionAdminMixin, RetentionInlineFormSet
from .models import (
    ActionPlan,
    AreaCommand,
    AuditEvent,
    AuditReview,
    BlockCaptain,
    CalendarFeed,
    Concern,
    CrimeType,
    Department,
    ImmigrationOutreach,
    ImplementationEntry,
    LegalHold,
    Organization,
    Partnership,
    PartnershipLogEntry,
    PlannedAction,
    Project,
    PurgeLog,
    Referral,
    Sector,
    User,
    WatchGroup,
    WatchMeeting,
)

admin.site.site_header = _("Community Outreach Manager")
admin.site.site_title = _("Community Outreach Manager")


@admin.register(Department)
class DepartmentAdmin(HistoryAdmin):
    list_display = ["name", "chief_name", "phone", "time_zone"]

    def has_add_permission(self, request):
        return not Department.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


class SectorInline(admin.TabularInline):
    model = Sector
    extra = 0


@admin.register(AreaCommand)
class AreaCommandAdmin(HistoryAdmin):
    list_display = ["name", "code", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]
    inlines = [SectorInline]


@admin.register(Sector)
class SectorAdmin(HistoryAdmin):
    list_display = ["name", "code", "area_command"]
    list_filter = ["area_command"]
    search_fields = ["name", "code"]
    list_select_related = ["area_command"]


@admin.register(User)
class UserAdmin(HistoryAdmin, BaseUserAdmin):
    list_display = ["username", "last_name", "first_name", "badge_number", "role", "area_command", "is_active"]
    list_filter = ["role", "area_command", "is_active", "is_staff", "groups"]
    search_fields = ["username", "first_name", "last_name", "email", "badge_number"]
    list_select_related = ["area_command"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Department"), {"fields": ("role", "badge_number", "area_command", "sergeant", "phone")}),
    )

    def save_related(self, request, form, formsets, change):
        # The form's Groups field holds the groups before the save; the role decides the role group.
        super().save_related(request, form, formsets, change)
        form.instance.sync_role_group()

    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Department"), {"fields": ("first_name", "last_name", "email", "role", "badge_number", "area_command")}),
    )


@admin.register(Organization)
class OrganizationAdmin(HistoryAdmin):
    list_display = ["name", "kind", "area_command", "sector", "contact_name", "phone"]
    list_filter = ["kind", "area_command"]
    search_fields = ["name", "contact_name", "email", "address"]
    list_select_related = ["area_command", "sector__area_command"]


@admin.register(CrimeType)
class CrimeTypeAdmin(HistoryAdmin):
    list_display = ["name", "name_es", "code", "sort_order", "is_active"]
    list_editable = ["sort_order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "name_es", "code"]


@admin.register(Concern)
class ConcernAdmin(WorkflowAdminMixin, HistoryAdmin):
    workflow_fields = ("status", "assigned_to", "merged_into", "closing_reason", "created_by")
    list_display = ["received_on", "category", "area_command", "source", "is_potential_problem", "status"]
    list_filter = ["source", "status", "is_potential_problem", "area_command", "category"]
    search_fields = ["description"]
    list_select_related = ["category", "area_command"]
    date_hierarchy = "received_on"


class BlockCaptainInline(admin.TabularInline):
    model = BlockCaptain
    extra = 0


class WatchMeetingInline(admin.TabularInline):
    model = WatchMeeting
    formset = RetentionInlineFormSet
    extra = 0


@admin.register(WatchGroup)
class WatchGroupAdmin(WorkflowAdminMixin, HistoryAdmin):
    # A group's status moves on its page (allowed moves only; the citizen is e-mailed when organizing starts).
    workflow_fields = ["status", "started_by"]
    list_display = ["name", "reference", "kind", "status", "area_command", "liaison_officer"]
    list_filter = ["status", "kind", "started_by", "area_command"]
    search_fields = ["name", "reference", "boundaries", "requester_name"]
    list_select_related = ["area_command", "liaison_officer"]
    readonly_fields = ["reference", "code"]
    inlines = [BlockCaptainInline, WatchMeetingInline]


class PartnershipLogInline(admin.TabularInline):
    model = PartnershipLogEntry
    formset = RetentionInlineFormSet
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(RetentionAdminMixin, HistoryAdmin):
    list_display = ["organization", "status", "responsible_officer", "starts_on", "ends_on"]
    list_filter = ["status", "organization__area_command"]
    search_fields = ["organization__name", "purpose"]
    list_select_related = ["organization", "responsible_officer"]
    inlines = [PartnershipLogInline]


@admin.register(Referral)
class ReferralAdmin(WorkflowAdminMixin, HistoryAdmin):
    # The follow-up is confirmed on the referral's page, after which the referral is kept as it was.
    workflow_fields = ["follow_up_confirmed_on", "confirmed_by", "outcome"]
    list_display = [
        "kind",
        "agency",
        "area_command",
        "officer",
        "referred_on",
        "follow_up_due",
        "follow_up_confirmed_on",
    ]
    list_filter = ["kind", "area_command"]
    search_fields = ["agency", "summary", "location"]
    list_select_related = ["area_command", "officer"]
    date_hierarchy = "referred_on"


@admin.register(ImmigrationOutreach)
class ImmigrationOutreachAdmin(RetentionAdminMixin, HistoryAdmin):
    list_display = ["organization", "reached_on", "officer"]
    list_filter = ["organization__kind"]
    search_fields = ["organization__name"]
    list_select_related = ["organization", "officer"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    search_fields = ["user__username"]
    readonly_fields = ["token"]


class PlannedActionInline(admin.TabularInline):
    model = PlannedAction
    formset = RetentionInlineFormSet
    extra = 0


class ImplementationEntryInline(admin.TabularInline):
    model = ImplementationEntry
    formset = RetentionInlineFormSet
    extra = 0


@admin.register(ActionPlan)
class ActionPlanAdmin(WorkflowAdminMixin, HistoryAdmin):
    workflow_fields = (
        "status",
        "concern",
        "partnership",
        "project",
        "officer",
        "starts_on",
        "due_on",
        "first_submitted_at",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
        "review_comment",
        "closed_at",
        "created_by",
    )
    list_display = ["title", "area_command", "officer", "status", "due_on"]
    list_filter = ["status", "area_command"]
    search_fields = ["title", "problem"]
    list_select_related = ["area_command", "officer"]
    inlines = [PlannedActionInline, ImplementationEntryInline]


@admin.register(Project)
class ProjectAdmin(RetentionAdminMixin, HistoryAdmin):
    list_display = ["name", "area_command", "lieutenant", "status", "starts_on"]
    list_filter = ["status", "area_command"]
    search_fields = ["name", "goal"]
    list_select_related = ["area_command", "lieutenant"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read only: no one adds, changes or deletes an audit event (the database refuses too)."""

    list_display = ["at", "action", "username", "address", "object_repr"]
    list_filter = ["action"]
    search_fields = ["username", "object_repr", "address"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditReview)
class AuditReviewAdmin(admin.ModelAdmin):
    """Read only, like the log it reviews: a week is marked reviewed on its page, and never changed."""

    list_display = ["week", "reviewer_name", "reviewed_at", "events_seen"]
    date_hierarchy = "week"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LegalHold)
class LegalHoldAdmin(admin.ModelAdmin):
    """Read only: holds are placed and released on their page (/holds/), which checks them; never deleted."""

    list_display = ["placed_at", "__str__", "placed_by", "released_at", "released_by"]
    list_filter = ["released_at", "content_type", "area_command"]
    search_fields = ["reason"]
    list_select_related = ["content_type", "area_command", "placed_by", "released_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PurgeLog)
class PurgeLogAdmin(admin.ModelAdmin):
    """Read only: the purge's log is never changed or deleted (the database refuses too)."""

    list_display = ["at", "dry_run", "record_type", "rule", "deleted", "anonymised", "held", "run_by"]
    list_filter = ["dry_run", "record_type"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
