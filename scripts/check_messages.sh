#!/usr/bin/env bash
# Check that the committed Spanish catalog is current, without writing inside the project.
#
#     scripts/check_messages.sh /abs/path/to/.venv/bin/python      (what `make messages-check` runs)
#
# The source tree is copied into a temporary directory; there the strings are collected
# again (makemessages, as `make messages` does) and the committed django.po is compiled
# again (compilemessages). It fails with the diff when django.po misses or keeps strings
# the code no longer has (the POT-Creation-Date line aside), and when django.mo is not
# the compiled django.po byte for byte. Needs gettext (`make messages-check` installs it).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
py=${1:?usage: scripts/check_messages.sh PYTHON (the venv python)}
[[ $py == /* ]] || py=$root/$py
po=locale/es/LC_MESSAGES/django.po
mo=locale/es/LC_MESSAGES/django.mo
hint="run \`make messages\`, translate the new entries, commit locale/"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/src"
tar -C "$root" \
	--exclude=./.venv --exclude=./.git --exclude=./staticfiles --exclude=./media \
	--exclude=./.devdata --exclude=./test-results --exclude=node_modules \
	--exclude=__pycache__ --exclude=./.pytest_cache --exclude=./.ruff_cache \
	-cf - . | tar -C "$tmp/src" -xf -
cd "$tmp/src"
export DJANGO_DEBUG=true
status=0

# django.mo: compile the committed django.po (no .mo left, so compilemessages cannot skip it as up to date).
rm -f "$mo"
"$py" manage.py compilemessages -l es --verbosity 0
if ! cmp -s "$mo" "$root/$mo"; then
	echo "$mo is not the compiled $po: run \`make messages\` (it compiles the catalog), commit locale/"
	status=1
fi

# django.po: collect the strings again and compare, the creation date aside.
"$py" manage.py makemessages -l es --no-location --ignore=.venv --ignore=staticfiles --ignore='*/migrations/*' --verbosity 0
strip_date() { grep -v '^"POT-Creation-Date: ' "$1" || true; }
if ! diff -u --label "$po (committed)" --label "$po (collected from the code)" \
	<(strip_date "$root/$po") <(strip_date "$tmp/src/$po"); then
	echo "$po is not current: $hint"
	status=1
fi

[[ $status -eq 0 ]] && echo "locale/es is current: django.po has every string of the code, django.mo is django.po compiled"
exit "$status"
