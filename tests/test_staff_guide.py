"""The staff guide's table of messages and the messages the code prints cannot drift apart."""

from __future__ import annotations

from guide_messages import asserted_messages, corpus_messages, guide_rows, matches


def test_every_message_in_the_guide_is_one_the_code_prints() -> None:
    real = asserted_messages()
    stale = [row for row in guide_rows() if not any(matches(row, m) for m in real)]
    assert stale == [], "the guide shows messages the code no longer prints: update the table"


def test_every_message_of_the_bad_input_corpus_is_explained_in_the_guide() -> None:
    rows = guide_rows()
    missing = sorted({m for m in corpus_messages() if not any(matches(r, m) for r in rows)})
    assert missing == [], "add a row to the guide's table for each of these messages"


def test_a_changed_wording_is_caught() -> None:
    row = "`venu` is not a field here — did you mean `venue`?"
    assert matches(
        row,
        "data/m.yaml at `statsu: x`: meetings[a].statsu: `statsu` is not a field here — did you mean `status`?",
    )
    assert not matches(
        row,
        "data/m.yaml at `statsu: x`: meetings[a].statsu: `statsu` is not known — did you mean `status`?",
    )
