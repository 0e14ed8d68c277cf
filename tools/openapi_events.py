# Events area of the OpenAPI document: events, registration and check-in,
# iCalendar, whom to meet, meeting requests, rounds and schedules, visits.
# Exec'd by tools/gen_openapi.py with op, q, pid, ref, page, LIMIT, OFFSET, P, S in scope.
CONFLICT = {"409": {"$ref": "#/components/responses/Conflict"}}
ICS = {"description": "iCalendar (RFC 5545)", "content": {"text/calendar": {"schema": {"type": "string"}}}}
HTML = {"description": "Printable HTML", "content": {"text/html": {"schema": {"type": "string"}}}}
def ics_op(summary, op_id, tag, params=(), errors=("401", "403", "404"), public=False):
    o = op(summary, op_id, tag, params=params, errors=errors, public=public)
    o["responses"]["200"] = ICS
    return o
def items(item): return {"type": "object", "properties": {"items": {"type": "array", "items": item}, "total": {"type": "integer"}}}
T = {"type": "integer", "format": "int64", "description": "Unix seconds (UTC)"}
ID = {"type": "integer", "format": "int64"}

S["ProgrammeItem"] = {"type": "object", "required": ["title", "starts_at", "ends_at"], "properties": {
    "id": {**ID, "readOnly": True}, "title": {"type": "string", "maxLength": 200}, "description": {"type": "string"},
    "starts_at": T, "ends_at": T, "room": {"type": "string"}}}
S["Event"] = {"type": "object", "properties": {
    "id": {**ID, "readOnly": True}, "title": {"type": "string", "maxLength": 200},
    "kind": {"type": "string", "enum": ["congress", "inspiration_session", "network_drinks"]},
    "description": {"type": "string", "description": "Markdown"},
    "description_html": {"type": "string", "readOnly": True,
                         "description": "The description rendered to safe HTML (raw HTML dropped, unsafe links emptied)"},
    "starts_at": T, "ends_at": T,
    "timezone": {"type": "string", "default": "Europe/Amsterdam"}, "location": {"type": "string"},
    "capacity": {"type": "integer", "minimum": 0, "description": "0 = unlimited"},
    "price_cents": {"type": "integer", "minimum": 0, "description": "0 = free"}, "free": {"type": "boolean", "readOnly": True},
    "registration_deadline": {**T, "description": "Unix seconds; 0 = until the event ends"},
    "public": {"type": "boolean", "description": "Listed in the public calendar feed"},
    "request_ttl": {"type": "integer", "minimum": 300, "description": "Seconds a meeting request stays pending"},
    "revision": {"type": "integer", "readOnly": True}, "organizers": {"type": "array", "items": ID},
    "programme": {"type": "array", "items": ref("ProgrammeItem")},
    "registered": {"type": "integer", "readOnly": True}, "waitlisted": {"type": "integer", "readOnly": True},
    "seats_left": {"type": "integer", "nullable": True, "readOnly": True}}}
S["Registration"] = {"type": "object", "properties": {
    "id": ID, "event_id": ID, "member_id": ID, "member_name": {"type": "string"},
    "status": {"type": "string", "enum": ["registered", "waitlisted", "cancelled"]},
    "waitlist_position": {"type": "integer", "description": "1-based, only while waitlisted"},
    "checkin_code": {"type": "string", "description": "Only for the member and the event's organizers"},
    "checked_in_at": {**T, "nullable": True}, "rounds_opt_out": {"type": "boolean"}, "revision": {"type": "integer"},
    "created_at": T, "updated_at": T}}
S["MeetingRequest"] = {"type": "object", "properties": {
    "id": ID, "event_id": ID, "from": ID, "from_name": {"type": "string"}, "to": ID, "to_name": {"type": "string"},
    "message": {"type": "string"}, "status": {"type": "string", "enum": ["pending", "accepted", "declined", "cancelled", "expired"]},
    "mutual": {"type": "boolean"}, "expires_at": T, "created_at": T, "updated_at": T}}
S["SharedEvent"] = {"type": "object", "properties": {
    "event_id": ID, "title": {"type": "string"}, "starts_at": T, "ends_at": T, "location": {"type": "string"},
    "request": {"type": "object", "allOf": [ref("MeetingRequest")], "nullable": True, "description": "The live (pending or accepted) request between the two there, either way"}}}
S["FellowAttendee"] = {"type": "object", "properties": {"member_id": ID, "name": {"type": "string"},
    "known_by": {"type": "string", "enum": ["connected", "answered"], "description": "How we know each other online: the tie's strongest kind"},
    "known_since": {**T, "description": "Our first interaction"},
    "request": {"type": "object", "allOf": [ref("MeetingRequest")], "nullable": True, "description": "The live (pending or accepted) request between us there, either way"}}}
S["AttendeeSuggestion"] = {"type": "object", "properties": {"member_id": ID, "name": {"type": "string"}, "sector": {"type": "string"},
    "organization": {"type": "string"}, "score": {"type": "number"}, "why": {"type": "string", "description": "Plain-language reason"}}}
S["Slot"] = {"type": "object", "required": ["starts_at", "ends_at"], "properties": {"id": {**ID, "readOnly": True}, "starts_at": T, "ends_at": T}}
S["Round"] = {"type": "object", "required": ["title", "tables", "slots"], "properties": {
    "id": {**ID, "readOnly": True}, "event_id": {**ID, "readOnly": True}, "title": {"type": "string"},
    "tables": {"type": "integer", "minimum": 1, "maximum": 1000}, "max_meetings": {"type": "integer", "minimum": 1, "maximum": 50, "default": 3},
    "slots": {"type": "array", "items": ref("Slot")}, "scheduled_at": {**T, "nullable": True, "readOnly": True}}}
PARTY = {"type": "object", "properties": {"id": ID, "name": {"type": "string"}, "happened": {"type": "boolean", "nullable": True}}}
S["ScheduledMeeting"] = {"type": "object", "properties": {
    "id": ID, "round_id": ID, "slot_id": ID, "starts_at": T, "ends_at": T, "table": {"type": "integer"},
    "a": PARTY, "b": PARTY, "why": {"type": "string"}, "requested": {"type": "boolean"},
    "status": {"type": "string", "enum": ["scheduled", "cancelled", "displaced"]}}}
S["ScheduleRun"] = {"type": "object", "properties": {
    "participants": {"type": "integer"}, "kept": {"type": "integer"}, "added": {"type": "integer"},
    "rescheduled": {"type": "integer"}, "cancelled": {"type": "integer"},
    "unscheduled_requests": {"type": "array", "items": {"type": "string"}}, "objective": {"type": "number"}, "upper_bound": {"type": "number"}, "optimal": {"type": "boolean", "description": "objective proven equal to the best possible (rounds of up to 60 attendees)"}, "bound_method": {"type": "string"}}}
PERSON = {"type": "object", "properties": {"id": ID, "name": {"type": "string"}}}
S["Visit"] = {"type": "object", "properties": {
    "id": ID, "host": PERSON, "visitor": PERSON, "location": {"type": "string"}, "reason": {"type": "string"},
    "proposed": {"type": "array", "items": T}, "duration": {"type": "integer", "description": "Seconds"},
    "status": {"type": "string", "enum": ["requested", "accepted", "declined", "cancelled", "held", "not_held"]},
    "starts_at": {**T, "nullable": True}, "ends_at": {**T, "nullable": True}, "revision": {"type": "integer"},
    "created_at": T, "updated_at": T}}

EV = pid("id", "Event id")
P["/api/v1/events"] = {
  "get": op("List events (anonymous callers see public ones)", "listEvents", "events", schema=page(ref("Event")),
            params=[q("upcoming", "Only events that have not ended", {"type": "boolean"}), LIMIT, OFFSET], errors=("400",), public=True),
  "post": op("Create an event (organizers)", "createEvent", "events", ok="201", schema=ref("Event"), body=ref("Event"), errors=("400", "401", "403", "404"))}
P["/api/v1/events/{id}"] = {
  "get": op("An event with its programme and counts", "getEvent", "events", schema=ref("Event"), params=[EV], errors=("400", "404"), public=True),
  "patch": op("Change an event (its organizers); bumps the revision; more capacity promotes the waitlist", "updateEvent", "events",
              schema=ref("Event"), params=[EV], body=ref("Event"), extra=CONFLICT)}
P["/api/v1/events/{id}/registrations"] = {
  "post": op("Register yourself (or, as organizer, member_id); full → waitlisted", "register", "events", ok="201", schema=ref("Registration"),
             params=[EV], body={"type": "object", "properties": {"member_id": ID}}, extra=CONFLICT),
  "get": op("Registrations in queue order (organizers: all with codes; attendees: registered attendees they may see)", "listRegistrations",
            "events", schema=page(ref("Registration")), params=[EV, q("status", "registered, waitlisted or cancelled"), q("q", "Part of a name"), LIMIT, OFFSET])}
P["/api/v1/events/{id}/registration"] = {
  "get": op("My registration (with check-in code and waitlist position)", "myRegistration", "events", schema=ref("Registration"), params=[EV]),
  "patch": op("Opt out of (or back into) the networking rounds", "setRoundsOptOut", "events", schema=ref("Registration"), params=[EV],
              body={"type": "object", "required": ["rounds_opt_out"], "properties": {"rounds_opt_out": {"type": "boolean"}}}),
  "delete": op("Cancel my registration; the first on the waitlist is promoted and notified", "cancelRegistration", "events",
               schema=ref("Registration"), params=[EV], extra=CONFLICT)}
P["/api/v1/events/{id}/registrations/{member_id}/cancel"] = {"post": op("Cancel a member's registration (organizers)", "cancelMemberRegistration",
    "events", schema=ref("Registration"), params=[EV, pid("member_id", "Member id")], extra=CONFLICT)}
P["/api/v1/events/{id}/registration.ics"] = {"get": ics_op("My invite: METHOD:REQUEST, or CANCEL once cancelled", "registrationInvite", "events", params=[EV])}
P["/api/v1/events/{id}/checkin"] = {"post": op("Check in by code or registration id (organizers); records attendance only — presence is never a tie", "checkIn", "events",
    schema=ref("Registration"), params=[EV], body={"type": "object", "properties": {"code": {"type": "string"}, "registration_id": ID}}, extra=CONFLICT)}
P["/api/v1/events/{id}/checkin-sheet"] = {"get": {**op("Printable door list with names and codes (organizers)", "checkinSheet", "events", params=[EV]),
    "responses": {"200": HTML, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}}
P["/api/v1/calendar/public.ics"] = {"get": ics_op("Public feed of upcoming public events", "publicFeed", "events", errors=("404",), public=True)}
P["/api/v1/calendar/token"] = {"post": op("A new personal feed token (the old one stops working)", "rotateFeedToken", "events", ok="201",
    schema={"type": "object", "properties": {"token": {"type": "string"}, "url": {"type": "string"}}}, errors=("401", "403"))}
P["/api/v1/calendar/feed/{token}"] = {"get": ics_op("Personal feed: my events, meetings and visits", "personalFeed", "events",
    params=[{"name": "token", "in": "path", "required": True, "description": "Feed secret", "schema": {"type": "string"}}], errors=("404",), public=True)}
P["/api/v1/events/{id}/suggestions"] = {"get": op("Whom to meet and why (registered attendees)", "suggestions", "meetings",
    schema=items(ref("AttendeeSuggestion")), params=[EV, q("limit", "1-50, default 10", {"type": "integer", "minimum": 1, "maximum": 50}),
                                                   q("lang", "Language of the reasons (the UI's): nl or en; default the member's first language", {"type": "string", "enum": ["nl", "en"]})])}
P["/api/v1/events/{id}/meeting-requests"] = {
  "post": op("Request a meeting with another attendee (a request back accepts theirs)", "requestMeeting", "meetings", ok="201",
             schema=ref("MeetingRequest"), params=[EV], body={"type": "object", "required": ["to"], "properties": {"to": ID, "message": {"type": "string", "maxLength": 500}}}, extra=CONFLICT),
  "get": op("My meeting requests at the event, sent and received", "listMeetingRequests", "meetings", schema=items(ref("MeetingRequest")), params=[EV])}
P["/api/v1/members/{id}/shared-events"] = {"get": op(
    "Events that have not ended where I and this member are both registered, soonest first (where to meet in person)",
    "sharedEvents", "meetings", schema=items(ref("SharedEvent")), params=[pid()])}
P["/api/v1/events/{id}/online-ties"] = {"get": op(
    "My online-only ties (connected, never met) who are registered too (registered attendees), strongest tie first",
    "onlineTiesAtEvent", "meetings", schema=items(ref("FellowAttendee")), params=[EV])}
for action, desc in [("accept", "Accept (the recipient, while pending)"), ("decline", "Decline (the recipient)"),
                     ("cancel", "Withdraw a pending request (sender) or cancel an accepted one (either)")]:
    P[f"/api/v1/meeting-requests/{{id}}/{action}"] = {"post": op(desc, f"{action}MeetingRequest", "meetings", schema=ref("MeetingRequest"),
        params=[pid()], extra=CONFLICT)}
P["/api/v1/events/{id}/rounds"] = {
  "post": op("Create a networking round: slots × tables (organizers)", "createRound", "meetings", ok="201", schema=ref("Round"), params=[EV], body=ref("Round")),
  "get": op("The event's rounds", "listRounds", "meetings", schema=items(ref("Round")), params=[EV])}
P["/api/v1/rounds/{id}/schedule"] = {"post": op("Auto-schedule: keeps published meetings, accepted requests first, then suggestions", "autoSchedule",
    "meetings", schema=ref("ScheduleRun"), params=[pid()])}
P["/api/v1/rounds/{id}/meetings"] = {"get": op("All meetings of a round with feedback (organizers)", "roundMeetings", "meetings",
    schema=items(ref("ScheduledMeeting")), params=[pid()])}
AVAIL = {"type": "object", "required": ["unavailable_slot_ids"], "properties": {"unavailable_slot_ids": {"type": "array", "items": ID}}}
P["/api/v1/rounds/{id}/availability"] = {
  "get": op("The slots I am not available in", "getAvailability", "meetings", schema=AVAIL, params=[pid()]),
  "put": op("Set the slots I am not available in", "setAvailability", "meetings", schema=AVAIL, params=[pid()], body=AVAIL)}
SLOT = [pid(), pid("slot_id", "Slot id")]
P["/api/v1/rounds/{id}/slots"] = {"post": op("Add a slot (organizers); it fills at the next auto-schedule", "addSlot", "meetings", ok="201",
    schema=ref("Round"), params=[pid()], body={"type": "object", "required": ["starts_at", "ends_at"], "properties": {"starts_at": T, "ends_at": T}},
    extra=CONFLICT)}
P["/api/v1/rounds/{id}/slots/{slot_id}"] = {
  "patch": op("Move a slot; its meetings move along and both people are told", "moveSlot", "meetings", schema=ref("Round"), params=SLOT,
              body={"type": "object", "required": ["starts_at", "ends_at"], "properties": {"starts_at": T, "ends_at": T}}),
  "delete": op("Remove a slot; its meetings are rescheduled where possible, else cancelled (both told)", "removeSlot", "meetings",
               schema=ref("ScheduleRun"), params=SLOT, extra=CONFLICT)}
P["/api/v1/events/{id}/schedule"] = {"get": op("My schedule: slot, table, whom, why", "mySchedule", "meetings", schema=items(ref("ScheduledMeeting")),
    params=[EV, q("lang", "Language of the reasons (`why`): nl or en; default the viewer's language", {"type": "string", "enum": ["nl", "en"]})])}
P["/api/v1/meetings/{id}/feedback"] = {"post": op("Did it happen, how useful (1-5)? The first yes writes meeting_held", "meetingFeedback", "meetings",
    ok="204", params=[pid()], body={"type": "object", "required": ["happened"], "properties": {"happened": {"type": "boolean"},
    "usefulness": {"type": "integer", "minimum": 0, "maximum": 5}, "note": {"type": "string", "maxLength": 1000},
    "challenge_id": {"type": "integer", "format": "int64", "minimum": 0, "nullable": True,
                     "description": "Which of your own challenges the meeting helped with: the suggestions learn from that one only. "
                                    "0: none of them (the meeting teaches nothing). Absent or null: not said (all your challenges count). "
                                    "Only with happened: true."}}}, extra=CONFLICT)}
# What the suggestions learned from meetings rated 4 or 5 (organizers), and the switch (issue #20).
LEARNED_ROW = {"type": "object", "required": ["challenge_concept", "expertise_concept", "challenge_label", "expertise_label", "meetings", "on"],
    "properties": {"challenge_concept": {"type": "string", "description": "Thesaurus concept id found in the rater's challenge"},
                   "expertise_concept": {"type": "string", "description": "Thesaurus concept id found in the other's expertise"},
                   "challenge_label": {"type": "string"}, "expertise_label": {"type": "string"},
                   "meetings": {"type": "integer", "minimum": 0, "description": "Useful meetings that teach this link now"},
                   "on": {"type": "boolean", "description": "false: switched off by an organizer"}}}
P["/api/v1/matchmaking/learned-links"] = {
  "get": op("What the suggestions learned from meetings members rated 4 or 5 (organizers): concept links with the number of meetings "
            "behind each, and the links switched off. Never who met.", "learnedLinks", "meetings",
            schema={"type": "object", "required": ["meetings", "total", "links", "switched_off"], "properties": {
                "meetings": {"type": "integer", "description": "Useful meetings the suggestions learn from now"},
                "total": {"type": "integer", "description": "Links switched on that match q, before limit"},
                "links": {"type": "array", "items": LEARNED_ROW}, "switched_off": {"type": "array", "items": LEARNED_ROW}}},
            params=[q("lang", "Language of the concept labels (default: the viewer's)", {"type": "string", "enum": ["nl", "en"]}),
                    q("q", "Only links whose concept id or label (nl or en) contains this text"),
                    q("limit", "At most this many links (default 100)", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100})],
            errors=("400", "401", "403")),
  "put": op("Switch a learned link off (on: false) or on again (organizers); either order of the two concepts names the same link",
            "switchLearnedLink", "meetings", ok="204", errors=("400", "401", "403"),
            body={"type": "object", "required": ["challenge_concept", "expertise_concept", "on"], "properties": {
                "challenge_concept": {"type": "string"}, "expertise_concept": {"type": "string"}, "on": {"type": "boolean"}}})}
P["/api/v1/meetings/{id}/invite.ics"] = {"get": ics_op("The meeting as an invite", "meetingInvite", "meetings", params=[pid()])}
P["/api/v1/visits"] = {
  "post": op("Ask a member who hosts visits: can I come and have a look?", "requestVisit", "visits", ok="201", schema=ref("Visit"),
             body={"type": "object", "required": ["host_id", "reason", "proposed"], "properties": {"host_id": ID, "reason": {"type": "string"},
             "proposed": {"type": "array", "items": T, "minItems": 1, "maxItems": 5}, "duration": {"type": "integer", "minimum": 900, "maximum": 43200}}}, extra=CONFLICT),
  "get": op("My visits, as host or visitor", "listVisits", "visits", schema=items(ref("Visit")), errors=("401",))}
P["/api/v1/visits/{id}"] = {"get": op("A visit (its host or visitor)", "getVisit", "visits", schema=ref("Visit"), params=[pid()])}
P["/api/v1/visits/{id}/accept"] = {"post": op("Accept one of the proposed dates (host)", "acceptVisit", "visits", schema=ref("Visit"), params=[pid()],
    body={"type": "object", "required": ["starts_at"], "properties": {"starts_at": T}}, extra=CONFLICT)}
for action, desc in [("decline", "Decline (host)"), ("cancel", "Cancel before it takes place (either)")]:
    P[f"/api/v1/visits/{{id}}/{action}"] = {"post": op(desc, f"{action}Visit", "visits", schema=ref("Visit"), params=[pid()], extra=CONFLICT)}
P["/api/v1/visits/{id}/confirm"] = {"post": op("Did it happen? The first yes writes visit_held", "confirmVisit", "visits", schema=ref("Visit"), params=[pid()],
    body={"type": "object", "required": ["happened"], "properties": {"happened": {"type": "boolean"}}}, extra=CONFLICT)}
P["/api/v1/visits/{id}/invite.ics"] = {"get": {**ics_op("The visit as an invite", "visitInvite", "visits", params=[pid()]), }}

# Group tables (borrel seating), the yield report and the printable pages.
PERSON = {"type": "object", "properties": {"id": ID, "name": {"type": "string", "description": "Empty when hidden from the viewer"},
    "sector": {"type": "string"}, "organization": {"type": "string"}}}
S["Seating"] = {"type": "object", "required": ["title", "tables", "table_size", "rounds"], "properties": {
    "id": {**ID, "readOnly": True}, "event_id": {**ID, "readOnly": True}, "title": {"type": "string", "maxLength": 200},
    "tables": {"type": "integer", "minimum": 1, "maximum": 500}, "table_size": {"type": "integer", "minimum": 2, "maximum": 50},
    "rounds": {"type": "integer", "minimum": 1, "maximum": 12}, "seated_at": {**T, "nullable": True, "readOnly": True},
    "quality": {"type": "object", "readOnly": True, "properties": {"repeats": {"type": "integer"}, "colleague_conflicts": {"type": "integer"},
        "unseated": {"type": "integer"}, "mean_distinct_sectors": {"type": "number"}}},
    "plan": {"type": "array", "readOnly": True, "description": "Occupied tables by round (plan reads and runs only)", "items": {"type": "object",
        "properties": {"round": {"type": "integer"}, "table": {"type": "integer"}, "people": {"type": "array", "items": PERSON},
                       "hidden": {"type": "integer", "description": "Seated people the viewer may not see"}}}}}}
S["MyTable"] = {"type": "object", "properties": {"seating_id": ID, "title": {"type": "string"}, "round": {"type": "integer"},
    "table": {"type": "integer"}, "tablemates": {"type": "array", "items": PERSON}, "hidden": {"type": "integer"}}}
S["EventYield"] = {"type": "object", "properties": {"event_id": ID,
    "attendance": {"type": "object", "properties": {k: {"type": "integer"} for k in ["registered", "waitlisted", "cancelled", "checked_in", "no_shows"]}
        | {"no_show_list": {"type": "array", "items": {"type": "object", "properties": {"id": ID, "name": {"type": "string"}}}}}},
    "meetings": {"type": "object", "properties": {k: {"type": "integer"} for k in ["scheduled", "held", "not_held", "without_feedback"]}},
    "usefulness": {"type": "object", "properties": {"feedback": {"type": "integer"}, "rated": {"type": "integer"}, "mean": {"type": "number"},
        "counts": {"type": "array", "items": {"type": "integer"}, "minItems": 5, "maxItems": 5, "description": "Ratings 1..5"}}},
    "new_ties": {"type": "object", "properties": {"from_meetings": {"type": "integer"}, "met_at_event": {"type": "integer"}}}}}
P["/api/v1/events/{id}/seatings"] = {
  "post": op("Define group tables: tables of N for K rounds (organizers)", "createSeating", "meetings", ok="201", schema=ref("Seating"),
             params=[EV], body=ref("Seating")),
  "get": op("The event's group-table seatings (attendees and organizers)", "listSeatings", "meetings", schema=items(ref("Seating")), params=[EV])}
P["/api/v1/seatings/{id}/run"] = {"post": op("Seat everyone taking part: mixed sectors, colleagues apart, no repeats (organizers)", "runSeating",
    "meetings", schema=ref("Seating"), params=[pid()], extra=CONFLICT)}
P["/api/v1/seatings/{id}"] = {"get": op("A seating with its plan per round and table (organizers)", "getSeating", "meetings",
    schema=ref("Seating"), params=[pid()])}
P["/api/v1/events/{id}/my-tables"] = {"get": op("My group tables: per seating and round, the table and tablemates", "myTables", "meetings",
    schema=items(ref("MyTable")), params=[EV])}
P["/api/v1/events/{id}/report"] = {"get": op("Event yield: registered vs checked in, meetings held vs scheduled, usefulness, new real ties (organizers)",
    "eventReport", "events", schema=ref("EventYield"), params=[EV])}
LANG = q("lang", "nl or en; default the viewer's language", {"type": "string", "enum": ["nl", "en"]})
for path, summary, op_id in [("/api/v1/events/{id}/schedule/print", "My printable schedule: slot, table, whom, why, group tables", "printMySchedule"),
                             ("/api/v1/events/{id}/schedules/print", "Every attendee's schedule, one per page (organizers)", "printAllSchedules"),
                             ("/api/v1/events/{id}/tables/print", "A sheet per table: its meetings by slot and its group-table guests (organizers)", "printTableSheets")]:
    P[path] = {"get": {**op(summary, op_id, "meetings", params=[EV, LANG]),
        "responses": {"200": HTML, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"},
                      "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}}

# "We spraken elkaar": connect codes and encounters (issue #14). A claim is not a
# tie; confirmed by the other (or claimed back) it becomes met_at_event.
S["PersonRef"] = {"type": "object", "description": "Another member as the viewer may see them; hidden: no id, no name (\"een lid\")",
  "properties": {"member_id": {"type": "integer", "nullable": True}, "name": {"type": "string", "nullable": True},
    "organization": {"type": "string"}, "sector": {"type": "string"}, "hosts_visits": {"type": "boolean"}, "hidden": {"type": "boolean"}}}
S["Encounter"] = {"type": "object", "properties": {"id": ID, "event_id": ID, "event_title": {"type": "string"},
  "mine": {"type": "boolean", "description": "The viewer made the claim (else the viewer is asked to confirm)"},
  "other": ref("PersonRef"), "via": {"type": "string", "enum": ["code", "list", "followup"]},
  "status": {"type": "string", "enum": ["pending", "confirmed", "declined", "withdrawn", "expired"]},
  "real": {"type": "boolean", "description": "Confirmed: the pair's tie at this event is real"},
  "created_at": {"type": "integer"}, "expires_at": {"type": "integer", "description": "A pending claim expires 14 days after it was made"},
  "resolved_at": {"type": "integer", "nullable": True}}}
S["EncounterOverview"] = {"type": "object", "properties": {"event_id": ID, "event_title": {"type": "string"},
  "registered": {"type": "boolean"}, "open": {"type": "boolean", "description": "Claims can be made: from 2 h before the start to 14 days after the end"},
  "opens_at": {"type": "integer"}, "closes_at": {"type": "integer"},
  "mine": {"type": "array", "items": ref("Encounter")}, "to_confirm": {"type": "array", "items": ref("Encounter")},
  "candidates": {"type": "array", "items": {"type": "object", "properties": {"person": ref("PersonRef"),
    "reasons": {"type": "array", "items": {"type": "string", "enum": ["table", "meeting", "suggested"]}},
    "state": {"type": "string", "enum": ["none", "claimed", "asked", "confirmed"]}, "encounter_id": {"type": "integer", "nullable": True}}}}}}
P["/api/v1/me/connect-code"] = {"get": op("My personal connect code (verbindcode), for the QR code others scan", "myConnectCode", "events",
    schema={"type": "object", "properties": {"code": {"type": "string", "example": "K7M2Q9XP"}, "path": {"type": "string", "example": "/connect/K7M2Q9XP"}}}, errors=("401",))}
P["/api/v1/events/{id}/encounters"] = {
  "get": op("My encounters at an event, the claims to confirm and people to tick (wie sprak je?)", "eventEncounters", "events",
            schema=ref("EncounterOverview"), params=[EV], errors=("400", "401", "404")),
  "post": op("We spoke: claim an encounter by connect code (scanned or typed, or the QR code's URL) or by member id; confirms theirs if they claimed first",
             "claimEncounter", "events", schema=ref("Encounter"), params=[EV],
             body={"type": "object", "additionalProperties": False, "properties": {"code": {"type": "string"}, "member_id": ID,
                   "via": {"type": "string", "enum": ["code", "list", "followup"]}}}, extra=CONFLICT)}
P["/api/v1/encounters/to-confirm"] = {"get": op("Pending claims about me, at any event", "encountersToConfirm", "events",
    schema={"type": "object", "properties": {"items": {"type": "array", "items": ref("Encounter")}, "total": {"type": "integer"}}}, errors=("401",))}
P["/api/v1/encounters/{id}"] = {"delete": op("Withdraw my pending claim", "withdrawEncounter", "events", schema=ref("Encounter"), params=[pid()], extra=CONFLICT)}
P["/api/v1/encounters/{id}/confirm"] = {"post": op("Confirm a claim about me: the tie at this event is real", "confirmEncounter", "events",
    schema=ref("Encounter"), params=[pid()], extra=CONFLICT)}
P["/api/v1/encounters/{id}/decline"] = {"post": op("Say a claim about me did not happen", "declineEncounter", "events",
    schema=ref("Encounter"), params=[pid()], extra=CONFLICT)}
P["/api/v1/connect-codes/{code}"] = {"get": op("Whose connect code this is (hidden members: no id, no name)", "connectCodeOwner", "events",
    schema={"type": "object", "properties": {"code": {"type": "string"}, "person": ref("PersonRef")}},
    params=[{"name": "code", "in": "path", "required": True, "description": "A connect code", "schema": {"type": "string"}}], errors=("400", "401", "404"))}
