"""RFC 5545 (iCalendar) without any meeting in it: text escaping and line folding
(``text``), date, time and time-zone values (``values``), one event type and its one
serialiser (``event``), the VCALENDAR around events (``calendar``), the rules of a
regeneration against a previous file (``regenerate``) and reading such a file
(``read``).

Nothing here knows what a meeting, a group or a school year is, nor speaks any
language but RFC 5545's: what an event says is the caller's (``klplan.render.ics``).
Nothing here imports the rest of klplan either, and icalendar only in ``read``,
lazily, for files laid out otherwise than this writer writes them."""
