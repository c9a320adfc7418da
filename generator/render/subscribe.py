"""Links that let residents subscribe to a feed once and see every change."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from generator.render.outputs import SiteConfig


@dataclass(frozen=True)
class SubscribeLinks:
    """The ways to reach one feed."""

    https: str
    """The plain address to copy into Outlook or any calendar app."""
    webcal: str
    """Opens the device's calendar app and subscribes (Apple, Outlook desktop)."""
    google: str
    """Adds the subscription in Google Calendar (on the web; phones then sync it)."""
    outlook: str
    """Adds the subscription in Outlook.com (Outlook on the web for personal accounts)."""


def links(config: SiteConfig, feed_path: str, name: str = "") -> SubscribeLinks:
    """Subscribe links for the feed at ``feed_path`` (a path from :mod:`generator.render.urls`)."""
    https = config.url(feed_path)
    webcal = "webcal://" + https.split("://", 1)[1]
    google = "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe="")
    outlook = "https://outlook.live.com/calendar/0/addfromweb?" + urlencode(
        {"url": https, "name": name or config.site_name}, quote_via=quote
    )
    return SubscribeLinks(https=https, webcal=webcal, google=google, outlook=outlook)
