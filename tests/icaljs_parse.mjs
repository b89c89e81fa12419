// Parse calendar files with Mozilla's ical.js (Thunderbird's parser) and print what
// it understood as JSON: node icaljs_parse.mjs ICAL_JS_DIR FILE...
// Every VTIMEZONE in a file is registered first, so start/end come out in UTC as
// ical.js computes them from the file's own time-zone rules.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [dir, ...files] = process.argv.slice(2);
const { default: ICAL } = await import(pathToFileURL(join(dir, "dist", "ical.js")).href);

const out = {};
for (const file of files) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const tz of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(tz);
  }
  out[file] = {
    name: root.getFirstPropertyValue("x-wr-calname"),
    method: root.getFirstPropertyValue("method"),
    events: root.getAllSubcomponents("vevent").map((c) => {
      const ev = new ICAL.Event(c);
      return {
        uid: ev.uid,
        summary: ev.summary,
        description: ev.description,
        location: ev.location,
        sequence: ev.sequence,
        status: c.getFirstPropertyValue("status"),
        allDay: ev.startDate.isDate,
        start: ev.startDate.isDate ? ev.startDate.toString() : ev.startDate.toJSDate().toISOString(),
        end: ev.endDate.isDate ? ev.endDate.toString() : ev.endDate.toJSDate().toISOString(),
        tzid: ev.startDate.isDate ? null : ev.startDate.zone.tzid,
      };
    }),
  };
}
process.stdout.write(JSON.stringify(out));
