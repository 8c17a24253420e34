"""Storing a citizen's answers, whatever the channel, in one transaction."""

from contextlib import nullcontext

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from outreach import clock
from outreach.lib.history import address_withheld
from outreach.models import Concern, CrimeType
from outreach.services.concerns import concern_receive

from ..models import Answer, ContactRequest, Question, Response

# The category a free-text concern is filed under until staff say better.
DEFAULT_CONCERN_CATEGORY = "quality_of_life"


def _answer_rows(question, value):
    kind = question.kind
    if kind in Question.TEXT_KINDS:
        return [Answer(question=question, text=value)]
    if kind in (Question.Kind.RATING, Question.Kind.YES_NO):
        return [Answer(question=question, number=value)]
    if kind == Question.Kind.SINGLE:
        return [Answer(question=question, option_id=value)]
    if kind == Question.Kind.MULTIPLE:
        return [Answer(question=question, option_id=option_id) for option_id in value]
    if kind == Question.Kind.CATEGORY:
        return [Answer(question=question, category_id=category_id) for category_id in value]
    return [Answer(question=question, sector_id=value)]


def area_command_of(*, survey, answers, sector_areas, link=None):
    """Whose area the answers speak for: the neighborhood given, else the event's, else the survey's."""
    for question, value in answers:
        if question.kind == Question.Kind.AREA:
            return sector_areas.get(value)
    if link is not None and link.event_area_command_id() is not None:
        return link.event_area_command_id()
    return survey.area_command_id


def response_submit(
    *,
    survey,
    version,
    answers,
    channel,
    language,
    sector_areas=None,
    link=None,
    submission_key=None,
    one_time_code=None,
    contact=None,
    submitted_at=None,
    **paper,
):
    """Store one response with its answers; None when this page (``submission_key``) was stored before.

    ``answers`` is ``[(question, value)]`` as the form cleaned it. ``paper`` carries a keyed paper's
    ``batch``, ``sheet``, ``keying`` and ``keyed_by`` (it counts once its batch is settled). A
    contact request is stored apart, naming no response.
    """
    answers = list(answers)
    area_command_id = area_command_of(survey=survey, answers=answers, sector_areas=sector_areas or {}, link=link)
    response = Response(
        survey=survey,
        version=version,
        language=language,
        channel=channel,
        link=link,
        presentation_id=link.presentation_id if link else None,
        watch_meeting_id=link.watch_meeting_id if link else None,
        area_command_id=area_command_id,
        submission_key=submission_key,
        one_time_code=one_time_code,
        submitted_at=submitted_at or timezone.now(),
        counted=paper.get("batch") is None,
        **paper,
    )
    # A citizen's answers are anonymous: no historical row of the response, and no address on the rows of what it
    # makes (a concern, a contact request). A keyed paper's response is staff's work and is in the history.
    keyed = paper.get("batch") is not None
    if not keyed:
        response.skip_history_when_saving = True
    addresses = nullcontext() if keyed else address_withheld()
    try:
        with transaction.atomic(), addresses:
            response.save()
            rows = []
            for question, value in answers:
                for row in _answer_rows(question, value):
                    row.response = response
                    rows.append(row)
            Answer.objects.bulk_create(rows)
            if one_time_code is not None and response.counted:
                one_time_code.used_at = response.submitted_at
                one_time_code.save(update_fields=["used_at"])
            if contact:
                ContactRequest.objects.create(
                    survey=survey,
                    area_command_id=area_command_id,
                    concern_text=_concern_text(answers),
                    language=language,
                    **contact,
                )
            if response.counted:
                answers_make_concerns(survey=survey, response=response, rows=rows)
    except IntegrityError:
        # The same page posted twice (its one-time key), or a printed code used a moment before: stored once.
        if submission_key is not None and Response.objects.filter(submission_key=submission_key).exists():
            return None
        if one_time_code is not None and Response.objects.filter(one_time_code=one_time_code).exists():
            return None
        raise
    return response


def _concern_text(answers):
    return "\n\n".join(value for question, value in answers if question.kind in Question.TEXT_KINDS)[:4000]


def answers_make_concerns(*, survey, response, rows):
    """The answers to questions staff marked become concerns with source "survey" (where the area is known)."""
    marked = [row for row in rows if row.question.makes_concern]
    if not marked or response.area_command_id is None:
        return []
    texts = [row.text for row in rows if row.text]
    category_ids = [row.category_id for row in rows if row.category_id]
    sector_id = next((row.sector_id for row in rows if row.sector_id), None)
    made = []
    for row in marked:
        if row.category_id:
            category_id, description = row.category_id, "\n\n".join(texts) or concern_intro(response)
        else:
            category_id = category_ids[0] if category_ids else default_category_id()
            description = row.text
        made.append(
            answer_concern(
                answer=row,
                category_id=category_id,
                description=description,
                area_command_id=response.area_command_id,
                sector_id=sector_id,
                by=survey.created_by,
            )
        )
    return made


def default_category_id():
    return CrimeType.objects.get(code=DEFAULT_CONCERN_CATEGORY).pk


def concern_intro(response):
    with override(settings.LANGUAGE_CODE):
        return _("Raised in the survey “%(title)s”.") % {"title": response.version.title_en}


def answer_concern(*, answer, category_id, description, area_command_id, by, sector_id=None):
    """Record one answer as a PACT concern (source "survey") and link the two."""
    concern = concern_receive(
        concern=Concern(
            received_on=clock.today(),
            source=Concern.Source.SURVEY,
            category_id=category_id,
            description=description[: Question.LONG_TEXT_MAX_LENGTH],
            area_command_id=area_command_id,
            sector_id=sector_id,
        ),
        by=by,
    )
    Answer.objects.filter(pk=answer.pk).update(concern=concern)
    answer.concern = concern
    return concern
