"""The demo's authenticator: every demo user has one app set up, with one published key, so that whoever
tries the demo logs in with ``python manage.py demo_code`` (or adds the key to their own phone's app)."""

from base64 import b32encode

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

# Twenty bytes, as django-otp makes them; published in the README. Never on a real account.
DEMO_KEY = "6f75747265616368206465706f2032303236206b"


def demo_key_for_typing():
    key = b32encode(bytes.fromhex(DEMO_KEY)).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def demo_code(*, later=0):
    totp = TOTP(bytes.fromhex(DEMO_KEY))
    totp.time = totp.time + later
    return f"{totp.token():06d}"


def enrol(users):
    """Give each demo user the demo's authenticator app, already confirmed."""
    TOTPDevice.objects.bulk_create(
        TOTPDevice(user=user, name="Demo authenticator", key=DEMO_KEY, confirmed=True)
        for user in users
        if not TOTPDevice.objects.filter(user=user).exists()
    )
