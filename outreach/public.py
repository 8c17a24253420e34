"""What every public (no login) form shares: a honeypot against bots and a per-address rate limit."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited


class HoneypotFormMixin(forms.Form):
    """A field people never see and bots fill in. A filled honeypot is answered as if it worked."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self):
        return bool(self.cleaned_data.get("website"))


def over_rate_limit(request, group):
    """Count this POST against the sender's address; True once it exceeds PUBLIC_FORM_RATE."""
    return is_ratelimited(request, group=group, key="ip", rate=settings.PUBLIC_FORM_RATE, method="POST", increment=True)
