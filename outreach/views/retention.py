"""Legal holds (policy 003 §C.4): the chief and the system administrator keep records past their period."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms.retention import LegalHoldForm
from ..lib.lists import paginate
from ..models import LegalHold, PurgeLog
from ..services import retention as services


@login_required
@permission_required("outreach.view_legalhold", raise_exception=True)
def hold_list(request):
    holds = LegalHold.objects.select_related("content_type", "area_command", "placed_by", "released_by")
    context = {
        "page": paginate(request, holds),
        "purges": PurgeLog.objects.all()[:20] if request.user.has_perm("outreach.view_purgelog") else None,
    }
    return render(request, "outreach/retention/hold_list.html", context)


@login_required
@permission_required("outreach.add_legalhold", raise_exception=True)
@require_http_methods(["GET", "POST"])
def hold_create(request):
    form = LegalHoldForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            if data["scope"] == LegalHoldForm.RECORD:
                hold = services.hold_place(by=request.user, reason=data["reason"], obj=data["record"])
            else:
                hold = services.hold_place(
                    by=request.user,
                    reason=data["reason"],
                    area_command=data["area_command"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                )
            messages.success(
                request, _("The hold was placed: %(what)s is kept until it is released.") % {"what": hold.describe()}
            )
            return redirect("outreach:hold_list")
        messages.error(request, _("The hold was not placed: see below."))
    return render(request, "outreach/retention/hold_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@permission_required("outreach.release_legalhold", raise_exception=True)
@require_http_methods(["GET", "POST"])
def hold_release(request, pk):
    hold = get_object_or_404(LegalHold.objects.select_related("content_type", "area_command"), pk=pk)
    if request.method == "POST":
        try:
            services.hold_release(hold=hold, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The hold on %(what)s was released: the purge may now dispose of what it kept once expired.")
                % {"what": hold.describe()},
            )
        return redirect("outreach:hold_list")
    if not hold.is_active():
        messages.error(request, _("This hold was already released."))
        return redirect("outreach:hold_list")
    return render(
        request,
        "confirm_delete.html",
        {
            "question": _("Release the hold on %(what)s?") % {"what": hold.describe()},
            "explanation": _(
                "Records it kept are disposed of by the next purge once their retention period has ended. "
                "The hold stays in the list as released."
            ),
            "confirm_label": _("Release the hold"),
            "back_url": hold.get_absolute_url(),
        },
    )
