"""Documents at rest are encrypted with AES-GCM when configured (issue 15, Operations)."""

from __future__ import annotations

import base64
import os
from dataclasses import replace

import pytest

from sar.core.settings import ConfigError, Settings
from sar.core.storage import MAGIC, FileStore, parse_storage_keys

PDFISH = b"%PDF-1.7\n" + b"confidential case note " * 50
K1 = base64.b64encode(os.urandom(32)).decode()
K2 = base64.b64encode(os.urandom(32)).decode()


def _store(tmp_path, ring, encrypt=True):
    return FileStore(tmp_path, keys=parse_storage_keys(ring), encrypt=encrypt)


def test_encrypted_file_on_disk_holds_no_plain_text_and_reads_back(tmp_path):
    store = _store(tmp_path, (("k1", K1),))
    sha = store.put(PDFISH)
    on_disk = store.path_for(sha).read_bytes()
    assert on_disk.startswith(MAGIC) and b"confidential" not in on_disk and b"k1" in on_disk[:20]
    assert store.get(sha) == PDFISH


def test_plain_store_when_encryption_is_off(tmp_path):
    store = _store(tmp_path, (("k1", K1),), encrypt=False)
    sha = store.put(PDFISH)
    assert store.path_for(sha).read_bytes() == PDFISH


def test_rotation_reads_old_files_with_their_key_id_and_switching_on_reads_plain_files(tmp_path):
    plain_sha = _store(tmp_path, (), encrypt=False).put(b"written before encryption")
    old_sha = _store(tmp_path, (("k1", K1),)).put(b"written with k1")
    rotated = _store(tmp_path, (("k2", K2), ("k1", K1)))
    new_sha = rotated.put(b"written with k2")
    assert b"k2" in rotated.path_for(new_sha).read_bytes()[:20]
    assert rotated.get(old_sha) == b"written with k1"
    assert rotated.get(plain_sha) == b"written before encryption"
    with pytest.raises(OSError, match="key id 'k1'"):
        _store(tmp_path, (("k2", K2),)).get(old_sha)


def test_altered_or_moved_ciphertext_is_refused(tmp_path):
    store = _store(tmp_path, (("k1", K1),))
    sha = store.put(PDFISH)
    path = store.path_for(sha)
    data = bytearray(path.read_bytes())
    data[-5] ^= 1
    os.chmod(path, 0o640)
    path.write_bytes(bytes(data))
    with pytest.raises(OSError, match="authentication"):
        store.get(sha)
    # A valid encrypted file copied under another name fails too (the name is the associated data).
    other = store.put(b"another document")
    os.chmod(store.path_for(other), 0o640)
    store.path_for(other).write_bytes(store.path_for(store.put(b"third")).read_bytes())
    with pytest.raises(OSError, match="authentication"):
        store.get(other)


def test_bad_keys_and_missing_keys_are_clear_errors(tmp_path):
    with pytest.raises(ConfigError, match="32 random bytes"):
        parse_storage_keys((("k1", "short"),))
    with pytest.raises(ConfigError, match="SAR_STORAGE_KEY"):
        FileStore(tmp_path, keys={}, encrypt=True)
    prod = replace(Settings(), environment="production", storage_encryption=True, storage_dir=tmp_path)
    with pytest.raises(ConfigError, match="published demo key"):
        FileStore.for_settings(prod)
    demo = replace(prod, environment="demo")
    assert FileStore.for_settings(demo).encrypt
    assert not FileStore.for_settings(replace(prod, storage_encryption=False)).encrypt  # off: nothing to refuse


def test_upload_through_the_use_case_is_encrypted(session, settings, now, tmp_path):
    from sar.bundle import documents
    from tests.sar._docs import PAGE_ONE, make_team, pdf_bytes, sar_request
    cfg = replace(settings, storage_dir=tmp_path, storage_encryption=True)
    team = make_team(session)
    req = sar_request(session, cfg, team, now)
    data = pdf_bytes(PAGE_ONE)
    item = documents.add_document(session, req, data, "visit.pdf", actor=team.officer, now=now, settings=cfg)
    assert FileStore.for_settings(cfg).path_for(item.document.sha256).read_bytes().startswith(MAGIC)
    assert documents.document_bytes(cfg, item) == data
