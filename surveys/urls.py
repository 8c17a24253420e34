from django.urls import path

from .views import channels, followups, paper, public, results, surveys

app_name = "surveys"

urlpatterns = [
    # Citizens first: the busiest pages, matched before any other
    path("s/<slug:slug>/", public.public_survey, name="public_survey"),
    path("s/<slug:slug>/thanks/", public.public_thanks, name="public_thanks"),
    path("s/<slug:slug>/<str:secret>/", public.public_survey, name="public_survey_unlisted"),
    path("q/<str:code>/", public.short_link, name="short_link"),
    # Staff: building and approving
    path("surveys/", surveys.survey_list, name="survey_list"),
    path("surveys/new/", surveys.survey_create, name="survey_create"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/settings/", surveys.survey_settings, name="survey_settings"),
    path("surveys/<int:pk>/texts/", surveys.survey_texts, name="survey_texts"),
    path("surveys/<int:pk>/new-version/", surveys.survey_new_version, name="survey_new_version"),
    path("surveys/<int:pk>/questions/new/", surveys.question_create, name="question_create"),
    path("surveys/questions/<int:pk>/edit/", surveys.question_edit, name="question_edit"),
    path("surveys/questions/<int:pk>/delete/", surveys.question_delete, name="question_delete"),
    path("surveys/questions/<int:pk>/move/", surveys.question_move, name="question_move"),
    path("surveys/<int:pk>/submit/", surveys.version_submit, name="version_submit"),
    path("surveys/<int:pk>/withdraw/", surveys.version_withdraw, name="version_withdraw"),
    path("surveys/<int:pk>/approve/", surveys.version_approve, name="version_approve"),
    path("surveys/<int:pk>/return/", surveys.version_return, name="version_return"),
    path("surveys/<int:pk>/close/", surveys.survey_close, name="survey_close"),
    path("surveys/<int:pk>/results/", results.survey_results_page, name="survey_results"),
    path("surveys/<int:pk>/results/actions/", results.results_action_add, name="results_action_add"),
    path("surveys/answers/<int:pk>/concern/", results.answer_concern_create, name="answer_concern"),
    path("surveys/<int:pk>/results/findings/concern/", results.finding_concern_create, name="finding_concern"),
    # Staff: the channels (forum and social links, the handout, the paper form)
    path(
        "surveys/<int:pk>/links/presentation/<int:presentation_pk>/",
        channels.link_for_presentation,
        name="link_for_presentation",
    ),
    path("surveys/<int:pk>/links/meeting/<int:meeting_pk>/", channels.link_for_meeting, name="link_for_meeting"),
    path("surveys/<int:pk>/links/campaign/", channels.link_for_campaign, name="link_for_campaign"),
    path("surveys/links/<str:code>/handout/", channels.link_handout, name="link_handout"),
    path("surveys/<int:pk>/paper/", channels.paper_form, name="paper_form"),
    # Staff: keying paper batches
    path("surveys/<int:pk>/batches/", paper.batch_list, name="batch_list"),
    path("surveys/batches/<int:pk>/", paper.batch_detail, name="batch_detail"),
    path("surveys/batches/<int:pk>/key/<int:keying>/", paper.batch_key, name="batch_key"),
    path("surveys/batches/<int:pk>/count/", paper.batch_count, name="batch_count"),
    # Staff: the follow-up queue of citizens who asked to be contacted
    path("surveys/contacts/", followups.contact_list, name="contact_list"),
    path("surveys/contacts/<int:pk>/", followups.contact_detail, name="contact_detail"),
    path("surveys/contacts/<int:pk>/assign/", followups.contact_assign, name="contact_assign"),
    path("surveys/contacts/<int:pk>/attempts/", followups.contact_attempt, name="contact_attempt"),
    path("surveys/contacts/<int:pk>/close/", followups.contact_close, name="contact_close"),
]
