"""The area-command scope rule, in one place.

Officers, sergeants, lieutenants and commanders see the records of their own
area command; whoever holds ``outreach.view_all_areas`` (by default the chief,
the chief's designee, records staff and the system administrator) sees all.
Every read of a scoped model — list, count, export, feed, report — goes through
``for_user``; every page about one record goes through ``get_object_for_user``.
See docs/architecture.md for why this is a QuerySet method and not a global guard.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404

VIEW_ALL_AREAS = "outreach.view_all_areas"


def sees_all_areas(user):
    return user.is_active and user.has_perm(VIEW_ALL_AREAS)


class AreaScopedQuerySet(models.QuerySet):
    """A QuerySet for models that belong to one area command.

    ``area_lookup`` names the path from the model to its AreaCommand's id.
    """

    area_lookup = "area_command"

    def for_area(self, area):
        return self.filter(**{self.area_lookup: area})

    def for_user(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if sees_all_areas(user):
            return self
        if user.area_command_id is None:
            return self.none()
        return self.filter(**{self.area_lookup: user.area_command_id})


class IntakeQueueQuerySet(AreaScopedQuerySet):
    """Scoped records plus an intake queue: what citizens sent before it is placed in an area command.

    The one rule for every intake queue: an unplaced record, with the citizen's contact details, is
    seen only by staff who may pick it up (``pickup_perm``) — in any area command, since nobody has
    placed it yet. Once placed it is an ordinary record of its area command.
    """

    pickup_perm = None

    def intake(self):
        """The records waiting to be placed: no area command yet, in the model's ``INTAKE_STATUS``."""
        return self.filter(area_command__isnull=True, status=self.model.INTAKE_STATUS)

    def for_user(self, user):
        scoped = super().for_user(user)
        if not may_pick_up(user, self.pickup_perm) or sees_all_areas(user):
            return scoped
        return scoped | self.intake()


def may_pick_up(user, pickup_perm):
    return user.is_authenticated and user.is_active and user.has_perm(pickup_perm)


def get_object_for_user(user, queryset, *, perm=None, **lookup):
    """Fetch one scoped record for ``user``.

    404 when the record is outside the user's area command (its existence is
    not revealed); 403 when it is visible but the user's role lacks ``perm``.
    """
    obj = get_object_or_404(queryset.for_user(user), **lookup)
    if perm is not None and not user.has_perm(perm):
        raise PermissionDenied
    return obj
