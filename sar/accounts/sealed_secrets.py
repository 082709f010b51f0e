"""Secrets the app must read back (TOTP seeds) kept encrypted in the database, like documents at rest.

A TOTP secret cannot be hashed (the server computes codes from it), so a copy of the ``users`` table
would let anyone mint valid codes. Each secret is sealed with AES-256-GCM by
:func:`sar.core.storage.seal` under the current key of ``SAR_STORAGE_KEY`` (the documents-at-rest
keyring; the key id travels in the sealed header, so keys rotate as they do for files), bound to its
purpose and owner (``associated``, e.g. ``b"totp:17"``, so a sealed value copied to another row fails
authentication), and stored as ``PREFIX + base64``.

Reading accepts both sealed values and the plain base32 secrets written before sealing (the
migration ``h_ops`` seals those; a database upgraded without a key keeps them readable until it runs).
"""

from __future__ import annotations

import base64

from sar.core.settings import DEMO_STORAGE_KEY, NON_PRODUCTION_ENVS, ConfigError, Settings
from sar.core.storage import parse_storage_keys, seal, sealed_key_id, unseal

#: Marks a sealed value in a text column (a base32 TOTP secret never contains ":").
PREFIX = "sealed1:"

_ring: dict[str, bytes] | None = None


def use_keys(ring: tuple[tuple[str, str], ...], *, environment: str = "production") -> None:
    """Set this process's keyring (``Settings.storage_keys``, current key first); adapters call it.

    :raises ConfigError: a key is malformed, or the published demo key outside demo/test.
    """
    global _ring
    if environment not in NON_PRODUCTION_ENVS and any(secret == DEMO_STORAGE_KEY for _, secret in ring):
        raise ConfigError("SAR_STORAGE_KEY contains the published demo key")
    _ring = parse_storage_keys(ring) if ring else {}


def keys() -> dict[str, bytes]:
    """Return this process's keyring: as set by :func:`use_keys`, else ``SAR_STORAGE_KEY`` from the environment.

    :raises ConfigError: no key is configured (production without ``SAR_STORAGE_KEY``).
    """
    if _ring is None:
        settings = Settings.from_env()
        use_keys(settings.storage_keys, environment=settings.environment)
    if not _ring:
        raise ConfigError("SAR_STORAGE_KEY is not set: two-factor secrets cannot be stored encrypted")
    return _ring


def is_sealed(value: str | None) -> bool:
    """True for a value written by :func:`seal_text`."""
    return bool(value) and value.startswith(PREFIX)


def seal_text(plain: str, associated: str, ring: dict[str, bytes] | None = None) -> str:
    """Encrypt ``plain`` for a text column, bound to ``associated`` (purpose and owner)."""
    sealed = seal(ring if ring is not None else keys(), plain.encode(), associated.encode())
    return PREFIX + base64.b64encode(sealed).decode("ascii")


def open_text(stored: str, associated: str, ring: dict[str, bytes] | None = None) -> str:
    """The plain text of a value from :func:`seal_text`; a value never sealed is returned as it is.

    :raises OSError: unknown key id, or the value was altered or moved to another owner.
    """
    if not is_sealed(stored):
        return stored
    blob = base64.b64decode(stored[len(PREFIX):])
    return unseal(ring if ring is not None else keys(), blob, associated.encode(),
                  what=f"secret {associated}").decode()


def key_id_of(stored: str | None) -> str | None:
    """The id of the key that sealed ``stored`` (None: plain or empty)."""
    if not is_sealed(stored):
        return None
    return sealed_key_id(base64.b64decode(stored[len(PREFIX):]))
