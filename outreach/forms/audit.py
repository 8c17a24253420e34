"""The weekly audit review's forms: the note that signs a week off, and which weeks the list shows."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import AuditReview
from .base import FormDefaultsMixin


class AuditReviewForm(FormDefaultsMixin, forms.ModelForm):
    class Meta:
        model = AuditReview
        fields = ["note"]
        labels = {"note": _("Review note")}
        widgets = {"note": forms.Textarea(attrs={"rows": 5})}


class AuditWeekFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Weeks"),
        required=False,
        choices=[("", _("Every week")), ("unreviewed", _("Not reviewed yet"))],
    )
