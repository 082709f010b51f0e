"""Content-addressed storage of original documents and response packs.

Files live at ``<storage_dir>/<aa>/<bb>/<sha256>`` and are written once, atomically, read-only.
Nothing here ever deletes or rewrites a stored file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class FileStore:
    """A directory of immutable blobs named by their sha256."""

    def __init__(self, root: Path) -> None:
        """:param root: the storage directory; created if missing."""
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        """Where the blob with this hash lives (it may not exist)."""
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        """Store ``data`` if not already stored; return its sha256."""
        sha = hashlib.sha256(data).hexdigest()
        path = self.path_for(sha)
        if path.exists():
            return sha
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
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
        """Return the blob's bytes, checking them against the hash.

        :raises FileNotFoundError: not stored. :raises OSError: stored bytes do not match the hash.
        """
        data = self.path_for(sha256).read_bytes()
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
