"""Bytes to text, or a reason why the bytes are not text.

Accepts UTF-8 (with or without BOM) and UTF-16/UTF-32 with a BOM; normalises line
endings to "\\n" and the text to NFC. Anything else is refused rather than guessed,
so binary data never turns into mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
MAX_CONTROL_SHARE = 0.001


class NotText(ValueError):
    """The bytes are not text in a supported encoding; the message says why."""


def decode(data: bytes) -> str:
    """The text in `data`, NFC-normalised with "\\n" line endings; raises NotText."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, data = name, data[len(bom):]
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise NotText(
            f"not {encoding.upper()} text (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None
    controls = len(_CONTROL.findall(text))
    if controls and ("\x00" in text or controls > MAX_CONTROL_SHARE * len(text)):
        raise NotText(f"binary content ({controls} control characters)")
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))
