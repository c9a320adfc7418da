// Parse every .ics file under a folder with Mozilla's ical.js and print what it reads, as JSON.
//
//   node tests/js/ics_times.mjs <path to ical.js's dist/ical.js> <folder>
//
// Each file's VTIMEZONE is registered before its events are read, so the UTC instants
// printed come from the file's own time zone definition, not from any built-in table.
// Run with TZ set to a zone far from London: a TZID ical.js failed to resolve would be
// read as floating time in that zone and show up as a wrong instant.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

const [modulePath, root] = process.argv.slice(2);
if (!modulePath || !root) {
  console.error("usage: node ics_times.mjs <ical.js module> <folder>");
  process.exit(2);
}
const ICAL = (await import(pathToFileURL(modulePath).href)).default;

function* icsFiles(folder) {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* icsFiles(path);
    else if (name.endsWith(".ics")) yield path;
  }
}

const text = (component, name) => {
  const value = component.getFirstPropertyValue(name);
  return value === null ? null : String(value);
};

const result = {};
for (const path of icsFiles(root)) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  const zones = calendar.getAllSubcomponents("vtimezone");
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startZone: event.startDate.zone ? event.startDate.zone.tzid : null,
      sequence: event.sequence,
      status: text(component, "status"),
      summary: event.summary,
      location: event.location,
      url: text(component, "url"),
      conferences: component.getAllProperties("conference").map((p) => String(p.getFirstValue())),
    };
  });
  result[relative(root, path).split("\\").join("/")] = {
    name: text(calendar, "name"),
    xWrCalname: text(calendar, "x-wr-calname"),
    method: text(calendar, "method"),
    zones: zones.map((zone) => zone.getFirstPropertyValue("tzid")),
    events,
  };
  for (const zone of zones) ICAL.TimezoneService.remove(zone.getFirstPropertyValue("tzid"));
}
process.stdout.write(JSON.stringify(result));
