from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CrimeType, Program


@admin.register(CrimeType)
class CrimeTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "code", "sort_order", "is_active"]
    list_editable = ["sort_order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "name_es", "code"]


@admin.register(Program)
class ProgramAdmin(SimpleHistoryAdmin):
    list_display = ["name", "category", "audience", "is_active"]
    list_filter = ["category", "is_active", "crime_types"]
    search_fields = ["name", "description", "audience"]
    filter_horizontal = ["crime_types"]
