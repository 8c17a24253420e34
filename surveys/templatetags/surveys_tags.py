from django import template

from ..models.surveys import in_language

register = template.Library()


@register.simple_tag
def text_in(obj, field, language):
    """A question's or option's text in the given language (the English where the Spanish is missing)."""
    return in_language(obj, field, language)
