"""The publisher's identity: who publishes the site, for which area, with which partners.

Every sentence that names a force, a place, a council or a committee takes its words from
here (data/publisher.yaml), so the code and templates name no force at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from generator.models.accessibility import AccessibilityStatement
from generator.models.areas import Minutes
from generator.models.fields import Email, Flag, Model, Phone, Slug, Text
from generator.models.links import HttpsUrl
from generator.vocabulary import DEFAULT_WORDING


class Force(Model):
    """The police force that publishes the site."""

    name: Text
    """The force's full name, e.g. `Northshire Police`. Shown as the organiser of every meeting."""
    short_name: Text
    """A short name where space is tight, e.g. `Northshire`."""


class Area(Model):
    """The area the panels cover and its council."""

    name: Text
    """The area as it reads inside a sentence, e.g. `the County of Northshire`."""
    local_authority: Text
    """The council's name, e.g. `Northshire County Council`."""
    wards: Text = "wards"
    """How a sentence names the area's wards, e.g. `county wards` (a group of county wards)."""
    locality: Text | None = None
    """The town or city of postal addresses, e.g. `Northtown`. Leave out if venues differ."""


class Department(Model):
    """A department or team of a partner, named in its own right when it attends a meeting."""

    id: Slug
    """Permanent id that `partners_present:` in meetings.yaml uses, e.g. `environment`."""
    name: Text
    """Its name as residents read it after the partner's, e.g. `Environment`."""


class Partner(Model):
    """An organisation a topic or an action can be assigned to (a remit), or that attends."""

    id: Slug
    """Permanent id that `remit:` in meetings.yaml and actions.yaml uses, e.g. `county-council`."""
    name: Text
    """The name residents see, e.g. `Northshire County Council`."""
    police: Flag = False
    """true for a police force (the publishing force, transport police)."""
    named_partner: Flag = False
    """true for the catch-all 'another partner': topics name it (`partner:`), actions (`owner:`)."""
    attends_only: Flag = False
    """true for a partner that attends meetings but is never a topic's or an action's remit,
    e.g. community safety officers."""
    departments: tuple[Department, ...] = ()
    """Its departments or teams that attend meetings in their own name, each with its own id,
    e.g. a council's `Environment` department."""


class GeneralContact(Model):
    """How any resident reaches the force when a page has no closer contact yet."""

    phone: Phone | None = None
    """A public phone number, in quotes, e.g. "101"."""
    email: Email | None = None
    """A public team mailbox, e.g. `panels@northshire.police.example`."""
    web_form: HttpsUrl | None = None
    """The https:// address of the force's online contact form."""


class Wording(Model):
    """Words a force might say otherwise: the one catalogue every page, feed, download, search
    record and message reads. Write each inside a sentence (lower case unless a name); a
    sentence or title that starts with one gets its capital from the build."""

    panel: Text = DEFAULT_WORDING["panel"]
    """What one panel is called inside a sentence, e.g. `community safety meeting`. A panel's
    full name is its name then this, e.g. `Hilltop community safety meeting`."""
    panels: Text = DEFAULT_WORDING["panels"]
    """The same, for more than one, e.g. `community safety meetings`."""
    log: Text = DEFAULT_WORDING["log"]
    """The name of the log of what residents raised and what was done, inside a sentence,
    e.g. `problem-solving log`."""
    log_quoted: Flag = True
    """true when sentences put the log's name in quotation marks (a phrase such as "you
    said, we did" reads better quoted); false for a plain name such as `problem-solving log`."""
    said: Text = DEFAULT_WORDING["said"]
    """What an entry's first half is headed, before what the resident raised, e.g. `Raised`."""
    did: Text = DEFAULT_WORDING["did"]
    """What its second half is headed, before what was done, e.g. `Action taken`."""
    ward_officer: Text = DEFAULT_WORDING["ward_officer"]
    """The role of a panel's named police officer, e.g. `Neighbourhood Officer`."""
    ward_officers: Text = DEFAULT_WORDING["ward_officers"]
    """The same, for more than one."""
    ward_officer_short: Text = DEFAULT_WORDING["ward_officer_short"]
    """The role's short form, as reports abbreviate it, e.g. `NO`."""
    business_meeting: Text = DEFAULT_WORDING["business_meeting"]
    """What one business meeting is called inside a sentence (its title takes a capital)."""
    business_meetings: Text = DEFAULT_WORDING["business_meetings"]
    """The same, for more than one."""
    local_time: Text = DEFAULT_WORDING["local_time"]
    """How calendar descriptions name the time zone, e.g. `UK time`."""
    find_panel: Text = DEFAULT_WORDING["find_panel"]
    """The title of the page (and menu item) where residents find their panel from a
    postcode, street or ward, e.g. `Find your local meeting`."""
    elsewhere: Text = DEFAULT_WORDING["elsewhere"]
    """The name of the national service where someone outside the area finds their own
    neighbourhood police team, e.g. `police.uk`."""
    elsewhere_url: HttpsUrl = DEFAULT_WORDING["elsewhere_url"]
    """Its https:// address, linked (never fetched) when a postcode is outside the area."""
    changes_feed: Text = DEFAULT_WORDING["changes_feed"]
    """The feed of what changed, after the site's name in readers' lists, e.g. `news`."""
    change_new: Text = DEFAULT_WORDING["change_new"]
    """Before a new meeting's name in that feed, e.g. `just announced`."""
    change_changed: Text = DEFAULT_WORDING["change_changed"]
    """Before a moved or changed meeting's name in that feed, e.g. `updated`."""
    change_record: Text = DEFAULT_WORDING["change_record"]
    """Before a meeting's name when its record (attendance, topics, minutes) is published."""
    change_record_summary: Text = DEFAULT_WORDING["change_record_summary"]
    """That entry's summary, before the names of its papers."""
    change_entry: Text = DEFAULT_WORDING["change_entry"]
    """Before the log's name when an entry is added to it."""
    change_entry_done: Text = DEFAULT_WORDING["change_entry_done"]
    """Before the log's name when an entry is marked done."""
    change_figures: Text = DEFAULT_WORDING["change_figures"]
    """Before a quarter when its figures are published, e.g. `figures out`."""

    def panel_title(self, name: str) -> str:
        """A panel's full name, e.g. `Bank` → `Bank` + the panel noun."""
        return f"{name} {self.panel}"

    def log_phrase(self, mark: str = '"', *, start: bool = False) -> str:
        """The log's name inside a sentence, quoted with ``mark`` when the force quotes it;
        ``start`` gives it the capital of a sentence's first word."""
        name = capital(self.log) if start else self.log
        return f"{mark}{name}{mark}" if self.log_quoted else name


class Publisher(Model):
    """data/publisher.yaml: who publishes the site, for which area, with which partners."""

    force: Force
    """The publishing police force."""
    area: Area
    """The area and its council."""
    committee: Text
    """The committee that receives the quarterly figures, with its full name."""
    partners: tuple[Partner, ...]
    """Everyone a topic or action can be assigned to (`remit:`), in the order pages list them."""
    contact: GeneralContact = GeneralContact()
    """The general contact offered wherever a closer one is not yet published."""
    crime_data_url: HttpsUrl | None = None
    """Published crime figures for the whole area, offered when a panel has no link of its own."""
    wording: Wording = Wording()
    """Wording that differs between forces."""
    meeting_length: Minutes = 90
    """How long meetings usually last, in minutes, where a panel sets no `meeting_length` of its
    own (90 unless set). A meeting with no published end time then ends this long after its
    start in calendars, and its calendar entry says the finish time is approximate."""
    accessibility: AccessibilityStatement | None = None
    """The accessibility statement's contact, enforcement and testing facts (until set, the
    statement shows placeholders and the deploy refuses)."""

    @property
    def remits(self) -> Mapping[str, str]:
        """Partner id → the name residents see, in the configured order (attending-only ones
        are never a remit)."""
        return MappingProxyType({p.id: p.name for p in self.partners if not p.attends_only})

    def partner(self, remit: str) -> Partner | None:
        """The configured partner with this id that can be a remit, if any."""
        return next((p for p in self.partners if p.id == remit and not p.attends_only), None)

    @property
    def attendees(self) -> Mapping[str, str]:
        """Every id `partners_present:` may name (partners and their departments) → how it
        reads, e.g. `Northshire County Council (Environment)`, in the configured order."""
        named: dict[str, str] = {}
        for p in self.partners:
            if p.named_partner:  # "another partner" names no one: add the partner instead
                continue
            named[p.id] = p.name
            named.update((d.id, f"{p.name} ({d.name})") for d in p.departments)
        return MappingProxyType(named)

    def own_partner(self) -> Partner | None:
        """The publishing force as a partner (the police partner with the force's name): it runs
        every meeting, so it is never listed as present."""
        return next((p for p in self.partners if p.police and p.name == self.force.name), None)

    def present(self, ids: Sequence[str]) -> tuple[tuple[Partner, tuple[Department, ...]], ...]:
        """The partners ``ids`` name, in the configured order, each with its named departments."""
        found = []
        for p in self.partners:
            departments = tuple(d for d in p.departments if d.id in ids)
            if p.id in ids or departments:
                found.append((p, departments))
        return tuple(found)

    def panel_title(self, name: str) -> str:
        """A panel's full name as residents read it: its name, then the panel noun."""
        return self.wording.panel_title(name)

    def log_title(self) -> str:
        """The log's name as a title (a capital first letter, never quoted)."""
        return capital(self.wording.log)

    def default_site_name(self) -> str:
        """The site's name where none is configured: the force's name, then its panels' name."""
        return f"{self.force.name} {self.wording.panels}"

    def business_title(self) -> str:
        """A business meeting's title: the wording with a capital first letter."""
        return capital(self.wording.business_meeting)

    def business_group(self) -> str:
        """The title of the business meetings as a group (their log)."""
        return capital(self.wording.business_meetings)

    def has_contact(self) -> bool:
        """Whether any general contact (phone, email or web form) is configured."""
        c = self.contact
        return bool(c.phone or c.email or c.web_form)


def capital(text: str) -> str:
    """The text with a capital first letter, for the start of a sentence or title."""
    return text[:1].upper() + text[1:]


PUBLISHER_FILE = "publisher.yaml"
"""The publisher's configuration file, inside the data folder."""
