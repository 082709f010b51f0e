"""Content-addressed storage of original documents and response packs, optionally encrypted at rest.

Files live at ``<storage_dir>/<aa>/<bb>/<sha256>`` and are written once, atomically, read-only.
Nothing here ever deletes or rewrites a stored file. The name is the SHA-256 of the *plain* bytes,
and :meth:`FileStore.get` re-checks it on every read, so a corrupt or swapped file is never served.

Encryption at rest (``SAR_STORAGE_ENCRYPTION=1``, key ring ``SAR_STORAGE_KEY``): each file is
AES-256-GCM encrypted with the current key, under a fresh 96-bit nonce, with the file's name as
associated data (so an encrypted file moved to another name fails authentication), and stored as::

    MAGIC | len(key_id) (1 byte) | key_id | nonce (12 bytes) | ciphertext+tag

The key id in the header lets old files be read after a rotation (keep the old key in the ring).
Files written before encryption was switched on have no header and are read as they are, so
switching on needs no migration; switching off leaves encrypted files readable while the ring holds
their keys. With encryption off the store relies on the volume's own (disk or cloud) encryption.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import tempfile
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sar.core.settings import DEMO_STORAGE_KEY, NON_PRODUCTION_ENVS, ConfigError, Settings

#: Marks an encrypted file (the first bytes of a plain PDF, image or ZIP are never these).
MAGIC = b"SARENC1\n"
NONCE_BYTES = 12


def parse_storage_keys(ring: tuple[tuple[str, str], ...]) -> dict[str, bytes]:
    """Decode a ``SAR_STORAGE_KEY`` ring into 32-byte AES keys by id.

    :raises ConfigError: a key is not base64 of exactly 32 bytes.
    """
    keys = {}
    for key_id, encoded in ring:
        try:
            raw = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) != 32:
            raise ConfigError(f"SAR_STORAGE_KEY {key_id!r} must be base64 of 32 random bytes (e.g. "
                              f"`python -c \"import os,base64; print(base64.b64encode(os.urandom(32)).decode())\"`)")
        keys[key_id] = raw
    return keys


def seal(keys: dict[str, bytes], data: bytes, associated: bytes) -> bytes:
    """AES-256-GCM encrypt ``data`` with the ring's first (current) key, bound to ``associated``.

    Returns ``MAGIC | len(key_id) | key_id | nonce | ciphertext+tag`` (the file format above; also used
    for secrets kept in the database, e.g. TOTP secrets, :mod:`sar.accounts.sealed_secrets`).
    """
    key_id, key = next(iter(keys.items()))
    nonce = os.urandom(NONCE_BYTES)
    encoded_id = key_id.encode()
    return MAGIC + bytes([len(encoded_id)]) + encoded_id + nonce + AESGCM(key).encrypt(nonce, data, associated)


def sealed_key_id(stored: bytes) -> str | None:
    """The key id in a :func:`seal` header, or None when ``stored`` is not sealed (plain)."""
    if not stored.startswith(MAGIC):
        return None
    at = len(MAGIC)
    return stored[at + 1:at + 1 + stored[at]].decode(errors="replace")


def unseal(keys: dict[str, bytes], stored: bytes, associated: bytes, *, what: str) -> bytes:
    """Decrypt what :func:`seal` wrote; plain bytes (no header) are returned as they are.

    :param what: names the item in error messages.
    :raises OSError: the key id is not in the ring, or authentication fails (altered, wrong key or
        wrong ``associated`` data).
    """
    key_id = sealed_key_id(stored)
    if key_id is None:
        return stored  # written before encryption was switched on
    nonce_at = len(MAGIC) + 1 + len(key_id.encode())
    key = keys.get(key_id)
    if key is None:
        raise OSError(f"{what} is encrypted with key id {key_id!r}, which is not in SAR_STORAGE_KEY")
    try:
        return AESGCM(key).decrypt(stored[nonce_at:nonce_at + NONCE_BYTES], stored[nonce_at + NONCE_BYTES:],
                                   associated)
    except InvalidTag:
        raise OSError(f"{what} fails authentication (altered, or the wrong key)") from None


class FileStore:
    """A directory of immutable blobs named by the sha256 of their plain bytes."""

    def __init__(self, root: Path, *, keys: dict[str, bytes] | None = None, encrypt: bool = False) -> None:
        """Open the store.

        :param root: the storage directory; created if missing.
        :param keys: AES-256 keys by id, the current (writing) key first; needed to read encrypted files.
        :param encrypt: encrypt what :meth:`put` writes with the first key.
        """
        self.root = Path(root)
        self.keys = dict(keys or {})
        self.encrypt = encrypt
        if encrypt and not self.keys:
            raise ConfigError("SAR_STORAGE_ENCRYPTION=1 needs SAR_STORAGE_KEY")

    @classmethod
    def for_settings(cls, settings: Settings) -> FileStore:
        """The store ``settings`` describe (directory, encryption on/off, key ring)."""
        keys = parse_storage_keys(settings.storage_keys) if settings.storage_keys else {}
        if settings.storage_encryption and settings.environment not in NON_PRODUCTION_ENVS and any(
                secret == DEMO_STORAGE_KEY for _, secret in settings.storage_keys):
            raise ConfigError("SAR_STORAGE_KEY contains the published demo key")
        return cls(settings.storage_dir, keys=keys, encrypt=settings.storage_encryption)

    def path_for(self, sha256: str) -> Path:
        """Where the blob with this hash lives (it may not exist)."""
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def _seal(self, sha: str, data: bytes) -> bytes:
        return seal(self.keys, data, sha.encode())

    def _open(self, sha: str, stored: bytes) -> bytes:
        return unseal(self.keys, stored, sha.encode(), what=f"stored file {sha}")

    def put(self, data: bytes) -> str:
        """Store ``data`` if not already stored; return its sha256."""
        sha = hashlib.sha256(data).hexdigest()
        path = self.path_for(sha)
        if path.exists():
            return sha
        payload = self._seal(sha, data) if self.encrypt else data
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o440)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        return sha

    def get(self, sha256: str) -> bytes:
        """Return the blob's plain bytes, checking them against the hash.

        :raises FileNotFoundError: not stored. :raises OSError: stored bytes do not match the hash,
            or an encrypted file cannot be decrypted (unknown key id, altered file).
        """
        data = self._open(sha256, self.path_for(sha256).read_bytes())
        if hashlib.sha256(data).hexdigest() != sha256:
            raise OSError(f"stored file {sha256} is corrupt (hash mismatch)")
        return data

    def exists(self, sha256: str) -> bool:
        """Return whether the blob is stored."""
        return self.path_for(sha256).exists()

    def delete(self, sha256: str) -> bool:
        """Remove the blob (retention disposal only: blobs are otherwise immutable); return whether it existed."""
        path = self.path_for(sha256)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        return True
