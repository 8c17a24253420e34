"""Change history (CJIS 5.4): every create, change and delete of a domain record, with who, when and from where.

django-simple-history writes a historical row on every ``save()`` and ``delete()``. This module is
the one place its house defaults are set:

- ``history(**options)`` builds the ``HistoricalRecords`` of every tracked model, whose rows carry
  the client's address (``HistoryAddress``) besides the user and the time;
- ``record_address``, a ``pre_create_historical_record`` receiver, fills that address from the
  request the history middleware keeps, read through ``addresses.client_address`` (so behind
  ``PROXY_COUNT`` trusted proxies, the client's, not the proxy's);
- ``address_withheld()`` leaves it empty where a citizen was promised anonymity (the survey);
- ``bulk_create_with_history`` / ``bulk_update_with_history`` / ``record_change`` for the writes
  that do not go through ``save()`` (a bulk insert or update, a conditional update): simple_history's
  own bulk functions send no signal, so the address is passed to them here.

A ``QuerySet.delete()`` of a tracked model does not escape: Django deletes object by object, with
``post_delete``, whenever a receiver listens, and simple_history does.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history import utils
from simple_history.models import HistoricalRecords

from .addresses import client_address

_withheld = ContextVar("history_address_withheld", default=False)


class HistoryAddress(models.Model):
    """What every historical row adds to simple_history's: the address the change came from."""

    history_ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True


def history(**options):
    """The ``HistoricalRecords`` of a tracked model, with the house defaults (``excluded_fields`` etc. pass through)."""
    options.setdefault("bases", [HistoryAddress])
    return HistoricalRecords(**options)


def current_address():
    """The client's address of the request being served, or None (a task, a command, an anonymous survey)."""
    if _withheld.get():
        return None
    request = getattr(HistoricalRecords.context, "request", None)
    if request is None:
        return None
    return client_address(request) or None


@contextmanager
def address_withheld():
    """History written inside records no address: a citizen's anonymous survey answers stay anonymous."""
    token = _withheld.set(True)
    try:
        yield
    finally:
        _withheld.reset(token)


def record_address(sender, history_instance, **kwargs):
    """``pre_create_historical_record``: the row gets the client's address."""
    if hasattr(history_instance, "history_ip_address") and history_instance.history_ip_address is None:
        history_instance.history_ip_address = current_address()


def _attrs():
    return {"history_ip_address": current_address()}


def bulk_create_with_history(objs, model, **options):
    """``Model.objects.bulk_create`` with a historical row per object, its user and address."""
    return utils.bulk_create_with_history(list(objs), model, custom_historical_attrs=_attrs(), **options)


def bulk_update_with_history(objs, model, fields, **options):
    """``Model.objects.bulk_update`` with a historical row per object, its user and address."""
    return utils.bulk_update_with_history(list(objs), model, fields, custom_historical_attrs=_attrs(), **options)


def record_change(*objs):
    """A "changed" row for records a conditional ``update()`` wrote (reload them first): as they are now."""
    if objs:
        manager = utils.get_history_manager_for_model(type(objs[0]))
        manager.bulk_history_create(objs, update=True, custom_historical_attrs=_attrs())
