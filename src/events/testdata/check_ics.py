#!/usr/bin/python3
"""Checks iCalendar files with a real parser (Debian python3-icalendar) and
prints what the tests assert on, as JSON: per file the METHOD, the VTIMEZONE
TZIDs and every VEVENT (UID, SEQUENCE, STATUS, SUMMARY, start/end as UTC
Unix seconds and their TZID, ORGANIZER and every ATTENDEE — as plain
addresses in "organizer"/"attendees", and with their parameters in
"organizer_params"/"attendee_params": address, cn, partstat, role, rsvp,
cutype), plus every mailto: address anywhere in the file ("mailtos") and the
unfolded text ("text", for tests that look for what must not be there).
Raw checks first: CRLF line ends only, no physical line over 75 octets.
Exit 1 with a message on the first problem."""
import json, re, sys
from datetime import timezone
import icalendar

def person(p):
    """A calendar address with its parameters (keys lowercased, values as text)."""
    d = {"address": str(p)}
    for k in ("CN", "PARTSTAT", "ROLE", "RSVP", "CUTYPE"):
        if k in p.params:
            d[k.lower()] = str(p.params[k])
    return d


def as_list(v):
    return [] if v is None else v if isinstance(v, list) else [v]


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
    unfolded = raw.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    doc = {"method": str(cal.get("METHOD", "")), "version": str(cal.get("VERSION", "")),
           "prodid": str(cal.get("PRODID", "")), "timezones": [], "events": [], "text": unfolded,
           "mailtos": sorted(set(m.lower() for m in re.findall(r"mailto:([^\s;:,\"]+)", unfolded, re.I)))}
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
                "organizer_params": person(c["ORGANIZER"]) if "ORGANIZER" in c else None,
                "attendees": [str(a) for a in as_list(c.get("ATTENDEE"))],
                "attendee_params": [person(a) for a in as_list(c.get("ATTENDEE"))]})
    out.append(doc)
print(json.dumps(out))
