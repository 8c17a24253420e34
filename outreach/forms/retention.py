"""The legal hold form: one record by its type and number, or an area command's records over dates."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..lib import retention
from ..lib.widgets import DateInput
from ..models import AreaCommand
from .base import FormDefaultsMixin


class LegalHoldForm(FormDefaultsMixin, forms.Form):
    RECORD, RANGE = "record", "range"

    scope = forms.ChoiceField(
        label=gettext_lazy("What the hold keeps"),
        choices=[
            (RECORD, gettext_lazy("One record")),
            (RANGE, gettext_lazy("Every record of an area command dated between two days")),
        ],
        widget=forms.RadioSelect,
        initial=RECORD,
    )
    record_type = forms.ChoiceField(label=gettext_lazy("Record type"), required=False)
    record_id = forms.IntegerField(
        label=gettext_lazy("Record number"),
        min_value=1,
        required=False,
        help_text=gettext_lazy("The number in the record's address: 12 in …/concerns/12/."),
    )
    area_command = forms.ModelChoiceField(
        label=gettext_lazy("Area command"), queryset=AreaCommand.objects.none(), required=False
    )
    starts_on = forms.DateField(label=gettext_lazy("From"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=gettext_lazy("To"), required=False, widget=DateInput())
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The matter, request or order the records are kept for."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["record_type"].choices = [("", "---------")] + [
            (record_type.label, record_type.model._meta.verbose_name.capitalize())
            for record_type in retention.record_types()
        ]
        self.fields["area_command"].queryset = AreaCommand.objects.for_user(user).order_by("name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == self.RECORD:
            self._clean_record(cleaned)
        elif cleaned.get("scope") == self.RANGE:
            self._clean_range(cleaned)
        return cleaned

    def _clean_record(self, cleaned):
        label, number = cleaned.get("record_type"), cleaned.get("record_id")
        if not label:
            self.add_error("record_type", _("Choose the type of the record to keep."))
        if number is None and "record_id" not in self.errors:
            self.add_error("record_id", _("Give the record's number."))
        if not label or number is None:
            return
        model = retention.record_type(label).model
        records = model._default_manager.all()
        if hasattr(records, "for_user"):
            records = records.for_user(self.user)
        cleaned["record"] = records.filter(pk=number).first()
        if cleaned["record"] is None:
            self.add_error(
                "record_id",
                _("There is no %(type)s number %(number)s that you may see.")
                % {"type": model._meta.verbose_name, "number": number},
            )

    def _clean_range(self, cleaned):
        for name, message in [
            ("area_command", _("Choose the area command.")),
            ("starts_on", _("Give the first day.")),
            ("ends_on", _("Give the last day.")),
        ]:
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, message)
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day cannot be before the first."))
