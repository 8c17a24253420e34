"""Outside referrals: the confirmation that the agency received one and acted."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Referral


@transaction.atomic
def referral_confirm_follow_up(*, referral, by, confirmed_on, outcome):
    """The officer confirms the agency received the referral and acted (PACT SOP 4-7-6.B.2)."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.is_confirmed:
        raise ValidationError(_("The follow-up of this referral was already confirmed."))
    referral.follow_up_confirmed_on = confirmed_on
    referral.confirmed_by = by
    referral.outcome = outcome
    referral.full_clean()
    referral.save(update_fields=["follow_up_confirmed_on", "confirmed_by", "outcome"])
    return referral
