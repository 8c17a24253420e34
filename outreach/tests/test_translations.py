"""Every user-visible string ships in Spanish, and the compiled catalog matches its source."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

PO_FILE = Path(__file__).resolve().parents[2] / "locale" / "es" / "LC_MESSAGES" / "django.po"


def _entries():
    """(msgid, msgstr) pairs of the singular entries of the Spanish catalog."""
    text = PO_FILE.read_text(encoding="utf-8")
    pattern = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)

    def join(chunk):
        return "".join(re.findall(r'"(.*)"', chunk)).replace('\\"', '"').replace("\\n", "\n")

    return [(join(m.group(1)), join(m.group(2))) for m in pattern.finditer(text) if join(m.group(1))]


def test_every_string_is_translated_to_spanish():
    untranslated = [msgid for msgid, msgstr in _entries() if not msgstr]

    assert untranslated == []
    assert "#, fuzzy" not in PO_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize("msgid,msgstr", _entries()[:: max(1, len(_entries()) // 20)])
def test_compiled_catalog_matches_the_source(msgid, msgstr):
    with translation.override("es"):
        assert translation.gettext(msgid) == msgstr


def test_login_page_in_spanish(client, db):
    client.post(reverse("set_language"), {"language": "es", "next": reverse("login")})

    response = client.get(reverse("login"))

    assert response.headers["Content-Language"] == "es"
    assert "Inicio de sesión del personal" in response.content.decode()
    assert '<html lang="es">' in response.content.decode()
