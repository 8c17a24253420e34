"""The results' tally (``SurveyTally``): the counted responses and their answers, counted once into a small table.

A response is tallied once, after it is stored: the public page stores it and nothing more (it stays
fast), and the task ``surveys.tasks.tally_survey_responses`` tallies, every minute, the counted
responses not tallied yet, in chunks, each chunk in one statement that marks its responses
``tallied`` and adds their counts (so a response is in the tally exactly when it is marked). A paper
batch tallies its responses in the transaction that counts it; a tallied response deleted is taken
out again (``tally_withdraw``, on ``pre_delete``). The results page reads the tally and adds the
counted responses not tallied yet live (``selectors.results``): the figures are exact, never stale.

``tally_rebuild`` (``manage.py tally_survey_responses``) builds a survey's tally again from the base
tables. It takes the tally's lock exclusively; the task, a batch and a withdrawal take it shared, so
they wait while a survey is rebuilt but not for each other.
"""

from django.db import connection, transaction

from outreach import clock

# pg_advisory_xact_lock's key for the tally: "tally" in ASCII.
LOCK = 0x74616C6C79
CHUNK = 5000

# One row per response (the responses themselves, question_key NULL), per response and question answered ("a"),
# and per answer ("t", "n…", "o…", "c…", "s…"), from ``marked``: the responses being tallied.
_FACTS = """
facts AS (
    SELECT m.survey_id, m.day, m.area_command_id, m.channel, m.version_id, m.language,
           NULL::uuid AS question_key, ''::varchar AS value, 1 AS n
    FROM marked m
    UNION ALL
    SELECT d.survey_id, d.day, d.area_command_id, d.channel, d.version_id, d.language, d.key, 'a', 1
    FROM (
        SELECT DISTINCT m.id, m.survey_id, m.day, m.area_command_id, m.channel, m.version_id, m.language, q.key
        FROM marked m
        JOIN surveys_answer a ON a.response_id = m.id
        JOIN surveys_question q ON q.id = a.question_id
    ) d
    UNION ALL
    SELECT m.survey_id, m.day, m.area_command_id, m.channel, m.version_id, m.language, q.key,
           CASE
               WHEN a.option_id IS NOT NULL THEN 'o' || o.key::text
               WHEN a.category_id IS NOT NULL THEN 'c' || a.category_id::text
               WHEN a.sector_id IS NOT NULL THEN 's' || a.sector_id::text
               WHEN q.kind IN ('rating', 'yes_no') AND a.number IS NOT NULL THEN 'n' || a.number::text
               WHEN q.kind IN ('short_text', 'long_text') AND a.text <> '' THEN 't'
           END,
           1
    FROM marked m
    JOIN surveys_answer a ON a.response_id = m.id
    JOIN surveys_question q ON q.id = a.question_id
    LEFT JOIN surveys_option o ON o.id = a.option_id
),
spans AS (
    SELECT f.survey_id, s.span,
           CASE WHEN s.span = 'month' THEN date_trunc('month', f.day)::date ELSE f.day END AS day,
           f.area_command_id, f.channel, f.version_id, f.language, f.question_key, f.value, f.n
    FROM facts f CROSS JOIN (VALUES ('day'), ('month')) AS s (span)
    WHERE f.value IS NOT NULL
)
INSERT INTO surveys_surveytally
    (survey_id, span, day, area_command_id, channel, version_id, language, question_key, value, n)
SELECT survey_id, span, day, area_command_id, channel, version_id, language, question_key, value, %(sign)s * SUM(n)
FROM spans
GROUP BY survey_id, span, day, area_command_id, channel, version_id, language, question_key, value
ON CONFLICT (survey_id, span, day, area_command_id, channel, version_id, language, question_key, value)
DO UPDATE SET n = surveys_surveytally.n + EXCLUDED.n
"""

_MARKED_COLUMNS = """
    r.id, r.survey_id, r.area_command_id, r.channel, r.version_id, r.language,
    (r.submitted_at AT TIME ZONE %(zone)s)::date AS day
"""

# The next chunk of counted responses not tallied yet, marked; skipping those another run holds.
_NEXT_CHUNK = "".join(  # literal fragments only: every value is a bound parameter
    (
        """
WITH marked AS (
    UPDATE surveys_response r SET tallied = true
    WHERE r.id IN (
        SELECT id FROM surveys_response WHERE counted AND NOT tallied ORDER BY id LIMIT %(chunk)s
        FOR UPDATE SKIP LOCKED
    )
    RETURNING""",
        _MARKED_COLUMNS,
        "),",
        _FACTS,
    )
)

# Named responses (a batch just counted) that are counted and not tallied yet.
_THESE = "".join(  # literal fragments only: every value is a bound parameter
    (
        """
WITH marked AS (
    UPDATE surveys_response r SET tallied = true
    WHERE r.id = ANY(%(ids)s) AND r.counted AND NOT r.tallied
    RETURNING""",
        _MARKED_COLUMNS,
        "),",
        _FACTS,
    )
)

# Named tallied responses, taken out (sign -1); the caller unmarks or deletes them.
_WITHDRAW = "".join(  # literal fragments only: every value is a bound parameter
    (
        """
WITH marked AS (
    SELECT""",
        _MARKED_COLUMNS,
        """FROM surveys_response r WHERE r.id = ANY(%(ids)s) AND r.counted AND r.tallied
),""",
        _FACTS,
    )
)

# Every counted response of one survey, marked again (after its rows were deleted).
_SURVEY = "".join(  # literal fragments only: every value is a bound parameter
    (
        """
WITH marked AS (
    UPDATE surveys_response r SET tallied = true
    WHERE r.survey_id = %(survey)s AND r.counted
    RETURNING""",
        _MARKED_COLUMNS,
        "),",
        _FACTS,
    )
)


def _zone():
    return str(clock.department_zone())


def _run(sql, *, shared=True, sign=1, **params):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock_shared(%s)" if shared else "SELECT pg_advisory_xact_lock(%s)", [LOCK]
        )
        cursor.execute(sql, {"zone": _zone(), "sign": sign, **params})
        return cursor.rowcount


def tally_pending(*, chunk=CHUNK, chunks=None):
    """Tally the counted responses not tallied yet, a chunk per transaction; how many chunks were tallied."""
    done = 0
    while chunks is None or done < chunks:
        with transaction.atomic():
            if not _run(_NEXT_CHUNK, chunk=chunk):
                return done
        done += 1
    return done


def tally_responses(response_ids):
    """Tally these responses now, those counted and not tallied yet (a paper batch, in the transaction counting it)."""
    if response_ids:
        _run(_THESE, ids=list(response_ids))


def tally_withdraw(response_ids):
    """Take these responses out of the tally, those in it, before they are deleted or stop counting."""
    if response_ids:
        _run(_WITHDRAW, sign=-1, ids=list(response_ids))


@transaction.atomic
def tally_rebuild(survey_id):
    """Build one survey's tally again from its counted responses and answers: safe to run any time, twice."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
        cursor.execute("DELETE FROM surveys_surveytally WHERE survey_id = %s", [survey_id])
        cursor.execute(
            "UPDATE surveys_response SET tallied = false WHERE survey_id = %s AND tallied AND NOT counted", [survey_id]
        )
    return _run(_SURVEY, shared=False, survey=survey_id)


def withdraw_deleted(sender, instance, origin=None, **kwargs):
    """``pre_delete`` of a response: out of the tally with it, unless its survey goes too (and the tally with it)."""
    from ..models import Survey

    doomed = origin.model if hasattr(origin, "model") else type(origin)
    if instance.tallied and instance.counted and doomed is not Survey:
        tally_withdraw([instance.pk])
