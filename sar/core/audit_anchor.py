"""Anchors: the audit chain's head written outside the database, so truncation is caught.

The keyed chain (:mod:`sar.core.audit`) stops anyone without the key re-signing an altered row, but
someone who can write to the database can still delete the newest rows and wind the head back to an
earlier row, and the chain would verify. So the worker periodically appends the head (sequence
number and MAC) to an append-only file on another trust boundary (``SAR_AUDIT_ANCHOR_FILE``: a path
the database's users cannot write, ideally ``chattr +a`` or on a log host), and ``sar audit verify``
checks the chain against every anchor: a chain shorter than an anchor was truncated; a row whose MAC
differs from its anchor was rewritten.

Each anchor line is one JSON object: ``{"seq", "mac", "legacy", "at", "key_id", "sig"}``, where
``sig`` is an HMAC of the other fields with the audit key, so a line cannot be forged without it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from sar.core import audit
from sar.models import AuditHead


class AnchorError(ValueError):
    """The anchor file cannot be read or a line in it is malformed or forged."""


@dataclass(frozen=True)
class Anchor:
    """One recorded chain head."""

    seq: int
    mac: str
    legacy: int
    at: str
    key_id: str


def _signature(fields: dict, secret: str) -> str:
    body = json.dumps({k: fields[k] for k in ("seq", "mac", "legacy", "at", "key_id")}, sort_keys=True)
    return hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()


def read_anchors(path: Path) -> list[Anchor]:
    """Every anchor in ``path`` (none if the file does not exist yet).

    :raises AnchorError: a line is not an anchor, or its signature does not verify with its key.
    """
    path = Path(path)
    if not path.exists():
        return []
    ring = dict(audit.keyring())
    anchors = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            fields = json.loads(line)
            anchor = Anchor(int(fields["seq"]), str(fields["mac"]), int(fields["legacy"]), str(fields["at"]),
                            str(fields["key_id"]))
        except (ValueError, KeyError, TypeError):
            raise AnchorError(f"{path}:{number} is not an audit anchor") from None
        secret = ring.get(anchor.key_id)
        if secret is None:
            raise AnchorError(f"{path}:{number} is signed with key id {anchor.key_id!r}, not in SAR_AUDIT_KEY")
        if not hmac.compare_digest(_signature(fields, secret), str(fields.get("sig", ""))):
            raise AnchorError(f"{path}:{number} has a bad signature: the anchor file was altered")
        anchors.append(anchor)
    return anchors


def write_anchor(session: Session, path: Path, *, now: datetime) -> Anchor | None:
    """Append the chain's current head to ``path`` (created if missing); skip if it has not moved.

    The file is opened append-only and synced before returning, so a written anchor survives a crash.

    :return: the anchor written, or None (empty chain, or the same head as the last anchor).
    """
    path = Path(path)
    head = session.get(AuditHead, 1)
    if head is None or head.last_seq == 0:
        return None
    existing = read_anchors(path)
    if existing and existing[-1].seq == head.last_seq and existing[-1].mac == head.last_hash:
        return None
    key_id, secret = audit.keyring()[0]
    fields = {"seq": head.last_seq, "mac": head.last_hash, "legacy": audit.legacy_rows(session),
              "at": now.astimezone(UTC).isoformat(timespec="seconds"), "key_id": key_id}
    fields["sig"] = _signature(fields, secret)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, (json.dumps(fields, sort_keys=True) + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    return Anchor(fields["seq"], fields["mac"], fields["legacy"], fields["at"], key_id)


def verify_with_anchors(session: Session, path: Path | None) -> tuple[audit.VerifyResult, int]:
    """Verify the chain, and against the anchors in ``path`` if given.

    :return: the result (truncation and rewrites reported as problems) and how many anchors were checked.
    :raises AnchorError: the anchor file is malformed or was altered.
    """
    anchors = read_anchors(path) if path is not None else []
    result = audit.verify(session, pins={a.seq: a.mac for a in anchors})
    if not result.ok or not anchors:
        return result, len(anchors)
    newest = max(anchors, key=lambda a: a.seq)
    if newest.seq > result.checked:
        return audit.VerifyResult(
            False, result.checked, result.checked + 1, None,
            f"the log ends at seq {result.checked} but the anchor of {newest.at} recorded seq {newest.seq}: "
            f"the log was truncated", result.legacy), len(anchors)
    for anchor in anchors:
        if anchor.legacy != result.legacy:
            return audit.VerifyResult(
                False, result.checked, min(anchor.legacy, result.legacy) + 1, None,
                f"{result.legacy} unkeyed (legacy) rows now, {anchor.legacy} when anchored at {anchor.at}: "
                f"rows were rewritten", result.legacy), len(anchors)
    return result, len(anchors)
