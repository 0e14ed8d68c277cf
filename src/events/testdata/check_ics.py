#!/usr/bin/python3
"""Checks iCalendar files with a real parser (Debian python3-icalendar) and
prints what the tests assert on, as JSON: per file the METHOD, the VTIMEZONE
TZIDs and every VEVENT (UID, SEQUENCE, STATUS, SUMMARY, start/end as UTC
Unix seconds and their TZID). Raw checks first: CRLF line ends only, no
physical line over 75 octets. Exit 1 with a message on the first problem."""
import json, sys
from datetime import timezone
import icalendar

out = []
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    if not raw.endswith(b"\r\n"):
        sys.exit(f"{path}: does not end with CRLF")
    for n, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            sys.exit(f"{path}:{n}: bare LF or CR")
        if len(line) > 75:
            sys.exit(f"{path}:{n}: {len(line)} octets, not folded")
    cal = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    doc = {"method": str(cal.get("METHOD", "")), "version": str(cal.get("VERSION", "")),
           "prodid": str(cal.get("PRODID", "")), "timezones": [], "events": []}
    for c in cal.walk():
        if c.name == "VTIMEZONE":
            doc["timezones"].append(str(c["TZID"]))
        elif c.name == "VEVENT":
            ds, de = c.decoded("DTSTART"), c.decoded("DTEND")
            if ds.tzinfo is None:
                sys.exit(f"{path}: DTSTART is floating")
            doc["events"].append({
                "uid": str(c["UID"]), "sequence": int(c.get("SEQUENCE", 0)), "status": str(c.get("STATUS", "")),
                "summary": str(c.get("SUMMARY", "")), "description": str(c.get("DESCRIPTION", "")),
                "location": str(c.get("LOCATION", "")),
                "start": int(ds.astimezone(timezone.utc).timestamp()), "end": int(de.astimezone(timezone.utc).timestamp()),
                "tzid": str(c["DTSTART"].params.get("TZID", "")), "dtstamp": "DTSTAMP" in c,
                "organizer": str(c.get("ORGANIZER", "")),
                "attendees": [str(a) for a in (c.get("ATTENDEE") if isinstance(c.get("ATTENDEE"), list) else [c.get("ATTENDEE")] if c.get("ATTENDEE") else [])]})
    out.append(doc)
print(json.dumps(out))
