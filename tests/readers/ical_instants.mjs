// Reads .ics files with ical.js (the calendar engine of Thunderbird and Nextcloud) and prints,
// as JSON, every VEVENT with its start and end as UTC instants, taken from the file's own
// VTIMEZONE (ical.js has no time zone data of its own but UTC).
// Usage: node ical_instants.mjs <path to ical.js> <file.ics>...
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [library, ...files] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(library).href)).default;

function utc(time) {
  return time.convertToZone(ICAL.Timezone.utcTimezone).toString();
}

const out = {};
for (const file of files) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  out[file] = {
    method: root.getFirstPropertyValue("method"),
    timezones: root.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
    events: root.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        sequence: event.sequence,
        tzid: event.startDate.timezone || event.startDate.zone?.tzid,
        start: utc(event.startDate),
        end: utc(event.endDate),
        dtstamp: utc(vevent.getFirstPropertyValue("dtstamp")),
        status: vevent.getFirstPropertyValue("status"),
      };
    }),
  };
}
process.stdout.write(JSON.stringify(out));
