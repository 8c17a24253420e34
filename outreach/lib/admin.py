"""What the Django admin shares: a workflow record moves only through its services, never by hand."""

from django.core.exceptions import PermissionDenied
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

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """An earlier version is shown, never saved back: a revert would bypass the workflows' rules
        (``SIMPLE_HISTORY_REVERT_DISABLED`` only hides its button)."""
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
