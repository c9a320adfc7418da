"""Panels, their officers, and the venues where they meet."""

from __future__ import annotations

from decimal import Decimal

from pydantic import ConfigDict

from generator.models import cross_field
from generator.models.areas import Minutes, WardArea
from generator.models.fields import (
    Email,
    Flag,
    LongText,
    Model,
    Number,
    Phone,
    ReviewMark,
    Slug,
    Text,
)
from generator.models.links import HttpsUrl


class SocialLink(Model):
    """A public channel where residents can follow or message the officers."""

    label: Text
    """What the channel is called, e.g. `Nextdoor` or `X (Twitter)`."""
    url: HttpsUrl
    """The https:// address of the channel's page."""


class Contact(Model):
    """How the public reaches someone. Only what the force publishes on purpose."""

    email: Email | None = None
    """A public email address (a team mailbox is better than a personal one)."""
    phone: Phone | None = None
    """A public phone number, in quotes, e.g. "101"."""
    social: tuple[SocialLink, ...] = ()
    """Public social channels such as Nextdoor."""


class Officer(Model):
    """A ward officer (or other named contact) for a panel's area."""

    name: Text
    """The officer's name as the force publishes it, e.g. `PC Jane Smith`."""
    role: Text | None = None
    """The role residents will see; leave out for the wording catalogue's `ward_officer`."""
    wards: tuple[Text, ...] = ()
    """The wards this officer looks after, if not all of the panel's wards."""
    contact: Contact = Contact()
    """How residents contact this officer."""
    reviewed_personal_data: ReviewMark | None = None
    """Only after checking that this officer's text flagged as personal data (a personal
    mailbox, a mobile number) is fine to publish: the line the message gives. The panel's own
    line does not cover its officers."""


class Panel(Model):
    """One panel: a group of wards that meets together."""

    model_config = Model.model_config | ConfigDict(
        json_schema_extra=cross_field.editor_schema(cross_field.RESERVED_PANEL_ID)
    )

    id: Slug
    """Permanent id. It appears in page and calendar addresses: never change it once published."""
    name: Text
    """The panel's display name, e.g. `North`. Change it freely: addresses use the id."""
    summary: LongText | None = None
    """A sentence or two about the area, shown on the panel's page."""
    wards: tuple[Text, ...] = ()
    """The wards this panel covers, as residents know them."""
    areas: tuple[WardArea, ...] = ()
    """Postcodes and streets of each ward, for "find your panel". Leave out what is not known."""
    meeting_length: Minutes | None = None
    """How long the panel's meetings usually last, in minutes, e.g. 90. Calendars then show a
    finish time (said to be approximate) for meetings without a published end time."""
    officers: tuple[Officer, ...] = ()
    """The ward officers for this panel."""
    contact: Contact = Contact()
    """How to contact the panel's team as a whole."""
    questionnaire_url: HttpsUrl | None = None
    """The survey asking residents which topics to discuss at the next meeting."""
    crime_data_url: HttpsUrl | None = None
    """Published crime figures for this area (e.g. the police.uk page for the neighbourhood)."""
    reviewed_personal_data: ReviewMark | None = None
    """Only after checking that text flagged as personal data is fine to publish: the line the
    message gives (`pd-` and ten letters and digits). It covers the text as it was checked."""


class Address(Model):
    """A postal address."""

    lines: tuple[Text, ...] = ()
    """The address lines, first line first, without the venue's name or the postcode."""
    locality: Text | None = None
    """The town or city, if not the one in publisher.yaml, e.g. `Northtown`."""
    postcode: Text | None = None
    """The postcode, e.g. `NT1 2AB`. Leave out if not confirmed."""


class Coordinates(Model):
    """A point on the map (WGS 84), for map links."""

    latitude: Number
    """Degrees north, e.g. 51.5115."""
    longitude: Number
    """Degrees east (negative for west), e.g. -0.0929."""

    def in_range(self) -> bool:
        """Whether the point lies on Earth at all."""
        return abs(self.latitude) <= Decimal(90) and abs(self.longitude) <= Decimal(180)


class Access(Model):
    """Access facts. Leave a fact out when it is not known: the site then says so."""

    step_free: Flag | None = None
    """true if there is a step-free route from the street to the meeting room."""
    step_free_note: LongText | None = None
    """Details of the step-free route, e.g. which entrance has the lift."""
    hearing_loop: Flag | None = None
    """true if the meeting room has a working hearing loop."""
    accessible_toilet: Flag | None = None
    """true if there is an accessible toilet."""
    interpreter_on_request: Flag | None = None
    """true if a BSL or other interpreter can be booked on request."""
    how_to_request: LongText | None = None
    """How to ask for an interpreter or other adjustment, and how much notice is needed."""
    nearest_stations: tuple[Text, ...] = ()
    """Nearest stations, e.g. `Northtown (rail)`."""
    getting_in: LongText | None = None
    """How to get in: the entrance, who to ask at reception, door codes that are public."""


class Venue(Model):
    """A place where panels meet."""

    id: Slug
    """Permanent id that meetings use to name this venue."""
    name: Text
    """The venue's name, e.g. `Northtown Community Hall`."""
    address: Address
    """The venue's address."""
    access: Access = Access()
    """What a disabled visitor needs to know before setting out."""
    coordinates: Coordinates | None = None
    """Optional map position."""
    reviewed_personal_data: ReviewMark | None = None
    """Only after checking that text flagged as personal data is fine to publish: the line the
    message gives (`pd-` and ten letters and digits). It covers the text as it was checked."""
