"""Paper forms and water-bill inserts keyed by staff, once or twice, and counted once settled."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from outreach.lib.history import bulk_update_with_history

from ..models import Answer, OneTimeCode, PaperBatch, Response
from .responses import answers_make_concerns, response_submit
from .tally import tally_responses


def next_sheet(batch, keying):
    last = batch.responses.filter(keying=keying).aggregate(last=Max("sheet"))["last"]
    return (last or 0) + 1


def keyers(batch, keying):
    return set(batch.responses.filter(keying=keying).values_list("keyed_by", flat=True))


def may_key(batch, keying, user):
    """Whether ``user`` may key this pass: a batch keyed twice is keyed by two different people."""
    if batch.status != PaperBatch.Status.KEYING or keying not in (1, 2) or (keying == 2 and not batch.double_keyed):
        return False
    other = 2 if keying == 1 else 1
    return not (batch.double_keyed and user.pk in keyers(batch, other))


@transaction.atomic
def batch_key_sheet(*, batch, keying, form, sector_areas, by):
    """Store the next paper of this keying (not counted until the batch is)."""
    batch = PaperBatch.objects.select_for_update().get(pk=batch.pk)
    if not may_key(batch, keying, by):
        raise ValidationError(_("This keying is not open to you: a batch keyed twice is keyed by two people."))
    sheet = next_sheet(batch, keying)
    if sheet > batch.sheets:
        raise ValidationError(_("Every paper of this batch is keyed."))
    return response_submit(
        survey=batch.survey,
        version=batch.version,
        answers=form.answers(),
        channel=batch.channel,
        language=form.cleaned_data.get("paper_language") or "en",
        sector_areas=sector_areas,
        contact=form.contact() if keying == 1 else None,
        batch=batch,
        sheet=sheet,
        keying=keying,
        keyed_by=by,
        one_time_code=form.cleaned_data.get("one_time_code") if keying == 1 else None,
    )


def _answer_sets(batch):
    """{sheet: {keying: {question id: sorted values}}} from one query."""
    sheets = {}
    rows = Answer.objects.filter(response__batch=batch).values_list(
        "response__sheet", "response__keying", "question", "option", "number", "text", "category", "sector"
    )
    for sheet, keying, question, *values in rows:
        value = next((str(v) for v in values if v not in (None, "")), "")
        sheets.setdefault(sheet, {}).setdefault(keying, {}).setdefault(question, []).append(value)
    for response in batch.responses.values("sheet", "keying", "one_time_code__code"):
        entry = sheets.setdefault(response["sheet"], {}).setdefault(response["keying"], {})
        entry["code"] = [response["one_time_code__code"] or ""]
    for keyings in sheets.values():
        for answers in keyings.values():
            for question in answers:
                answers[question].sort()
    return sheets


def batch_differences(batch):
    """[(sheet, [(question id or "code", first keying's values, second's)])] for papers keyed differently."""
    differences = []
    for sheet, keyings in sorted(_answer_sets(batch).items()):
        if 1 not in keyings or 2 not in keyings:
            continue
        first, second = keyings[1], keyings[2]
        differing = [
            (question, first.get(question, []), second.get(question, []))
            for question in sorted(set(first) | set(second), key=str)
            if first.get(question, []) != second.get(question, [])
        ]
        if differing:
            differences.append((sheet, differing))
    return differences


def batch_progress(batch):
    """How many papers each keying has stored: {1: n, 2: n}."""
    counts = dict(batch.responses.order_by().values_list("keying").annotate(n=Count("pk")))
    return {1: counts.get(1, 0), 2: counts.get(2, 0)}


@transaction.atomic
def batch_count(*, batch, keep, by):
    """Count the batch: one response per paper (the keying chosen where the two differ), then it is final."""
    batch = PaperBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != PaperBatch.Status.KEYING:
        raise ValidationError(_("This batch is already counted."))
    responses = list(batch.responses.select_related("one_time_code"))
    if not responses:
        raise ValidationError(_("No paper of this batch is keyed yet."))
    by_sheet = {}
    for response in responses:
        by_sheet.setdefault(response.sheet, {})[response.keying] = response
    if batch.double_keyed:
        once = sorted(sheet for sheet, keyings in by_sheet.items() if len(keyings) < 2)
        if once:
            raise ValidationError(
                _("Papers %(sheets)s are keyed once only: key them again first.")
                % {"sheets": ", ".join(map(str, once))}
            )
        unsettled = [sheet for sheet, _d in batch_differences(batch) if keep.get(sheet) not in (1, 2)]
        if unsettled:
            raise ValidationError(
                _("Choose the right keying of papers %(sheets)s.") % {"sheets": ", ".join(map(str, unsettled))}
            )
    chosen, discarded, codes = [], [], set()
    for sheet, keyings in sorted(by_sheet.items()):
        kept = keyings[keep.get(sheet, 1)]
        code = kept.one_time_code or next((r.one_time_code for r in keyings.values() if r.one_time_code), None)
        if code is not None and (code.used_at is not None or code.pk in codes):
            discarded.extend(keyings.values())  # the household answered already: counted once
            continue
        if code is not None:
            codes.add(code.pk)
            kept.one_time_code = code
        chosen.append(kept)
        discarded.extend(response for response in keyings.values() if response is not kept)
    # Deleted one by one (simple_history listens to post_delete), so each discarded keying has its historical row.
    Response.objects.filter(pk__in=[response.pk for response in discarded]).delete()
    for response in chosen:
        response.counted = True
    bulk_update_with_history(chosen, Response, ["counted", "one_time_code"])
    tally_responses([response.pk for response in chosen])
    used = list(OneTimeCode.objects.filter(pk__in=codes))
    for code in used:
        code.used_at = timezone.now()
    bulk_update_with_history(used, OneTimeCode, ["used_at"])
    for response in chosen:
        rows = list(response.answers.select_related("question"))
        answers_make_concerns(survey=batch.survey, response=response, rows=rows)
    batch.status, batch.counted_at = PaperBatch.Status.COUNTED, timezone.now()
    batch.save(update_fields=["status", "counted_at"])
    return len(chosen)
