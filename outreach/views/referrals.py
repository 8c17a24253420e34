"""Outside referrals and the confirmation that each was followed up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import services
from ..filters import ReferralFilter
from ..forms import ReferralConfirmForm, ReferralForm
from ..lists import csv_response, paginate, wants_csv
from ..models import Referral
from ..scope import get_object_for_user


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
        return csv_response(
            "referrals",
            [
                _("Kind"),
                _("Agency"),
                _("Area command"),
                _("Officer"),
                _("Referred on"),
                _("Follow-up due"),
                _("Follow-up confirmed on"),
                _("Outcome"),
            ],
            (
                [
                    r.get_kind_display(),
                    r.agency,
                    r.area_command.name,
                    r.officer,
                    r.referred_on,
                    r.follow_up_due,
                    r.follow_up_confirmed_on or "",
                    r.outcome,
                ]
                for r in referrals
            ),
        )
    return render(
        request,
        "outreach/referral_list.html",
        {"filter": filterset, "page": paginate(request, referrals), "today": timezone.localdate()},
    )


@login_required
def referral_detail(request, pk, confirm_form=None, status=200):
    referral = get_referral_for_user(request.user, pk)
    context = {
        "referral": referral,
        "today": timezone.localdate(),
        "confirm_form": confirm_form or ReferralConfirmForm(referral=referral),
    }
    return render(request, "outreach/referral_detail.html", context, status=status)


@login_required
@permission_required("outreach.add_referral", raise_exception=True)
@require_http_methods(["GET", "POST"])
def referral_create(request):
    form = ReferralForm(request.POST or None, request=request)
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
    return render(request, "outreach/referral_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def referral_edit(request, pk):
    referral = get_referral_for_user(request.user, pk, perm="outreach.change_referral")
    if referral.follow_up_confirmed_on:
        messages.error(request, _("A referral whose follow-up is confirmed is kept as it was."))
        return redirect(referral)
    form = ReferralForm(request.POST or None, instance=referral, request=request)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The referral was saved."))
            return redirect(referral)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "outreach/referral_form.html", {"form": form, "referral": referral})


@login_required
@require_POST
def referral_confirm(request, pk):
    referral = get_referral_for_user(request.user, pk, perm="outreach.change_referral")
    form = ReferralConfirmForm(request.POST, referral=referral)
    if not form.is_valid():
        messages.error(request, _("The follow-up was not confirmed: see below."))
        return referral_detail(request, pk, confirm_form=form, status=400)
    try:
        services.referral_confirm_follow_up(referral=referral, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(referral)
    messages.success(request, _("The follow-up was confirmed."))
    return redirect(referral)
