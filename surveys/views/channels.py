"""The channels of policy 001 §III.C.2: a forum's short link and QR code with its handout, a post's
tagged link, and the printable paper form (with one-time codes for a water-bill insert)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from outreach.lib.history import bulk_create_with_history
from outreach.lib.notifications import absolute_url
from outreach.lib.pdf import pdf_response, render_pdf
from outreach.lib.qr import qr_data_uri
from outreach.models import WatchGroup, WatchMeeting
from outreach.scope import get_object_for_user
from programs.models import Presentation

from ..forms.channels import CampaignForm, PaperForm
from ..models import OneTimeCode, Survey, SurveyLink
from ..models.responses import Channel
from ..selectors.questions import answer_choices, version_questions
from .surveys import get_survey_for_user


def _live_survey_for_user(user, pk):
    survey = get_survey_for_user(user, pk, perm="surveys.add_surveylink")
    if survey.status != Survey.Status.APPROVED:
        return None
    return survey


def _make_link(request, survey, **fields):
    try:
        with transaction.atomic():
            link = SurveyLink.objects.create(survey=survey, created_by=request.user, **fields)
    except IntegrityError:
        link = SurveyLink.objects.get(survey=survey, **fields)
    return link


@login_required
@require_POST
def link_for_presentation(request, pk, presentation_pk):
    survey = _live_survey_for_user(request.user, pk)
    presentation = get_object_for_user(request.user, Presentation.objects.all(), pk=presentation_pk)
    if survey is None:
        messages.error(request, _("Only an approved survey has links."))
        return redirect(presentation)
    _make_link(request, survey, channel=Channel.FORUM, presentation=presentation)
    messages.success(request, _("The survey link for this event is ready: print its handout or show its QR code."))
    return redirect(presentation.get_absolute_url() + "#survey-links")


@login_required
@require_POST
def link_for_meeting(request, pk, meeting_pk):
    survey = _live_survey_for_user(request.user, pk)
    meeting = get_object_or_404(WatchMeeting.objects.select_related("group"), pk=meeting_pk)
    get_object_for_user(request.user, WatchGroup.objects.all(), pk=meeting.group_id)
    if survey is None:
        messages.error(request, _("Only an approved survey has links."))
        return redirect(meeting.group)
    _make_link(request, survey, channel=Channel.FORUM, watch_meeting=meeting)
    messages.success(request, _("The survey link for this meeting is ready: print its handout or show its QR code."))
    return redirect(meeting.group.get_absolute_url() + "#survey-links")


@login_required
@require_POST
def link_for_campaign(request, pk):
    survey = _live_survey_for_user(request.user, pk)
    if survey is None:
        messages.error(request, _("Only an approved survey has links."))
        return redirect("surveys:survey_detail", pk)
    form = CampaignForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["campaign"][0])
        return redirect(survey.get_absolute_url() + "#channels")
    _make_link(request, survey, channel=Channel.SOCIAL, campaign=form.cleaned_data["campaign"])
    messages.success(request, _("The tagged link is ready: paste it in the post."))
    return redirect(survey.get_absolute_url() + "#channels")


@login_required
@require_GET
def link_handout(request, code):
    """One printable page: the survey's title in both languages, the event, the QR code and the short address."""
    link = get_object_or_404(
        SurveyLink.objects.select_related("survey__live_version", "presentation__program", "watch_meeting__group"),
        code=code,
    )
    survey = get_survey_for_user(request.user, link.survey_id)
    url = absolute_url(link.get_short_url())
    context = {
        "link": link,
        "survey": survey,
        "version": survey.live_version,
        "url": url,
        "qr": qr_data_uri(url, scale=8),
    }
    return pdf_response(
        render_pdf("surveys/pdf/handout.html", context, request=request), f"survey-handout-{link.code}.pdf"
    )


@login_required
@permission_required("surveys.view_survey", raise_exception=True)
@require_GET
def paper_form(request, pk):
    """The printable questionnaire; with ``copies``, that many pages each carrying a new one-time code."""
    survey = get_survey_for_user(request.user, pk)
    if survey.live_version is None:
        messages.error(request, _("Only an approved survey can be printed."))
        return redirect(survey)
    form = PaperForm(request.GET)
    if not form.is_valid():
        messages.error(
            request, _("Choose the language and how many coded copies (up to %(max)s).") % {"max": PaperForm.MAX_COPIES}
        )
        return redirect(survey.get_absolute_url() + "#channels")
    copies = form.cleaned_data["copies"] or 0
    if copies and not request.user.has_perm("surveys.add_paperbatch"):
        messages.error(request, _("Printing coded copies is for the staff who key paper batches."))
        return redirect(survey.get_absolute_url() + "#channels")
    codes = [None]
    if copies:
        label = form.cleaned_data["printed_for"] or _("Printed copies")
        codes = bulk_create_with_history(
            (OneTimeCode(survey=survey, printed_for=label) for _copy in range(copies)), OneTimeCode
        )
    questions = version_questions(survey.live_version)
    sectors, categories = answer_choices(questions)
    languages = ["en", "es"] if form.cleaned_data["language"] == "both" else [form.cleaned_data["language"]]
    context = {
        "survey": survey,
        "version": survey.live_version,
        "questions": questions,
        "sectors": sectors,
        "categories": categories,
        "languages": languages,
        "codes": codes,
        "url": absolute_url(survey.get_public_url()),
        "qr": qr_data_uri(absolute_url(survey.get_public_url()), scale=3),
    }
    filename = f"survey-{survey.slug}-paper.pdf"
    return pdf_response(render_pdf("surveys/pdf/paper.html", context, request=request), filename, inline=not copies)
