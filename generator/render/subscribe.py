"""Links that let residents subscribe to a feed once and see every change."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from generator.render.outputs import SiteConfig


@dataclass(frozen=True)
class SubscribeLinks:
    """The ways to reach one feed."""

    https: str
    """The plain address to copy into Outlook or any calendar app."""
    webcal: str
    """Opens the device's calendar app and subscribes (Apple, Outlook desktop)."""
    google: str
    """Adds the subscription in Google Calendar."""


def links(config: SiteConfig, feed_path: str) -> SubscribeLinks:
    """Subscribe links for the feed at ``feed_path`` (a path from :mod:`generator.render.urls`)."""
    https = config.url(feed_path)
    webcal = "webcal://" + https.split("://", 1)[1]
    google = "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe="")
    return SubscribeLinks(https=https, webcal=webcal, google=google)
