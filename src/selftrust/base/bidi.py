"""The person's own text inside a sentence of ours keeps its own direction.

A title, a next step or a device name may be Hebrew or Arabic in an English window, or
English in an Arabic one. Set straight into a translated sentence ("“{title}” is on
tomorrow’s list."), its letters would pull the quotes, numbers and full stops around it
into their own direction; worse, a line takes its direction from its first strong
letter (Qt reads each paragraph so, like every Unicode bidi renderer), so an English
sentence that opens with a Hebrew title would be laid out right to left as a whole.

Wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (Unicode's UAX #9
"isolates"), the inserted text finds its direction from its own first strong letter and
is one neutral block to the sentence around it: both keep their order, whichever way
each is written. The marks are invisible and take no room.

Only for text placed *inside* a sentence or a line we compose: a label or text box that
holds nothing but the person's text finds its direction by itself. Never for machine
output (``--json``, exports, file names), where the text must stay exactly as written.
No Qt here, so any layer may use it.
"""

from __future__ import annotations

import re

FSI = "\u2068"  # FIRST STRONG ISOLATE: what follows takes the direction of its first letter
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE: the end of the isolated text
ISOLATES = frozenset((FSI, PDI, "\u2066", "\u2067"))  # with LRI and RLI

# A paragraph ends every isolate (UAX #9, BD8), so each line is isolated on its own.
_LINES = re.compile(r"(\r\n|[\n\r\x85\u2028\u2029])")


def isolate(text: str) -> str:
    """``text`` as one block of its own direction, to set inside a sentence.

    ``_("“{title}” is paused.").format(title=isolate(title))``. Each line of a text of
    several lines is isolated by itself; an empty text stays empty.
    """
    if not text:
        return text
    parts = _LINES.split(text)
    # parts alternate text and line breaks: text at even places
    return "".join(part if n % 2 else f"{FSI}{part}{PDI}" for n, part in enumerate(parts))


def without_isolates(text: str) -> str:
    """The text with the isolating marks taken out: what a person reads, to compare."""
    return "".join(c for c in text if c not in ISOLATES)
