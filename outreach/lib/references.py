"""Reference codes a citizen can read out on the phone."""

import secrets

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I
REFERENCE_LENGTH = 6


def new_reference(prefix):
    """``PR-7K3F9Q``: a prefix naming the kind of request, then six unambiguous characters."""
    return f"{prefix}-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
