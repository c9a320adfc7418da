"""How hard the force's own public text is to read, sentence by sentence (advisory only).

GOV.UK writes for a reading age of about 9; the committee's minutes ask for the same. We
measure each sentence with textstat's Flesch-Kincaid grade (reading age = grade + 5): a
well-kept library, so the formula and its syllable counts are not ours to maintain.
One sentence's score moves by two or three years with a single long word ("Officers
patrolled the station approach at peak times." scores 11), so only sentences that read
clearly above the target, and are long enough to score fairly, are named.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

TARGET_AGE = 9
"""GOV.UK's plain-English aim."""
ADVISE_FROM_AGE = 14
"""Named when a sentence's reading age is this or more: clearly above the target."""
MIN_WORDS = 8
"""Shorter sentences score too unevenly to judge."""
FIELDS = {
    "meetings.yaml": ("meetings", ("status_reason",)),
    "actions.yaml": ("actions", ("did", "status_reason")),
}
"""The public text the force writes itself (what residents said is quoted, never judged)."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def reading_age(sentence: str) -> float:
    """The sentence's reading age in years (Flesch-Kincaid grade + 5)."""
    # Imported on first use: textstat (and the pkg_resources it imports) costs half a second,
    # which every check, diff and build would pay for a score only `warnings` asks for.
    # textstat 0.7.4 (the pinned one) imports pkg_resources, whose DeprecationWarning prints as
    # a traceback-shaped block that staff read as a crash; it says nothing about their data.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "pkg_resources is deprecated", DeprecationWarning)
        import textstat  # type: ignore[import-untyped]  # ships no type hints

    return float(textstat.flesch_kincaid_grade(sentence)) + 5


def hard_sentences(text: str) -> Iterator[tuple[str, int]]:
    """Each long sentence of ``text`` that reads at ``ADVISE_FROM_AGE`` or above, with its age."""
    for sentence in _SENTENCE_END.split(" ".join(text.split())):
        if len(sentence.split()) >= MIN_WORDS:
            age = round(reading_age(sentence))
            if age >= ADVISE_FROM_AGE:
                yield sentence, age
