"""The demo's surveys: a live community survey with months of answers from every channel, a closed one,
and a draft waiting for the chief (called by ``seed_demo``)."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from outreach import clock
from outreach.models import CrimeType, Sector, User
from programs.models import Presentation

from .models import (
    Answer,
    ContactAttempt,
    ContactRequest,
    OneTimeCode,
    Option,
    PaperBatch,
    Question,
    Response,
    Survey,
    SurveyLink,
    SurveyVersion,
)
from .models.responses import Channel

Kind = Question.Kind
COMMUNITY_SLUG = "community"

# kind, (en, es), required, (low en, low es), (high en, high es), options [(en, es)]
COMMUNITY_QUESTIONS = [
    (
        Kind.RATING,
        (
            "How safe do you feel walking in your neighborhood during the day?",
            "¿Qué tan seguro se siente caminando por su vecindario durante el día?",
        ),
        True,
        ("Very unsafe", "Muy inseguro"),
        ("Very safe", "Muy seguro"),
        [],
    ),
    (
        Kind.RATING,
        (
            "How safe do you feel walking in your neighborhood after dark?",
            "¿Qué tan seguro se siente caminando por su vecindario de noche?",
        ),
        True,
        ("Very unsafe", "Muy inseguro"),
        ("Very safe", "Muy seguro"),
        [],
    ),
    (
        Kind.RATING,
        ("How much do you trust the police department?", "¿Cuánto confía en el departamento de policía?"),
        True,
        ("Not at all", "Nada"),
        ("Completely", "Totalmente"),
        [],
    ),
    (
        Kind.YES_NO,
        (
            "Have you had contact with a police officer in the past 12 months?",
            "¿Ha tenido contacto con un agente de policía en los últimos 12 meses?",
        ),
        False,
        None,
        None,
        [],
    ),
    (
        Kind.RATING,
        (
            "If so, how would you rate the quality of that contact?",
            "Si es así, ¿cómo calificaría la calidad de ese contacto?",
        ),
        False,
        ("Very poor", "Muy mala"),
        ("Excellent", "Excelente"),
        [],
    ),
    (
        Kind.CATEGORY,
        (
            "Which of these concern you most in your neighborhood?",
            "¿Cuáles de estos temas le preocupan más en su vecindario?",
        ),
        False,
        None,
        None,
        [],
    ),
    (
        Kind.SINGLE,
        ("How often do you see officers in your neighborhood?", "¿Con qué frecuencia ve agentes en su vecindario?"),
        False,
        None,
        None,
        [
            ("Every day", "Todos los días"),
            ("Every week", "Cada semana"),
            ("Every month", "Cada mes"),
            ("Rarely", "Rara vez"),
            ("Never", "Nunca"),
        ],
    ),
    (Kind.AREA, ("Which neighborhood do you live in?", "¿En qué vecindario vive?"), False, None, None, []),
    (
        Kind.LONG_TEXT,
        (
            "Is there a concern you would like us to know about?",
            "¿Hay alguna preocupación que quiera darnos a conocer?",
        ),
        False,
        None,
        None,
        [],
    ),
]

TRAFFIC_QUESTIONS = [
    (
        Kind.RATING,
        (
            "How safe do you feel crossing streets near your home?",
            "¿Qué tan seguro se siente al cruzar las calles cerca de su casa?",
        ),
        True,
        ("Very unsafe", "Muy inseguro"),
        ("Very safe", "Muy seguro"),
        [],
    ),
    (
        Kind.MULTIPLE,
        ("What traffic problems do you see most?", "¿Qué problemas de tránsito ve con más frecuencia?"),
        False,
        None,
        None,
        [
            ("Speeding", "Exceso de velocidad"),
            ("Running red lights", "Pasarse el semáforo en rojo"),
            ("Distracted driving", "Conducir distraído"),
            ("Unsafe school zones", "Zonas escolares peligrosas"),
        ],
    ),
    (Kind.SHORT_TEXT, ("Which street worries you most?", "¿Qué calle le preocupa más?"), False, None, None, []),
]

CONCERN_TEXTS = [
    ("Cars speed on our street every morning when children walk to school.", "en"),
    ("The park lights have been out for weeks and people gather there at night.", "en"),
    ("Someone broke into two cars on our block last weekend.", "en"),
    ("Packages keep disappearing from porches on our street.", "en"),
    ("Hay mucho tráfico y nadie respeta la señal de alto en la esquina.", "es"),
    ("Los jóvenes se juntan detrás de la tienda y venden drogas.", "es"),
    ("An abandoned house on the corner is being used by squatters.", "en"),
    ("Me gustaría que hubiera más patrullas por la noche.", "es"),
]
CONTACTS = [
    ("Rosa Elena Martínez-Gutiérrez", "(575) 555-0143", "", "es"),
    ("William J. Thornton III", "", "wthornton@example.org", "en"),
    ("Kimberly Ann Fairweather-Okonkwo", "(575) 555-0178", "kfo@example.org", "en"),
    ("José Luis Ramírez", "(575) 555-0112", "", "es"),
    ("Patricia Delaney", "", "pdelaney@example.net", "en"),
]


def _version(survey, number, title, intro, questions, *, status, chief, builder, days_ago):
    decided = timezone.now() - timedelta(days=days_ago)
    version = SurveyVersion.objects.create(
        survey=survey,
        number=number,
        title_en=title[0],
        title_es=title[1],
        intro_en=intro[0],
        intro_es=intro[1],
        status=status,
        created_by=builder,
        submitted_by=builder if status != SurveyVersion.Status.DRAFT else None,
        submitted_at=decided - timedelta(days=2) if status != SurveyVersion.Status.DRAFT else None,
        decided_by=chief if status in (SurveyVersion.Status.APPROVED, SurveyVersion.Status.SUPERSEDED) else None,
        decided_at=decided if status in (SurveyVersion.Status.APPROVED, SurveyVersion.Status.SUPERSEDED) else None,
    )
    for position, (kind, text, required, low, high, options) in enumerate(questions, start=1):
        question = Question.objects.create(
            version=version,
            position=position,
            kind=kind,
            text_en=text[0],
            text_es=text[1],
            required=required,
            low_label_en=low[0] if low else "",
            low_label_es=low[1] if low else "",
            high_label_en=high[0] if high else "",
            high_label_es=high[1] if high else "",
        )
        Option.objects.bulk_create(
            Option(question=question, position=index, text_en=en, text_es=es)
            for index, (en, es) in enumerate(options, start=1)
        )
    return version


def reset_surveys():
    """Every survey and what hangs on it, children first (versions are protected while answers name them)."""
    ContactRequest.objects.all().delete()
    Answer.objects.all().delete()
    Response.objects.all().delete()
    PaperBatch.objects.all().delete()
    Survey.objects.update(live_version=None, status=Survey.Status.NEW)
    Survey.objects.all().delete()


def community_survey(*, builder, chief, opens_on, closes_on, slug=COMMUNITY_SLUG):
    """The "community satisfaction and concerns" survey, approved by ``chief`` and live between the dates."""
    community = Survey.objects.create(slug=slug, opens_on=opens_on, closes_on=closes_on, created_by=builder)
    version = _version(
        community,
        1,
        ("Community satisfaction and concerns", "Satisfacción y preocupaciones de la comunidad"),
        (
            "Tell us how safe you feel and what concerns you. It takes about three minutes; your answers "
            "are anonymous and the chief reads the results every month.",
            "Díganos qué tan seguro se siente y qué le preocupa. Toma unos tres minutos; sus respuestas son "
            "anónimas y el jefe lee los resultados cada mes.",
        ),
        COMMUNITY_QUESTIONS,
        status=SurveyVersion.Status.APPROVED,
        chief=chief,
        builder=builder,
        days_ago=max(0, (clock.today() - opens_on).days),
    )
    Survey.objects.filter(pk=community.pk).update(live_version=version, status=Survey.Status.APPROVED)
    community.refresh_from_db()
    return community


def seed_surveys(areas):
    if Survey.objects.filter(slug=COMMUNITY_SLUG).exists():
        return
    rng = random.Random(18)
    chief = User.objects.get(username="chief")
    builder = User.objects.get(username="records")
    today = clock.today()
    community = community_survey(
        builder=builder, chief=chief, opens_on=today - timedelta(days=160), closes_on=today + timedelta(days=200)
    )
    version = community.live_version
    _responses(community, version, areas, rng, builder, count=320, days=150)

    traffic = Survey.objects.create(
        slug="traffic-safety-spring",
        opens_on=today - timedelta(days=330),
        closes_on=today - timedelta(days=240),
        created_by=builder,
    )
    traffic_version = _version(
        traffic,
        1,
        ("Spring traffic safety survey", "Encuesta de seguridad vial de primavera"),
        (
            "Help us decide where to enforce traffic laws.",
            "Ayúdenos a decidir dónde hacer cumplir las leyes de tránsito.",
        ),
        TRAFFIC_QUESTIONS,
        status=SurveyVersion.Status.APPROVED,
        chief=chief,
        builder=builder,
        days_ago=335,
    )
    Survey.objects.filter(pk=traffic.pk).update(
        live_version=traffic_version,
        status=Survey.Status.CLOSED,
        closed_at=timezone.now() - timedelta(days=240),
        closed_by=builder,
    )
    traffic.refresh_from_db()
    _responses(traffic, traffic_version, areas, rng, builder, count=45, days=90, ending_days_ago=240)

    westside = areas.get("westside")
    if westside is not None:
        lieutenant = westside.members.filter(role=User.Role.LIEUTENANT).first() or builder
        park = Survey.objects.create(
            slug="westside-parks",
            area_command=westside,
            opens_on=today + timedelta(days=7),
            closes_on=today + timedelta(days=60),
            created_by=lieutenant,
        )
        _version(
            park,
            1,
            ("Westside parks after dark", "Los parques del oeste de noche"),
            ("Three questions about the parks you use.", "Tres preguntas sobre los parques que usted visita."),
            COMMUNITY_QUESTIONS[1:2] + COMMUNITY_QUESTIONS[8:9],
            status=SurveyVersion.Status.AWAITING_APPROVAL,
            chief=chief,
            builder=lieutenant,
            days_ago=1,
        )


def _responses(survey, version, areas, rng, builder, *, count, days, ending_days_ago=0):
    """``count`` responses spread over ``days``, from every channel, in both languages."""
    questions = list(version.questions.prefetch_related("options"))
    sectors = list(Sector.objects.filter(area_command__in=areas.values()))
    categories = list(CrimeType.objects.filter(is_active=True))
    presentations = list(
        Presentation.objects.filter(starts_at__lt=timezone.now(), area_command__in=areas.values()).order_by(
            "-starts_at"
        )[:4]
    )
    links = [
        SurveyLink.objects.create(survey=survey, channel=Channel.FORUM, presentation=presentation, created_by=builder)
        for presentation in presentations
    ] + [
        SurveyLink.objects.create(survey=survey, channel=Channel.SOCIAL, campaign=campaign, created_by=builder)
        for campaign in ("Facebook: back-to-school safety", "Nextdoor: monthly update")
    ]
    forum_links = [link for link in links if link.channel == Channel.FORUM]
    social_links = [link for link in links if link.channel == Channel.SOCIAL]
    paper = PaperBatch.objects.create(
        survey=survey,
        version=version,
        name=f"Paper forms · {survey.slug}",
        channel=Channel.PAPER,
        sheets=max(1, count // 7),
        status=PaperBatch.Status.COUNTED,
        created_by=builder,
        counted_at=timezone.now(),
    )
    water = PaperBatch.objects.create(
        survey=survey,
        version=version,
        name=f"Water bill · {survey.slug}",
        channel=Channel.WATER_BILL,
        sheets=max(1, count // 7),
        status=PaperBatch.Status.COUNTED,
        double_keyed=True,
        created_by=builder,
        counted_at=timezone.now(),
    )
    codes = OneTimeCode.objects.bulk_create(
        OneTimeCode(survey=survey, printed_for=water.name) for _ in range(water.sheets * 2)
    )
    sheets = {paper.pk: 0, water.pk: 0}
    responses, answers = [], []
    # Each area command feels a little differently: north safer by day, southeast less at night.
    mood = {"north": 0.5, "southeast": -0.6, "westside": 0.0}
    for _ in range(count):
        roll = rng.random()
        channel, link, batch = Channel.WEB, None, None
        if roll < 0.2 and forum_links:
            channel, link = Channel.FORUM, rng.choice(forum_links)
        elif roll < 0.3 and social_links:
            channel, link = Channel.SOCIAL, rng.choice(social_links)
        elif roll < 0.45 and sheets[paper.pk] < paper.sheets:
            channel, batch = Channel.PAPER, paper
        elif roll < 0.6 and sheets[water.pk] < water.sheets:
            channel, batch = Channel.WATER_BILL, water
        sector = rng.choice(sectors) if sectors and rng.random() < 0.85 else None
        area = (
            sector.area_command
            if sector
            else (link.presentation.area_command if link and link.presentation_id else None)
        )
        moment = timezone.now() - timedelta(days=ending_days_ago + rng.uniform(0, days))
        response = Response(
            survey=survey,
            version=version,
            submitted_at=moment,
            language="es" if rng.random() < 0.27 else "en",
            channel=channel,
            link=link,
            presentation_id=link.presentation_id if link else None,
            batch=batch,
            area_command=area,
            counted=True,
        )
        if batch is not None:
            sheets[batch.pk] += 1
            response.sheet, response.keying, response.keyed_by = sheets[batch.pk], 1, builder
            if batch is water and codes:
                response.one_time_code = codes.pop()
        responses.append(response)
        shift = mood.get(area.code if area else "", 0.0)
        for question in questions:
            answers.extend(_answers(question, rng, shift, sector, categories, response))
    Response.objects.bulk_create(responses)
    for answer in answers:
        answer.response_id = answer.response.pk
    Answer.objects.bulk_create(answers)
    used = [response.one_time_code_id for response in responses if response.one_time_code_id]
    OneTimeCode.objects.filter(pk__in=used).update(used_at=timezone.now())
    _contacts(survey, areas, rng)


def _answers(question, rng, shift, sector, categories, response):
    kind = question.kind
    if not question.required and rng.random() < 0.15:
        return []
    if kind == Kind.RATING:
        base = {0: 4.0, 1: 2.9, 2: 3.6}.get(question.position - 1, 3.5) + shift
        value = min(5, max(1, round(rng.gauss(base, 0.9))))
        return [Answer(response=response, question=question, number=value)]
    if kind == Kind.YES_NO:
        return [Answer(response=response, question=question, number=1 if rng.random() < 0.45 else 0)]
    if kind == Kind.SINGLE:
        options = list(question.options.all())
        return [
            Answer(
                response=response,
                question=question,
                option=rng.choices(options, weights=[1, 3, 3, 4, 2][: len(options)] or None)[0],
            )
        ]
    if kind == Kind.MULTIPLE:
        options = list(question.options.all())
        return [
            Answer(response=response, question=question, option=option)
            for option in rng.sample(options, rng.randint(1, 2))
        ]
    if kind == Kind.CATEGORY:
        weights = [5 if c.code in ("traffic", "burglary", "vehicle_crime", "drugs") else 1 for c in categories]
        chosen = {c.pk: c for c in rng.choices(categories, weights=weights, k=rng.randint(1, 3))}
        return [Answer(response=response, question=question, category=category) for category in chosen.values()]
    if kind == Kind.AREA:
        return [Answer(response=response, question=question, sector=sector)] if sector else []
    if rng.random() < 0.3:
        texts = [text for text, language in CONCERN_TEXTS if language == response.language] or [CONCERN_TEXTS[0][0]]
        return [Answer(response=response, question=question, text=rng.choice(texts))]
    if kind == Kind.SHORT_TEXT and rng.random() < 0.3:
        return [
            Answer(response=response, question=question, text=rng.choice(["Main Street", "Avenue C", "18th Street"]))
        ]
    return []


def _contacts(survey, areas, rng):
    if survey.status == Survey.Status.CLOSED:
        return
    area_list = list(areas.values())
    for index, (name, phone, email, language) in enumerate(CONTACTS):
        area = area_list[index % len(area_list)]
        request = ContactRequest.objects.create(
            survey=survey,
            area_command=area if index != 4 else None,
            name=name,
            phone=phone,
            email=email,
            language=language,
            concern_text=CONCERN_TEXTS[index][0],
            created_at=timezone.now() - timedelta(days=index * 2 + 1),
            last_activity_at=timezone.now() - timedelta(days=index * 2 + 1),
        )
        if index in (1, 2):
            officer = area.members.filter(role=User.Role.OFFICER).order_by("username").first()
            sergeant = area.members.filter(role=User.Role.SERGEANT).first()
            request.status, request.assigned_to = ContactRequest.Status.ASSIGNED, officer
            request.save()
            if index == 2 and sergeant:
                ContactAttempt.objects.create(
                    request=request,
                    made_by=officer,
                    method=ContactAttempt.Method.PHONE,
                    note="Left a voicemail.",
                    made_at=timezone.make_aware(datetime.combine(clock.today() - timedelta(days=2), time(10))),
                )
