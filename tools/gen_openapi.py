#!/usr/bin/env python3
"""Writes src/api/openapi.json. Edit this file, run it, commit both.

The API test checks the document against the server's route table both ways,
and scripts/test.sh lints it with @redocly/cli.
"""
import json, os

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def resp(desc, schema=None):
    r = {"description": desc}
    if schema: r["content"] = {"application/json": {"schema": schema}}
    return r
ERR = {"400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"},
       "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}
def op(summary, op_id, tag, ok="200", schema=None, body=None, params=(), errors=("400", "401", "403", "404"), extra=None, public=False):
    o = {"summary": summary, "operationId": op_id, "tags": [tag], "responses": {}}
    o["responses"][ok] = resp("Success", schema) if ok != "204" else {"description": "Done"}
    for e in errors: o["responses"][e] = ERR[e]
    if not errors: o["responses"]["405"] = {"$ref": "#/components/responses/MethodNotAllowed"}
    if extra: o["responses"].update(extra)
    if body: o["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    if params: o["parameters"] = list(params)
    if public: o["security"] = []
    return o
def q(name, desc, schema={"type": "string"}): return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema}
def pid(name="id", desc="Numeric id"): return {"name": name, "in": "path", "required": True, "description": desc, "schema": {"type": "integer", "format": "int64", "minimum": 1}}
LIMIT = q("limit", "Page size (1-500, default 50)", {"type": "integer", "minimum": 1, "maximum": 500, "default": 50})
OFFSET = q("offset", "Items to skip", {"type": "integer", "minimum": 0, "default": 0})
def page(item): return {"type": "object", "required": ["items", "total", "limit", "offset"], "properties": {
    "items": {"type": "array", "items": item}, "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}}}

S = {
 "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message", "field"], "properties": {
    "code": {"type": "string", "example": "invalid_argument"},
    "message": {"type": "string", "description": "English, for logs and API clients; the web UI words `reason` instead."},
    "field": {"type": "string", "nullable": True, "example": "email"},
    "reason": {"type": "string", "example": "field.too_long", "description": "A stable, language-neutral key for what went wrong (`<module-noun>.<what>`), sent with `params` when the server knows one; clients word it in the reader's language."},
    "params": {"type": "object", "additionalProperties": {"type": "string"}, "example": {"max": "200"}, "description": "Named values for the wording of `reason` (always present with `reason`)."}}}}},
 "Challenge": {"type": "object", "properties": {"id": {"type": "integer", "format": "int64", "readOnly": True}, "title": {"type": "string", "maxLength": 200},
    "text": {"type": "string", "maxLength": 4000}, "status": {"type": "string", "enum": ["open", "solved"]},
    "created_at": {"type": "integer", "readOnly": True}, "updated_at": {"type": "integer", "readOnly": True}}},
 "Member": {"type": "object", "properties": {
    "id": {"type": "integer", "format": "int64", "readOnly": True}, "name": {"type": "string", "maxLength": 200},
    "email": {"type": "string", "format": "email", "description": "Only shown to the member and organizers"},
    "organization": {"type": "string"}, "organization_id": {"type": "integer", "nullable": True, "readOnly": True},
    "title": {"type": "string"}, "sector": {"type": "string", "description": "A sector key from /api/v1/sectors"},
    "region": {"type": "string"}, "languages": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]{2}$"}},
    "bio": {"type": "string"}, "expertise": {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}, "text": {"type": "string"}}},
    "challenges": {"type": "array", "items": ref("Challenge")}, "hosts_visits": {"type": "boolean"}, "visit_location": {"type": "string"},
    "visibility": {"type": "string", "enum": ["members", "organizers", "hidden"]},
    "consent": {"type": "object", "properties": {"matchmaking": {"type": "boolean"}, "newsletter": {"type": "boolean"}}},
    "linkedin_url": {"type": "string"}, "created_at": {"type": "integer", "readOnly": True}, "updated_at": {"type": "integer", "readOnly": True}}},
 "Organization": {"type": "object", "properties": {"id": {"type": "integer", "readOnly": True}, "name": {"type": "string"}, "sector": {"type": "string"}, "city": {"type": "string"}}},
 "Sector": {"type": "object", "required": ["key", "label_nl", "label_en"], "properties": {"key": {"type": "string"}, "label_nl": {"type": "string"}, "label_en": {"type": "string"}}},
 "Connection": {"type": "object", "properties": {"id": {"type": "integer"}, "from": {"type": "integer"}, "to": {"type": "integer"},
    "status": {"type": "string", "enum": ["pending", "accepted", "declined", "withdrawn", "removed"]}, "message": {"type": "string"},
    "created_at": {"type": "integer"}, "updated_at": {"type": "integer"}}},
 "Interaction": {"type": "object", "properties": {"id": {"type": "integer", "readOnly": True}, "a": {"type": "integer"}, "b": {"type": "integer"},
    "kind": {"type": "string", "enum": ["connected", "answered", "met_at_event", "meeting_held", "visit_held"]},
    "at": {"type": "integer", "description": "Unix seconds"}, "source": {"type": "string"}, "event_id": {"type": "integer", "nullable": True}}},
 "Tie": {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}, "member": {"type": "integer"}, "strength": {"type": "number"},
    "real": {"type": "boolean", "description": "Met face to face at least once"}, "interactions": {"type": "integer"},
    "first_at": {"type": "integer"}, "last_at": {"type": "integer"}, "strongest": {"type": "string"}}},
}
S["TieWithHistory"] = {"allOf": [ref("Tie"), {"type": "object", "properties": {"history": {"type": "array", "items": ref("Interaction")}}}]}

P = {}
P["/healthz"] = {"get": op("Liveness check", "health", "system", schema={"type": "object"}, errors=(), public=True)}
P["/metrics"] = {"get": {"summary": "Prometheus metrics", "operationId": "metrics", "tags": ["system"], "security": [],
    "responses": {"200": {"description": "Prometheus text format", "content": {"text/plain": {"schema": {"type": "string"}}}},
                  "405": {"$ref": "#/components/responses/MethodNotAllowed"}}}}
P["/api/v1/openapi.json"] = {"get": op("This document", "openapi", "system", schema={"type": "object"}, errors=(), public=True)}
P["/api/v1/export"] = {"get": op("Everything visible to the organizer, as JSON", "exportAll", "system", schema={"type": "object"}, errors=("401", "403"))}
P["/api/v1/auth/login"] = {"post": op("Sign in; sets the vb_session (HttpOnly) and vb_csrf cookies", "login", "auth",
    schema={"type": "object", "properties": {"member_id": {"type": "integer"}, "role": {"type": "string"}, "csrf_token": {"type": "string"}, "expires_at": {"type": "integer"}}},
    body={"type": "object", "required": ["email", "password"], "additionalProperties": False, "properties": {"email": {"type": "string"}, "password": {"type": "string"}}},
    errors=("400", "401"), extra={"429": {"$ref": "#/components/responses/TooManyRequests"}}, public=True)}
P["/api/v1/auth/logout"] = {"post": op("Sign out", "logout", "auth", ok="204", errors=("401", "403"))}
P["/api/v1/auth/me"] = {"get": op("The signed-in member", "me", "auth", schema={"type": "object", "properties": {"member": ref("Member"), "role": {"type": "string"}, "csrf_token": {"type": "string"}}}, errors=("401",))}
P["/api/v1/auth/password"] = {"post": op("Change the password; ends every other session and revokes the API tokens (unless keep_tokens). Wrong old_password guesses are throttled like sign-in", "changePassword", "auth", ok="204",
    body={"type": "object", "required": ["old_password", "new_password"], "properties": {"old_password": {"type": "string"}, "new_password": {"type": "string", "minLength": 10},
    "keep_tokens": {"type": "boolean", "description": "Keep the account's API tokens (default false: revoked)"}}}, errors=("400", "401", "403"),
    extra={"409": {"$ref": "#/components/responses/Conflict"}, "429": {"$ref": "#/components/responses/TooManyRequests"}})}
TOKEN = {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "token": {"type": "string", "description": "Only in the creation response"}, "created_at": {"type": "integer"}}}
P["/api/v1/auth/tokens"] = {"get": op("My API tokens", "listTokens", "auth", schema=page(TOKEN), errors=("401",)),
    "post": op("Create an API token (send it as Authorization: Bearer)", "createToken", "auth", ok="201", schema=TOKEN,
               body={"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}, errors=("400", "401", "403"))}
P["/api/v1/auth/tokens/{id}"] = {"delete": op("Revoke an API token", "revokeToken", "auth", ok="204", params=[pid()])}
P["/api/v1/accounts"] = {"post": op("Create the account of a member (organizers: members only; admins: any role)", "createAccount", "accounts", ok="201",
    schema={"type": "object"}, body={"type": "object", "required": ["member_id", "password"], "properties": {"member_id": {"type": "integer"}, "password": {"type": "string", "minLength": 10},
    "role": {"type": "string", "enum": ["member", "organizer", "admin"]}}}, extra={"409": {"$ref": "#/components/responses/Conflict"}})}
P["/api/v1/accounts/{id}"] = {"patch": op("Change a member's role (admins)", "setRole", "accounts", schema={"type": "object"}, params=[pid("id", "Member id")],
    body={"type": "object", "required": ["role"], "properties": {"role": {"type": "string", "enum": ["member", "organizer", "admin"]}}})}
P["/api/v1/members"] = {
  "get": op("List and search members the viewer may see", "listMembers", "members", schema=page(ref("Member")), params=[
    q("q", "Words; each must prefix-match a word of the profile"), q("sector", "Sector key"), q("expertise", "Words matched against expertise"),
    q("challenge", "Words matched against open challenges"), q("open_challenges", "Only members with open challenges", {"type": "boolean"}), LIMIT, OFFSET], errors=("400", "401")),
  "post": op("Add a member (organizers)", "createMember", "members", ok="201", schema=ref("Member"), body=ref("Member"), errors=("400", "401", "403"),
             extra={"409": {"$ref": "#/components/responses/Conflict"}, "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMedia"}})}
P["/api/v1/members/{id}"] = {
  "get": op("A member", "getMember", "members", schema=ref("Member"), params=[pid()]),
  "patch": op("Update a profile (yourself, or organizers)", "updateMember", "members", schema=ref("Member"), params=[pid()], body=ref("Member"), extra={"409": {"$ref": "#/components/responses/Conflict"}}),
  "delete": op("Delete a member and all that is theirs (yourself, or admins)", "deleteMember", "members", ok="204", params=[pid()])}
P["/api/v1/members/{id}/challenges"] = {"post": op("Add a challenge", "addChallenge", "members", ok="201", schema=ref("Challenge"), params=[pid()], body=ref("Challenge"))}
P["/api/v1/challenges/{id}"] = {"patch": op("Update a challenge (e.g. mark solved)", "updateChallenge", "members", schema=ref("Challenge"), params=[pid()], body=ref("Challenge")),
    "delete": op("Delete a challenge", "deleteChallenge", "members", ok="204", params=[pid()])}
P["/api/v1/members/{id}/ties"] = {"get": op("A member's ties, derived from the ledger", "memberTies", "network", schema=page(ref("Tie")),
    params=[pid(), q("real", "Only real (true) or online-only (false) ties", {"type": "boolean"}), LIMIT, OFFSET])}
P["/api/v1/ties/{a}/{b}"] = {"get": op("The tie between two members and its history", "tieHistory", "network", schema=ref("TieWithHistory"), params=[pid("a", "Member id"), pid("b", "Member id")])}
P["/api/v1/organizations"] = {"get": op("List organizations", "listOrganizations", "organizations", schema=page(ref("Organization")), params=[q("q", "Name words"), LIMIT, OFFSET], errors=("400", "401")),
    "post": op("Add an organization (organizers)", "createOrganization", "organizations", ok="201", schema=ref("Organization"), body=ref("Organization"), extra={"409": {"$ref": "#/components/responses/Conflict"}})}
P["/api/v1/organizations/{id}"] = {"get": op("An organization", "getOrganization", "organizations", schema=ref("Organization"), params=[pid()])}
P["/api/v1/sectors"] = {"get": op("The configured sectors", "listSectors", "sectors", schema=page(ref("Sector")), errors=(), public=True),
    "post": op("Add a sector (organizers)", "createSector", "sectors", ok="201", schema=ref("Sector"), body=ref("Sector"), errors=("400", "401", "403"), extra={"409": {"$ref": "#/components/responses/Conflict"}})}
P["/api/v1/connections"] = {"get": op("My connections and requests", "listConnections", "network", schema=page(ref("Connection")),
    params=[q("status", "pending, accepted, declined, withdrawn or removed"), LIMIT, OFFSET], errors=("400", "401")),
    "post": op("Request a connection", "requestConnection", "network", ok="201", schema=ref("Connection"),
    body={"type": "object", "required": ["to"], "properties": {"to": {"type": "integer"}, "message": {"type": "string", "maxLength": 1000}}}, extra={"409": {"$ref": "#/components/responses/Conflict"}})}
for action, desc in [("accept", "Accept a request (recipient); writes a `connected` interaction"), ("decline", "Decline a request (recipient)"),
                     ("withdraw", "Withdraw a request (sender)"), ("remove", "Remove an accepted connection (either party)")]:
    P[f"/api/v1/connections/{{id}}/{action}"] = {"post": op(desc, f"{action}Connection", "network", schema=ref("Connection"), params=[pid()], extra={"409": {"$ref": "#/components/responses/Conflict"}})}
P["/api/v1/interactions"] = {"get": op("The interaction ledger (organizers)", "listInteractions", "network", schema=page(ref("Interaction")),
    params=[q("member", "Member id", {"type": "integer"}), q("kind", "Interaction kind"), LIMIT, OFFSET], errors=("400", "401", "403")),
    "post": op("Append to the ledger (organizers)", "recordInteraction", "network", ok="201", schema=ref("Interaction"), body=ref("Interaction"))}

# Each area adds its paths and schemas in tools/openapi_<area>.py, run here
# with this file's helpers (op, q, pid, ref, page, LIMIT, OFFSET) and P, S in scope.
import glob
for extra in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "openapi_*.py"))):
    exec(open(extra).read(), globals())

def err(desc): return {"description": desc, "content": {"application/json": {"schema": ref("Error")}}}
doc = {"openapi": "3.0.3",
  "info": {"title": "verbinder API", "version": "0.1.0", "license": {"name": "AGPL-3.0-or-later", "url": "https://www.gnu.org/licenses/agpl-3.0.html"},
           "description": "The JSON API of verbinder. Sign in with POST /api/v1/auth/login (cookie session; send X-CSRF-Token on changes) or use an API token as Bearer. Errors are JSON: {\"error\": {\"code\", \"message\", \"field\"}}, with \"reason\" and \"params\" when the server can name the cause for the UI to word."},
  "servers": [{"url": "http://localhost:8080"}],
  "security": [{"session": []}, {"token": []}],
  "tags": [{"name": n, "description": n} for n in ["system", "auth", "accounts", "members", "organizations", "sectors", "network"]],
  "paths": P,
  "components": {"schemas": S,
    "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "vb_session"}, "token": {"type": "http", "scheme": "bearer"}},
    "responses": {"BadRequest": err("Invalid input; `field` names what is wrong"), "Unauthenticated": err("Not signed in"),
      "Forbidden": err("Not allowed, or missing CSRF token"), "NotFound": err("Does not exist or is hidden from you"),
      "Conflict": err("Already exists or the state does not allow it"), "TooLarge": err("Body over 1 MiB"),
      "UnsupportedMedia": err("Body is not application/json"), "TooManyRequests": err("Throttled; see Retry-After"),
      "MethodNotAllowed": err("The path exists but not with this method")}}}
out = os.path.join(os.path.dirname(__file__), "..", "src", "api", "openapi.json")
with open(out, "w") as f: json.dump(doc, f, indent=1, ensure_ascii=False); f.write("\n")
