"""What every public (no login) form shares: a honeypot against bots and a per-address rate limit.

The limit counts what a connection got accepted, per form: a citizen who corrects five mistakes is
never refused for them, and a request for a presentation does not use up the allowance of a
watch-group request. ``PUBLIC_FORM_RATE`` is set for a connection many people share (a school, a
library): the limit stops a flood, not a busy afternoon. The address is never stored: the counter
is keyed by a hash of it salted with the site's secret key.

The counter is a fixed window in the cache (Redis in production): one read before a form is
checked, one increment (a single pipelined round trip on Redis) when it is accepted. The public
survey is the busiest page of the product, so the limiter costs two round trips and nothing else.
"""

import hashlib
import hmac
import logging
import time

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .addresses import client_address


class HoneypotFormMixin(forms.Form):
    """A field people never see and bots fill in. A filled honeypot is answered as if it worked."""

    website = forms.CharField(
        label=gettext_lazy("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self):
        return bool(self.cleaned_data.get("website"))


def salted_address(request):
    """The connection's address as a keyed hash: what the rate-limit counter is named by."""
    address = client_address(request)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


logger = logging.getLogger(__name__)

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """``"20/h"`` → (20, 3600); ``"100/15m"`` → (100, 900)."""
    count, _slash, per = rate.partition("/")
    return int(count), PERIODS[per[-1]] * (int(per[:-1]) if per[:-1] else 1)


def _counter(request, group, rate=None):
    limit, period = parse_rate(rate or settings.PUBLIC_FORM_RATE)
    window = int(time.time() // period)
    return f"public-rate:{group}:{salted_address(request)}:{window}", limit, period


def over_rate_limit(request, group, rate=None):
    """Whether this connection already had as many submissions of this form accepted as the rate allows.

    With the cache (Redis) unreachable the limit fails open, and says so in the log: a citizen's request
    matters more than a flood's cost.
    """
    key, limit, _period = _counter(request, group, rate)
    try:
        return int(caches["default"].get(key, 0)) >= limit
    except Exception:  # redis-py's ConnectionError and TimeoutError, whichever client
        logger.warning("The rate-limit counter is unreachable: %s is not limited", group, exc_info=True)
        return False


def count_accepted(request, group, rate=None):
    try:
        _count(request, group, rate)
    except Exception:
        logger.warning("The rate-limit counter is unreachable: %s was not counted", group, exc_info=True)


def _count(request, group, rate):
    key, _limit, period = _counter(request, group, rate)
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        redis_key = cache.make_and_validate_key(key)
        pipeline = cache._cache.get_client(redis_key, write=True).pipeline()
        pipeline.incr(redis_key)
        pipeline.expire(redis_key, period + 60)
        pipeline.execute()
    elif not cache.add(key, 1, period + 60):
        cache.incr(key)


def rate_limit_message(request):
    department = getattr(request, "department", None)
    if department is not None and department.phone:
        return _(
            "This connection has sent as many requests as we accept in an hour. What you typed is kept below: "
            "send it again later, or call us at %(phone)s."
        ) % {"phone": department.phone}
    return _(
        "This connection has sent as many requests as we accept in an hour. What you typed is kept below: "
        "send it again later."
    )


def handle_public_form(request, form, *, template, save, rate_group, context=None):
    """The flow every public form shares: rate limit, honeypot, save, then the confirmation page.

    ``save(form)`` stores what was sent and returns the redirect to its confirmation; on GET, on
    invalid input (every typed value kept, each error at its field) or over the limit, the form is
    rendered again (with ``context``). Only an accepted submission counts against the limit of
    ``rate_group``.
    """
    context = {**(context or {}), "form": form}
    if request.method == "POST":
        if over_rate_limit(request, rate_group):
            form.is_valid()
            form.add_error(None, rate_limit_message(request))
            return render(request, template, context, status=429)
        if form.is_valid():
            count_accepted(request, rate_group)
            if form.is_bot():
                return redirect("outreach:request_thanks")
            return save(form)
    return render(request, template, context)
