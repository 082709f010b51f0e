"""A small lexer for PDF object and content-stream syntax (ISO 32000-1 §7.2-7.3, §8.9.7).

Pure bytes in, plain values out: no PyMuPDF here. Used by ``pdf_verify`` to search only what
a reader can recover from a file (the *strings* in it), never its syntax (a proposed word "Page"
must not "match" the ``/Page`` type name), and by ``pdf_sanitise`` to find marked-content
sections (``BDC``/``BMC`` ... ``EMC``) and their property dictionaries in content streams.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_WS = frozenset(b" \t\r\n\f\x00")
_DELIM = frozenset(b"()<>[]{}/%")
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}
# Between the strings of one TJ array only kerning numbers may stand: those strings are one word.
_KERNING = re.compile(rb"^[\s\d.+\-]*$")


@dataclass(frozen=True)
class Token:
    """One lexical token: ``kind`` is str, hex, name, num_or_op, <<, >>, [, ] or inline_image."""

    kind: str
    start: int
    end: int
    value: bytes = b""


def _literal(data: bytes, i: int) -> tuple[bytes, int]:
    """Decode the literal string starting at ``data[i] == '('``; return value and end offset."""
    out = bytearray()
    depth = 1
    i += 1
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x5C:  # backslash
            i += 1
            if i >= n:
                break
            e = data[i]
            if e in _ESCAPES:
                out += _ESCAPES[e]
            elif 0x30 <= e <= 0x37:
                j = i
                while j < n and j < i + 3 and 0x30 <= data[j] <= 0x37:
                    j += 1
                out.append(int(data[i:j], 8) & 0xFF)
                i = j
                continue
            elif e in (0x0D, 0x0A):  # line continuation
                if e == 0x0D and i + 1 < n and data[i + 1] == 0x0A:
                    i += 1
            else:
                out.append(e)
            i += 1
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out.append(c)
        i += 1
    return bytes(out), n


def tokens(data: bytes) -> Iterator[Token]:
    """Lex ``data``; tolerant of damage (an unterminated string ends at the end of the data)."""
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c in _WS:
            i += 1
        elif c == 0x25:  # % comment
            while i < n and data[i] not in (0x0A, 0x0D):
                i += 1
        elif c == 0x28:
            value, end = _literal(data, i)
            yield Token("str", i, end, value)
            i = end
        elif c == 0x3C:
            if data[i + 1 : i + 2] == b"<":
                yield Token("<<", i, i + 2)
                i += 2
                continue
            end = data.find(b">", i)
            end = n if end < 0 else end + 1
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", data[i + 1 : end - 1])
            yield Token("hex", i, end, bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()))
            i = end
        elif c == 0x3E:
            if data[i + 1 : i + 2] == b">":
                yield Token(">>", i, i + 2)
                i += 2
            else:
                i += 1
        elif c in (0x5B, 0x5D):
            yield Token(chr(c), i, i + 1)
            i += 1
        elif c == 0x2F:
            j = i + 1
            while j < n and data[j] not in _WS and data[j] not in _DELIM:
                j += 1
            yield Token("name", i, j, data[i + 1 : j])
            i = j
        else:
            j = i
            while j < n and data[j] not in _WS and data[j] not in _DELIM:
                j += 1
            j = max(j, i + 1)
            word = data[i:j]
            yield Token("num_or_op", i, j, word)
            i = j
            if word == b"ID":  # inline image data: binary up to whitespace + EI + whitespace
                m = re.compile(rb"\sEI(?=[\s]|$)").search(data, i + 1)
                end = n if m is None else m.end()
                yield Token("inline_image", i, end)
                i = end


def decode_text(raw: bytes) -> str:
    """A PDF text string as text: UTF-16BE with its BOM, UTF-8 with its BOM, else Latin-1."""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")


def readable_strings(data: bytes) -> str:
    """Every string in ``data`` decoded, nothing of the syntax around them.

    Strings separated only by kerning numbers (one ``TJ`` array) are joined without a space, so
    a name shown as ``[(Jo) -20 (hn)] TJ`` reads "John"; other strings are separated by spaces.
    """
    parts: list[str] = []
    last_end: int | None = None
    for tok in tokens(data):
        if tok.kind not in ("str", "hex"):
            continue
        text = decode_text(tok.value)
        if last_end is not None and _KERNING.match(data[last_end : tok.start].replace(b"[", b"")):
            parts.append(text)
        else:
            parts.append(" " + text)
        last_end = tok.end
    return "".join(parts)


@dataclass(frozen=True)
class Section:
    """A marked-content section ``start..end`` (operands of BDC/BMC through the EMC operator).

    ``tag`` is the tag name; ``props`` the name of a property list in the resources
    (``/OC /MC0 BDC``), or None; ``inline`` the byte range of an inline property dictionary.
    """

    start: int
    end: int
    tag: bytes
    props: bytes | None
    inline: tuple[int, int] | None


def marked_sections(data: bytes) -> list[Section]:
    """All marked-content sections of a content stream, outer before inner, unbalanced ones closed at the end."""
    out: list[Section] = []
    stack: list[tuple[int, bytes, bytes | None, tuple[int, int] | None]] = []
    operands: list[Token] = []
    dict_depth = 0
    dict_start = 0
    inline: tuple[int, int] | None = None
    for tok in tokens(data):
        if tok.kind == "<<":
            if dict_depth == 0:
                dict_start = tok.start
            dict_depth += 1
            continue
        if tok.kind == ">>":
            dict_depth = max(0, dict_depth - 1)
            if dict_depth == 0:
                inline = (dict_start, tok.end)
                operands.append(Token("dict", dict_start, tok.end))
            continue
        if dict_depth:
            continue
        if tok.kind != "num_or_op" or not tok.value[:1].isalpha() and tok.value[:1] not in (b"'", b'"'):
            operands.append(tok)
            continue
        op = tok.value
        if op in (b"BDC", b"BMC"):
            first = operands[0].start if operands else tok.start
            tag = next((t.value for t in operands if t.kind == "name"), b"")
            names = [t for t in operands if t.kind == "name"]
            props = names[1].value if op == b"BDC" and len(names) > 1 else None
            has_dict = op == b"BDC" and bool(operands) and operands[-1].kind == "dict"
            stack.append((first, tag, props, inline if has_dict else None))
        elif op == b"EMC" and stack:
            first, tag, props, inl = stack.pop()
            out.append(Section(first, tok.end, tag, props, inl))
        operands = []
        inline = None
    while stack:
        first, tag, props, inl = stack.pop()
        out.append(Section(first, len(data), tag, props, inl))
    out.sort(key=lambda s: (s.start, -s.end))
    return out
