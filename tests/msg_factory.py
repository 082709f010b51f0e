"""A real Outlook .msg made in the test (issue 17): an OLE compound file (MS-CFB, version 3) holding the
MAPI property streams Outlook writes (MS-OXMSG), with recipients and attached files.

No maintained Python library writes .msg files (extract-msg and olefile only read; olefile can only
overwrite streams in place), so the compound file is written here from the specification: 512-byte
sectors, a FAT, a mini FAT and mini stream for streams under 4096 bytes, and a directory whose siblings
form a tree in the specification's name order. Only what the tests need; not product code.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime

SECTOR, MINI, CUTOFF = 512, 64, 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
PT_LONG, PT_SYSTIME, PT_UNICODE, PT_BINARY = 0x0003, 0x0040, 0x001F, 0x0102


@dataclass
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    data: bytes = b""
    children: list[_Entry] = field(default_factory=list)
    sid: int = 0
    start: int = END
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM


def _key(entry: _Entry) -> tuple[int, str]:
    return len(entry.name), entry.name.upper()


def _chain(fat: list[int], first: int, count: int) -> None:
    for i in range(count):
        fat[first + i] = first + i + 1 if i < count - 1 else END


def compound_file(tree: _Entry) -> bytes:
    """The bytes of a compound file whose root storage is ``tree``."""
    entries: list[_Entry] = []

    def number(entry: _Entry) -> None:
        entry.sid = len(entries)
        entries.append(entry)
        for c in entry.children:
            number(c)
    number(tree)

    def link(nodes: list[_Entry]) -> int:
        if not nodes:
            return NOSTREAM
        nodes = sorted(nodes, key=_key)
        mid = len(nodes) // 2
        nodes[mid].left, nodes[mid].right = link(nodes[:mid]), link(nodes[mid + 1:])
        return nodes[mid].sid
    for e in entries:
        e.child = link(e.children)

    mini_stream, mini_fat = bytearray(), []
    big: list[_Entry] = []
    for e in entries:
        if e.kind != 2:
            continue
        if len(e.data) < CUTOFF:
            n = -(-len(e.data) // MINI)
            if n:
                e.start = len(mini_fat)
                mini_fat.extend([0] * n)
                _chain(mini_fat, e.start, n)
                mini_stream += e.data.ljust(n * MINI, b"\0")
        else:
            big.append(e)
    tree.data = bytes(mini_stream)

    body: list[bytes] = []  # sector contents in order
    fat: list[int] = []

    def place(data: bytes) -> int:
        n = max(1, -(-len(data) // SECTOR)) if data else 0
        if not n:
            return END
        start = len(fat)
        fat.extend([0] * n)
        _chain(fat, start, n)
        padded = data.ljust(n * SECTOR, b"\0")
        body.extend(padded[i:i + SECTOR] for i in range(0, len(padded), SECTOR))
        return start
    for e in big:
        e.start = place(e.data)
    tree.start = place(tree.data) if tree.data else END
    mini_fat_bytes = b"".join(struct.pack("<I", v) for v in mini_fat)
    mini_fat_bytes += struct.pack("<I", FREE) * ((-len(mini_fat)) % (SECTOR // 4))
    mini_fat_start = place(mini_fat_bytes) if mini_fat else END
    mini_fat_count = len(mini_fat_bytes) // SECTOR if mini_fat else 0

    def direntry(e: _Entry | None) -> bytes:
        if e is None:
            return b"\0" * 64 + struct.pack("<HBB3I16sI8s8sIII", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM,
                                             b"\0" * 16, 0, b"\0" * 8, b"\0" * 8, 0, 0, 0)
        name = e.name.encode("utf-16-le") + b"\0\0"
        size = len(e.data) if e.kind != 1 else 0
        start = e.start if e.kind != 1 else 0
        return (name.ljust(64, b"\0") + struct.pack("<HBB3I16sI8s8sIII", len(name), e.kind, 1, e.left, e.right,
                                                    e.child, b"\0" * 16, 0, b"\0" * 8, b"\0" * 8, start, size, 0))
    directory = b"".join(direntry(e) for e in entries)
    directory += b"".join(direntry(None) for _ in range((-len(entries)) % (SECTOR // 128)))
    dir_start = place(directory)

    # FAT sectors: enough to describe every sector including themselves.
    n_fat = 1
    while (len(fat) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    fat_start = len(fat)
    fat.extend([FATSECT] * n_fat)
    fat += [FREE] * ((-len(fat)) % (SECTOR // 4))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    body.extend(fat_bytes[i:i + SECTOR] for i in range(0, len(fat_bytes), SECTOR))
    difat = [fat_start + i for i in range(n_fat)] + [FREE] * (109 - n_fat)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH6sIIIIIIIII", 0x003E, 0x0003, 0xFFFE, 9, 6, b"\0" * 6, 0, n_fat, dir_start, 0,
                            CUTOFF, mini_fat_start, mini_fat_count, END, 0)
              + b"".join(struct.pack("<I", v) for v in difat))
    assert len(header) == SECTOR
    return header + b"".join(body)


# --- MS-OXMSG --------------------------------------------------------------------------------------------


def _stream(prop: int, ptype: int, data: bytes) -> _Entry:
    return _Entry(f"__substg1.0_{prop:04X}{ptype:04X}", 2, data)


def _props(values: list[tuple[int, int, object]], header: bytes) -> list[_Entry]:
    """The property streams and the ``__properties_version1.0`` stream for ``(id, type, value)`` rows."""
    table, streams = bytearray(header), []
    for prop, ptype, value in values:
        tag = struct.pack("<I", (prop << 16) | ptype)
        if ptype in (PT_UNICODE, PT_BINARY):
            data = value.encode("utf-16-le") + b"\0\0" if ptype == PT_UNICODE else value
            streams.append(_stream(prop, ptype, data if ptype == PT_BINARY else data[:-2]))
            table += tag + struct.pack("<IIi", 0x6, len(data), 0)
        elif ptype == PT_LONG:
            table += tag + struct.pack("<IiI", 0x6, value, 0)
        elif ptype == PT_SYSTIME:
            ticks = int((value - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10_000_000)
            table += tag + struct.pack("<IQ", 0x6, ticks)
    return [_Entry("__properties_version1.0", 2, bytes(table)), *streams]


def outlook_msg(*, sender: str, sender_email: str, to: list[tuple[str, str]], cc: list[tuple[str, str]],
                subject: str, body: str, sent: datetime, attachments: list[tuple[str, bytes]]) -> bytes:
    """An Outlook message (IPM.Note) with recipients, a plain-text body and attached files."""
    def addr(people):
        return ", ".join(f"{n} <{e}>" for n, e in people)
    headers = (f"From: {sender} <{sender_email}>\r\nTo: {addr(to)}\r\n" + (f"Cc: {addr(cc)}\r\n" if cc else "")
               + f"Subject: {subject}\r\nDate: {sent.strftime('%a, %d %b %Y %H:%M:%S +0000')}\r\n"
               f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
    recipients = [(n, e, 1) for n, e in to] + [(n, e, 2) for n, e in cc]
    root = _Entry("Root Entry", 5)
    root.children = _props([
        (0x001A, PT_UNICODE, "IPM.Note"), (0x0037, PT_UNICODE, subject), (0x1000, PT_UNICODE, body),
        (0x0C1A, PT_UNICODE, sender), (0x0C1F, PT_UNICODE, sender_email), (0x0E04, PT_UNICODE, "; ".join(
            n for n, _ in to)), (0x0E03, PT_UNICODE, "; ".join(n for n, _ in cc)),
        (0x007D, PT_UNICODE, headers), (0x0039, PT_SYSTIME, sent), (0x0E06, PT_SYSTIME, sent),
        (0x3FDE, PT_LONG, 65001),  # PR_INTERNET_CPID: UTF-8
    ], b"\0" * 8 + struct.pack("<IIII", len(recipients), len(attachments), len(recipients), len(attachments))
       + b"\0" * 8)
    for i, (name, email, rtype) in enumerate(recipients):
        root.children.append(_Entry(f"__recip_version1.0_#{i:08X}", 1, children=_props([
            (0x3001, PT_UNICODE, name), (0x3003, PT_UNICODE, email), (0x39FE, PT_UNICODE, email),
            (0x3002, PT_UNICODE, "SMTP"), (0x0C15, PT_LONG, rtype), (0x3000, PT_LONG, i)], b"\0" * 8)))
    for i, (filename, data) in enumerate(attachments):
        ext = "." + filename.rsplit(".", 1)[-1] if "." in filename else ""
        root.children.append(_Entry(f"__attach_version1.0_#{i:08X}", 1, children=_props([
            (0x3705, PT_LONG, 1), (0x3707, PT_UNICODE, filename), (0x3704, PT_UNICODE, filename[:12]),
            (0x3001, PT_UNICODE, filename), (0x3703, PT_UNICODE, ext), (0x3701, PT_BINARY, data),
            (0x0E21, PT_LONG, i)], b"\0" * 8)))
    root.children.append(_Entry("__nameid_version1.0", 1, children=[
        _Entry("__substg1.0_00020102", 2, b""), _Entry("__substg1.0_00030102", 2, b""),
        _Entry("__substg1.0_00040102", 2, b"")]))
    return compound_file(root)
