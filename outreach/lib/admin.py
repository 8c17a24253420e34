"""What the Django admin shares: a workflow record moves only through its services, never by hand."""

from simple_history.admin import SimpleHistoryAdmin


class WorkflowAdminMixin:
    """The admin of a model whose state changes through services (transition checks, event log, e-mails).

    ``workflow_fields`` are shown but never edited here; a record is created where its service runs
    (the app's pages, the public forms) and is not deleted here: records are kept.
    """

    workflow_fields = ()

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *self.workflow_fields)

    def has_add_permission(self, request, *args):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class HistoryAdmin(SimpleHistoryAdmin):
    """The admin of a model with change history: its History page lists who, when and from which address."""

    history_list_display = ["history_ip_address"]
