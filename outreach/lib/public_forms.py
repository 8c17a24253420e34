"""What every public (no login) form shares: a honeypot against bots and a per-address rate limit."""

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
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


def handle_public_form(request, form, *, template, save, rate_group="public-requests"):
    """The flow every public form shares: rate limit, honeypot, save, then the confirmation page.

    ``save(form)`` stores what was sent and returns the redirect to its confirmation; on GET, on
    invalid input (every typed value kept, each error at its field) or over the limit, the form is
    rendered again.
    """
    if request.method == "POST":
        if over_rate_limit(request, rate_group):
            form.is_valid()
            form.add_error(None, _("Too many requests were sent from this connection. Please try again in an hour."))
            return render(request, template, {"form": form}, status=429)
        if form.is_valid():
            if form.is_bot():
                return redirect("outreach:request_thanks")
            return save(form)
    return render(request, template, {"form": form})
