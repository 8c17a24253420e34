"""The weekly audit review (CJIS AU-6): a week of the audit log signed off, and the sign-off logged too."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils.translation import gettext as _

from ..lib import audit
from ..models import AuditEvent, AuditReview
from ..selectors.audit import events_in_week


def audit_review_record(*, week, note, by, request=None):
    """``by`` marks the week starting on Monday ``week`` reviewed, with a note; refused for a week not over.

    The review keeps how many events the week held as it was read, and is itself an audit event.
    """
    if not by.has_perm(AuditReview.REVIEW_PERMISSION):
        raise PermissionDenied
    review = AuditReview(
        week=week,
        note=note,
        reviewed_by=by,
        reviewer_name=(by.get_full_name() or by.get_username())[:150],
        events_seen=events_in_week(week).count(),
    )
    review.full_clean()
    try:
        with transaction.atomic():
            review.save()
            logged = audit.record(
                AuditEvent.Action.REVIEWED,
                request=request,
                user=by,
                obj=review,
                week=week.isoformat(),
                events=review.events_seen,
            )
            if logged.pk is None:
                # ``record`` never fails a page, but a review that the log does not hold is not kept.
                raise DatabaseError("The audit event of a weekly review could not be written.")
    except IntegrityError:
        # Two reviewers at once: the first one's review stands.
        raise ValidationError({"week": _("This week was reviewed already.")}) from None
    return review
