from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import AreaCommand, Department, Organization, Sector, User

admin.site.site_header = _("Community Outreach Manager")
admin.site.site_title = _("Community Outreach Manager")


@admin.register(Department)
class DepartmentAdmin(SimpleHistoryAdmin):
    list_display = ["name", "chief_name", "phone", "time_zone"]

    def has_add_permission(self, request):
        return not Department.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


class SectorInline(admin.TabularInline):
    model = Sector
    extra = 0


@admin.register(AreaCommand)
class AreaCommandAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]
    inlines = [SectorInline]


@admin.register(Sector)
class SectorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "area_command"]
    list_filter = ["area_command"]
    search_fields = ["name", "code"]
    list_select_related = ["area_command"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "last_name", "first_name", "badge_number", "role", "area_command", "is_active"]
    list_filter = ["role", "area_command", "is_active", "is_staff", "groups"]
    search_fields = ["username", "first_name", "last_name", "email", "badge_number"]
    list_select_related = ["area_command"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Department"), {"fields": ("role", "badge_number", "area_command", "phone")}),
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
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "area_command", "sector", "contact_name", "phone"]
    list_filter = ["kind", "area_command"]
    search_fields = ["name", "contact_name", "email", "address"]
    list_select_related = ["area_command", "sector__area_command"]
