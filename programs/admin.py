from django.contrib import admin

from outreach.lib.admin import HistoryAdmin, WorkflowAdminMixin

from .models import (
    Presentation,
    PresentationAttachment,
    PresentationConcern,
    PresentationEvent,
    PresentationRequest,
    Program,
)


@admin.register(Program)
class ProgramAdmin(HistoryAdmin):
    list_display = ["name", "category", "audience", "is_active"]
    list_filter = ["category", "is_active", "crime_types"]
    search_fields = ["name", "description", "audience"]
    filter_horizontal = ["crime_types"]


class PresentationEventInline(admin.TabularInline):
    model = PresentationEvent
    extra = 0
    readonly_fields = ["action", "by", "at", "comment"]
    can_delete = False


class PresentationAttachmentInline(admin.TabularInline):
    model = PresentationAttachment
    extra = 0
    readonly_fields = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    fields = readonly_fields
    can_delete = False


class PresentationConcernInline(admin.TabularInline):
    model = PresentationConcern
    extra = 0
    raw_id_fields = ["concern"]


@admin.register(Presentation)
class PresentationAdmin(WorkflowAdminMixin, HistoryAdmin):
    # Scheduled, submitted, approved, returned, cancelled: only programs/services.py moves a report.
    workflow_fields = ["status", "author", "submitted_at", "reviewed_by", "reviewed_at", "review_comment"]
    list_display = ["starts_at", "program", "topic", "area_command", "status", "author", "participants"]
    list_filter = ["status", "area_command", "is_public", "program__category"]
    search_fields = ["topic", "program__name", "place"]
    list_select_related = ["program", "area_command", "author"]
    raw_id_fields = ["organization"]
    filter_horizontal = ["presenters", "command_staff"]
    date_hierarchy = "starts_at"
    inlines = [PresentationEventInline, PresentationConcernInline, PresentationAttachmentInline]


@admin.register(PresentationRequest)
class PresentationRequestAdmin(WorkflowAdminMixin, HistoryAdmin):
    # Accepted or declined on the request's page, which schedules the presentation and e-mails the citizen.
    workflow_fields = ["status", "area_command", "presentation", "decline_reason", "handled_by", "handled_at"]
    list_display = ["reference", "requester_name", "program", "topic", "preferred_date", "status", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["reference", "requester_name", "organization_name", "email"]
    list_select_related = ["program"]
    readonly_fields = ["reference", "code", "created_at"]
