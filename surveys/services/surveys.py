"""Building a survey and the chief's approval: each step locks the version and checks its state."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from outreach.lib.history import bulk_create_with_history, bulk_update_with_history
from outreach.lib.notifications import absolute_url, notify
from outreach.models import User

from ..models import Option, Question, Survey, SurveyVersion

APPROVE_PERMISSION = "surveys.approve_survey"


def _locked(version):
    return SurveyVersion.objects.select_for_update().select_related("survey").get(pk=version.pk)


def _approvers():
    return User.objects.with_perm(APPROVE_PERMISSION, backend="django.contrib.auth.backends.ModelBackend").filter(
        is_active=True
    )


@transaction.atomic
def survey_create(*, survey, version, by):
    """A new survey and its first draft version."""
    survey.created_by = by
    survey.full_clean()
    survey.save()
    version.survey, version.number, version.created_by = survey, 1, by
    version.full_clean()
    version.save()
    return survey


@transaction.atomic
def survey_version_for_edit(*, survey, by):
    """The draft to change: the open one, or a copy of the approved version made now (which keeps collecting)."""
    Survey.objects.select_for_update().get(pk=survey.pk)
    draft = survey.draft_version()
    if draft is not None:
        if draft.status != SurveyVersion.Status.DRAFT:
            raise ValidationError(_("This version is waiting for approval: withdraw it to change it."))
        return draft
    if survey.status == Survey.Status.CLOSED:
        raise ValidationError(_("A closed survey cannot be changed."))
    source = survey.live_version
    number = survey.versions.aggregate(last=Max("number"))["last"] + 1
    draft = SurveyVersion.objects.create(
        survey=survey,
        number=number,
        created_by=by,
        title_en=source.title_en,
        title_es=source.title_es,
        intro_en=source.intro_en,
        intro_es=source.intro_es,
    )
    for question in source.questions.prefetch_related("options"):
        options = list(question.options.all())
        question.pk, question.version = None, draft
        question.save()
        bulk_create_with_history(
            (
                Option(
                    question=question,
                    key=option.key,
                    position=option.position,
                    text_en=option.text_en,
                    text_es=option.text_es,
                )
                for option in options
            ),
            Option,
        )
    return draft


def _check_editable(version):
    if not version.is_editable():
        raise ValidationError(_("Only a draft version can be changed; an approved one is frozen."))


@transaction.atomic
def question_save(*, question, options=()):
    """Add or change a question of a draft, with its options (each ``(text_en, text_es)``) in order."""
    version = _locked(question.version)
    _check_editable(version)
    if question.pk is None:
        last = version.questions.aggregate(last=Max("position"))["last"]
        question.position = (last or 0) + 1
    if question.kind not in Question.CONCERN_KINDS:
        question.makes_concern = False
    question.full_clean()
    question.save()
    # An option keeps its key (what results across versions join on) by its place in the list.
    keys = list(question.options.values_list("key", flat=True))
    question.options.all().delete()
    if question.has_options():
        bulk_create_with_history(
            (
                Option(question=question, position=index + 1, text_en=text_en, text_es=text_es, **_key(keys, index))
                for index, (text_en, text_es) in enumerate(options)
            ),
            Option,
        )
    return question


def _key(keys, index):
    return {"key": keys[index]} if index < len(keys) else {}


@transaction.atomic
def question_delete(*, question):
    version = _locked(question.version)
    _check_editable(version)
    position = question.position
    question.delete()
    below = list(version.questions.filter(position__gt=position))
    for each in below:
        each.position -= 1
    bulk_update_with_history(below, Question, ["position"])


@transaction.atomic
def question_move(*, question, step):
    """Swap a question with the one above (``step=-1``) or below (``step=1``); nothing at an end."""
    version = _locked(question.version)
    _check_editable(version)
    neighbour = version.questions.filter(position=question.position + step).first()
    if neighbour is None:
        return False
    neighbour.position, question.position = question.position, neighbour.position
    bulk_update_with_history([neighbour, question], Question, ["position"])
    return True


@transaction.atomic
def version_submit(*, version, by):
    version = _locked(version)
    if not version.can_become(SurveyVersion.Status.AWAITING_APPROVAL):
        raise ValidationError(_("This version is not a draft."))
    missing = version.missing_for_approval()
    if missing:
        raise ValidationError(missing)
    version.status = SurveyVersion.Status.AWAITING_APPROVAL
    version.submitted_by, version.submitted_at = by, timezone.now()
    version.save(update_fields=["status", "submitted_by", "submitted_at"])
    notify(
        template="surveys/email/submitted",
        recipients=[user.email for user in _approvers()],
        context={"version": version, "by": by, "url": absolute_url(version.survey.get_absolute_url())},
    )
    return version


@transaction.atomic
def version_withdraw(*, version, by):
    version = _locked(version)
    if version.status != SurveyVersion.Status.AWAITING_APPROVAL:
        raise ValidationError(_("This version is not waiting for approval."))
    version.status = SurveyVersion.Status.DRAFT
    version.save(update_fields=["status"])
    return version


@transaction.atomic
def version_approve(*, version, by):
    """The chief (or designee) approves the questions; the version goes live and the one before stops."""
    if not by.has_perm(APPROVE_PERMISSION):
        raise PermissionDenied
    version = _locked(version)
    if not version.can_become(SurveyVersion.Status.APPROVED):
        raise ValidationError(_("This version is not waiting for approval."))
    missing = version.missing_for_approval()
    if missing:
        raise ValidationError(missing)
    survey = Survey.objects.select_for_update().get(pk=version.survey_id)
    for before in survey.versions.filter(status=SurveyVersion.Status.APPROVED):
        before.status = SurveyVersion.Status.SUPERSEDED
        before.save(update_fields=["status"])
    version.status = SurveyVersion.Status.APPROVED
    version.decided_by, version.decided_at, version.return_comment = by, timezone.now(), ""
    version.save(update_fields=["status", "decided_by", "decided_at", "return_comment"])
    survey.live_version = version
    if survey.status == Survey.Status.NEW:
        survey.status = Survey.Status.APPROVED
    survey.save(update_fields=["live_version", "status"])
    notify(
        template="surveys/email/approved",
        recipients=[version.submitted_by.email if version.submitted_by else "", survey.created_by.email],
        context={"version": version, "by": by, "url": absolute_url(survey.get_absolute_url())},
    )
    return version


@transaction.atomic
def version_return(*, version, by, comment):
    if not by.has_perm(APPROVE_PERMISSION):
        raise PermissionDenied
    if not comment.strip():
        raise ValidationError({"comment": _("Say what needs to change.")})
    version = _locked(version)
    if not version.can_become(SurveyVersion.Status.DRAFT):
        raise ValidationError(_("This version is not waiting for approval."))
    version.status = SurveyVersion.Status.DRAFT
    version.decided_by, version.decided_at, version.return_comment = by, timezone.now(), comment.strip()
    version.save(update_fields=["status", "decided_by", "decided_at", "return_comment"])
    notify(
        template="surveys/email/returned",
        recipients=[version.submitted_by.email if version.submitted_by else "", version.survey.created_by.email],
        context={"version": version, "by": by, "url": absolute_url(version.survey.get_absolute_url())},
    )
    return version


@transaction.atomic
def survey_close(*, survey, by):
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if not survey.can_become(Survey.Status.CLOSED):
        raise ValidationError(_("Only an approved survey can be closed."))
    survey.status, survey.closed_at, survey.closed_by = Survey.Status.CLOSED, timezone.now(), by
    survey.save(update_fields=["status", "closed_at", "closed_by"])
    return survey
