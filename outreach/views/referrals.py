"""Outside referrals and the confirmation that each was followed up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..exports import ReferralExport
from ..filters import ReferralFilter
from ..forms.referrals import ReferralConfirmForm, ReferralForm
from ..lib.lists import paginate, wants_csv
from ..models import Referral
from ..scope import get_object_for_user
from ..services.referrals import referral_confirm_follow_up


def _referrals():
    return Referral.objects.select_related("area_command", "officer", "confirmed_by")


def get_referral_for_user(user, pk, perm="outreach.view_referral"):
    return get_object_for_user(user, _referrals(), perm=perm, pk=pk)


@login_required
@permission_required("outreach.view_referral", raise_exception=True)
def referral_list(request):
    filterset = ReferralFilter(request.GET, queryset=_referrals().for_user(request.user), request=request)
    referrals = filterset.qs
    if wants_csv(request):
        return ReferralExport(referrals).response()
    return render(
        request,
        "outreach/referrals/list.html",
        {"filter": filterset, "page": paginate(request, referrals)},
    )


@login_required
def referral_detail(request, pk, confirm_form=None, status=200):
    referral = get_referral_for_user(request.user, pk)
    context = {
        "referral": referral,
        "confirm_form": confirm_form or ReferralConfirmForm(referral=referral),
    }
    return render(request, "outreach/referrals/detail.html", context, status=status)


@login_required
@permission_required("outreach.add_referral", raise_exception=True)
@require_http_methods(["GET", "POST"])
def referral_create(request):
    form = ReferralForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            referral = form.save(commit=False)
            referral.officer = request.user
            referral.save()
            messages.success(
                request,
                _("The referral was recorded. Confirm its follow-up by %(date)s.")
                % {"date": referral.follow_up_due.strftime("%Y-%m-%d")},
            )
            return redirect(referral)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/referrals/form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def referral_edit(request, pk):
    referral = get_referral_for_user(request.user, pk, perm="outreach.change_referral")
    if referral.is_confirmed:
        messages.error(request, _("A referral whose follow-up is confirmed is kept as it was."))
        return redirect(referral)
    form = ReferralForm(request.POST or None, instance=referral, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The referral was saved."))
            return redirect(referral)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/referrals/form.html", {"form": form, "referral": referral})


@login_required
@require_POST
def referral_confirm(request, pk):
    referral = get_referral_for_user(request.user, pk, perm="outreach.change_referral")
    form = ReferralConfirmForm(request.POST, referral=referral)
    if not form.is_valid():
        messages.error(request, _("The follow-up was not confirmed: see below."))
        return referral_detail(request, pk, confirm_form=form, status=400)
    try:
        referral_confirm_follow_up(referral=referral, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(referral)
    messages.success(request, _("The follow-up was confirmed."))
    return redirect(referral)
