"""Links staff type: any public https:// page, and a Microsoft Teams joining link.

Both are refused unless they are plainly what they claim to be: a look-alike host, a hidden
real address, a port or a path that steps out of Teams' joining path is an error, not a link.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import unquote, urlsplit

from pydantic import BeforeValidator, WithJsonSchema

from generator.load.errors import INVISIBLE
from generator.models.fields import char_name, fail, text_of

TEAMS_LINKS: dict[str, tuple[str, ...]] = {
    "teams.microsoft.com": ("/l/meetup-join/", "/meet/"),
    "teams.live.com": ("/meet/",),
}
"""The only hosts a joining link may point at, and the paths each uses for joining.

Anything else, however alike (``teams.microsoft.com.evil.com``), is refused.
"""

_PRIVATE_SUFFIXES = (
    ".sharepoint.com",
    ".local",
    ".internal",
    ".intranet",
    ".lan",
    ".corp",
    ".home",
)
"""Hosts only staff on the force's own network (or signed in to its Microsoft 365) can open."""
_PRIVATE_LABELS = frozenset({"intranet", "sharepoint", "localhost"})
_IP = re.compile(r"[0-9.]+|\[[0-9a-f:.]+\]", re.IGNORECASE)

_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
# Characters a link never holds unencoded (RFC 3986): they are signs of a paste gone wrong.
_NOT_IN_LINKS = frozenset('<>"{}|^`\\')


def parse_https(value: Any) -> str:
    """A public ``https://`` address, exactly as typed, or the reason it cannot be one."""
    text = text_of(value, "a link")
    for char in text:
        if char.isspace() or char in _NOT_IN_LINKS or unicodedata.category(char) in INVISIBLE:
            shown = (
                "a space" if char == " " else f"`{char}`" if char.isprintable() else char_name(char)
            )
            fail(
                f"the link holds {shown}, which links never contain",
                "copy the link again from the browser's address bar",
            )
    try:
        parts = urlsplit(text)
    except ValueError:
        fail(f"`{text}` is not a valid link", "copy the link again from the browser's address bar")
    if parts.scheme != "https":
        fail(f"`{text}` is not an https:// link", "use the https:// address of the page")
    if "@" in parts.netloc:
        fail(f"`{text}` hides its real address behind an @", "copy the link again")
    if ":" in parts.netloc:
        fail(f"`{text}` names a port", "remove the `:number` after the host name")
    host = parts.hostname or ""
    if parts.scheme == "https":
        _refuse_private(text, host, parts.netloc)
    if not _HOST.fullmatch(host):
        fail(
            f"`{text}` has no valid host name", "copy the link again from the browser's address bar"
        )
    if any(label.startswith("xn--") for label in host.split(".")):
        # Punycode spells look-alikes in other scripts: `xn--80ak6aa92e.com` shows as
        # 'apple.com' written in Cyrillic letters.
        fail(
            f"`{text}` uses an internationalised host name (xn--), which can imitate another site",
            "link to the organisation's usual address",
        )
    return text


def _refuse_private(text: str, host: str, netloc: str) -> None:
    """Refuse an address residents cannot open: an IP address, SharePoint, an intranet."""
    fix = "publish the document on the force's public website and link to that page"
    if _IP.fullmatch(netloc.rsplit("@", 1)[-1]):
        fail(f"`{text}` is an IP address, which residents cannot open", fix)
    if host.endswith(_PRIVATE_SUFFIXES) or _PRIVATE_LABELS & set(host.split(".")):
        fail(
            f"`{text}` is on a private network (SharePoint or an intranet), "
            "which residents cannot open",
            fix,
        )


def parse_teams(value: Any) -> str:
    """A link that joins a Teams meeting (see ``TEAMS_LINKS``), or why it is not one."""
    text = parse_https(value)
    parts = urlsplit(text)
    prefixes = TEAMS_LINKS.get(parts.hostname or "", ())
    prefix = next((p for p in prefixes if parts.path.startswith(p)), None)
    # Decoded, `%2e%2e/` is `../` and `%2f` is `/`: either would step out of the joining path.
    rest = unquote(parts.path[len(prefix) :]) if prefix else ""
    if prefix is None or not rest.strip("/") or "\\" in rest or {".", ".."} & set(rest.split("/")):
        fail(
            f"`{text}` is not a Microsoft Teams joining link",
            "copy the 'Join the meeting now' link from the Teams invitation "
            "(it starts https://teams.microsoft.com/l/meetup-join/ or https://teams.microsoft.com/meet/)",
        )
    return text


HttpsUrl = Annotated[
    str,
    BeforeValidator(parse_https),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://\\S+$"}),
]
TeamsUrl = Annotated[
    str,
    BeforeValidator(parse_teams),
    WithJsonSchema(
        {
            "type": "string",
            "format": "uri",
            "pattern": "^https://(teams\\.microsoft\\.com/(l/meetup-join|meet)/|teams\\.live\\.com/meet/)",
        }
    ),
]
