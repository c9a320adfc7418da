"""Hand-written pages and mkdocs.yml take the force's words from the wording catalogue."""

from __future__ import annotations

import pytest

from generator.models.publisher import Wording
from generator.render.handwritten import UnknownPlaceholder, worded


def test_placeholders_take_the_catalogue_words_with_capitals() -> None:
    words = Wording(panel="community safety meeting", panels="community safety meetings")
    text = "# About the {{ words.panels }}\n\n{{ words.panels | capital }} meet. {{ log_name }}"
    assert worded(text, words) == (
        '# About the community safety meetings\n\nCommunity safety meetings meet. "you said, we did"'
    )


def test_values_are_escaped_for_markdown_but_not_for_titles() -> None:
    words = Wording(panel="*panel* [x](y)")
    assert worded("{{ words.panel }}", words) == r"\*panel\* \[x\]\(y\)"
    assert worded("{{ words.panel }}", words, markdown=False) == "*panel* [x](y)"


def test_an_unknown_placeholder_is_refused_with_the_choices() -> None:
    with pytest.raises(UnknownPlaceholder) as caught:
        worded("{{ words.panle }}", Wording())
    assert str(caught.value).startswith(
        "`{{ words.panle }}` is not one of the words: use {{ log_name }}, {{ words.business_meeting }}"
    )
