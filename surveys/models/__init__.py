"""The surveys app's models, by topic; every model is importable from ``surveys.models``."""

from .followups import ContactAttempt, ContactRequest
from .responses import Answer, OneTimeCode, PaperBatch, Response, SurveyLink
from .results import ResultsAction, ResultsDigest, SurveyTally
from .surveys import Option, Question, Survey, SurveyVersion

__all__ = [
    "Answer",
    "ContactAttempt",
    "ContactRequest",
    "OneTimeCode",
    "Option",
    "PaperBatch",
    "Question",
    "Response",
    "ResultsAction",
    "ResultsDigest",
    "Survey",
    "SurveyLink",
    "SurveyTally",
    "SurveyVersion",
]
