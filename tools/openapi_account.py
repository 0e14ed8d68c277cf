# Accounts area of the OpenAPI document: sign-up with e-mail confirmation,
# invitations, password reset, deleting an account, the member's own data.
# Exec'd by tools/gen_openapi.py with op, q, pid, ref, page, LIMIT, OFFSET, P, S in scope.
_CONFLICT = {"409": {"$ref": "#/components/responses/Conflict"}}
_THROTTLED = {"429": {"$ref": "#/components/responses/TooManyRequests"}}
_TOKEN = {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "The secret from the link in the mail"}
_PASSWORD = {"type": "string", "minLength": 10, "maxLength": 1024}
def _obj(required, props): return {"type": "object", "required": list(required), "additionalProperties": False, "properties": props}

S["Invitation"] = {"type": "object", "properties": {
    "id": {"type": "integer", "format": "int64"}, "email": {"type": "string", "format": "email"}, "name": {"type": "string"},
    "language": {"type": "string", "enum": ["nl", "en"]},
    "status": {"type": "string", "enum": ["pending", "accepted", "revoked", "expired"]},
    "invited_by": {"type": "integer", "nullable": True}, "member_id": {"type": "integer", "nullable": True},
    "sent_count": {"type": "integer"}, "created_at": {"type": "integer"}, "updated_at": {"type": "integer"},
    "expires_at": {"type": "integer", "description": "Unix seconds; the link stops working then"}}}
_MODE = {"type": "object", "required": ["mode"], "properties": {"mode": {"type": "string", "enum": ["open", "invitation"]}}}

P["/api/v1/auth/signup-mode"] = {
  "get": op("How people join: open sign-up or by invitation only", "getSignupMode", "accounts", schema=_MODE, errors=(), public=True),
  "put": op("Set how people join (organizers)", "setSignupMode", "accounts", schema=_MODE, body=_MODE, errors=("400", "401", "403"))}
P["/api/v1/auth/signup"] = {"post": op(
    "Sign up; a confirmation link is mailed and the account exists once it is opened. An address that already has an account gets the same answer (its owner is mailed instead), so sign-up reveals nothing. 403 when sign-up is by invitation only",
    "signUp", "accounts", ok="202", schema={"type": "object", "properties": {"status": {"type": "string", "enum": ["confirmation_sent"]}}},
    body=_obj(["name", "email", "password", "sector", "organization"], {
        "name": {"type": "string", "maxLength": 200}, "email": {"type": "string", "format": "email"}, "password": _PASSWORD,
        "sector": {"type": "string", "description": "A key from /api/v1/sectors"}, "organization": {"type": "string", "maxLength": 200},
        "language": {"type": "string", "enum": ["nl", "en"], "description": "Language of the mail (default nl)"}}),
    errors=("400", "403"), extra=_THROTTLED, public=True)}
P["/api/v1/auth/signup/confirm"] = {"post": op("Confirm the e-mail address: creates the member and the account", "confirmSignup", "accounts",
    schema={"type": "object", "properties": {"member_id": {"type": "integer"}, "status": {"type": "string"}}},
    body=_obj(["token"], {"token": _TOKEN}), errors=("400",), extra=_CONFLICT, public=True)}
P["/api/v1/auth/password/forgot"] = {"post": op(
    "Ask for a password reset link; the same answer whether or not the address has an account", "forgotPassword", "accounts",
    ok="202", schema={"type": "object", "properties": {"status": {"type": "string", "enum": ["sent_if_registered"]}}},
    body=_obj(["email"], {"email": {"type": "string", "format": "email"}}), errors=("400",), extra=_THROTTLED, public=True)}
P["/api/v1/auth/password/reset"] = {"post": op("Set a new password with a reset link; ends every session and revokes every API token of the account",
    "resetPassword", "accounts", ok="204", body=_obj(["token", "password"], {"token": _TOKEN, "password": _PASSWORD}),
    errors=("400",), extra=_CONFLICT, public=True)}
P["/api/v1/auth/invitation/check"] = {"post": op("Who an invitation link is for (the accept page)", "checkInvitation", "accounts",
    schema={"type": "object", "properties": {"email": {"type": "string"}, "name": {"type": "string"}, "language": {"type": "string"}, "expires_at": {"type": "integer"}}},
    body=_obj(["token"], {"token": _TOKEN}), errors=("400",), extra=_CONFLICT, public=True)}
P["/api/v1/auth/invitation/accept"] = {"post": op("Accept an invitation: choose a password and fill in the profile", "acceptInvitation", "accounts",
    ok="201", schema={"type": "object", "properties": {"member_id": {"type": "integer"}, "status": {"type": "string"}}},
    body=_obj(["token", "name", "password", "sector", "organization"], {"token": _TOKEN, "name": {"type": "string", "maxLength": 200},
        "password": _PASSWORD, "sector": {"type": "string"}, "organization": {"type": "string", "maxLength": 200}, "title": {"type": "string", "maxLength": 200}}),
    errors=("400",), extra=_CONFLICT, public=True)}
P["/api/v1/invitations"] = {
  "get": op("Invitations, newest first (organizers)", "listInvitations", "accounts", schema=page(ref("Invitation")),
            params=[q("status", "pending, accepted, revoked or expired"), LIMIT, OFFSET], errors=("400", "401", "403")),
  "post": op("Invite one or more people by e-mail, all or nothing (organizers)", "invite", "accounts", ok="201",
             schema={"type": "object", "properties": {"items": {"type": "array", "items": ref("Invitation")}, "total": {"type": "integer"}}},
             body=_obj(["invitees"], {"invitees": {"type": "array", "minItems": 1, "maxItems": 200, "items": _obj(["email"], {
                 "email": {"type": "string", "format": "email"}, "name": {"type": "string", "maxLength": 200}})},
                 "language": {"type": "string", "enum": ["nl", "en"]}}),
             errors=("400", "401", "403"), extra=_CONFLICT)}
P["/api/v1/invitations/{id}/resend"] = {"post": op("Send the invitation again with a new link (the old one stops working)", "resendInvitation",
    "accounts", schema=ref("Invitation"), params=[pid()], extra=_CONFLICT)}
P["/api/v1/invitations/{id}/revoke"] = {"post": op("Withdraw an invitation", "revokeInvitation", "accounts", schema=ref("Invitation"),
    params=[pid()], extra=_CONFLICT)}
P["/api/v1/me/export"] = {"get": op("Everything verbinder holds about me, as one JSON document (download)", "exportMyData", "accounts",
    schema={"type": "object", "properties": {"profile": ref("Member"), "ties": {"type": "array", "items": ref("Tie")},
        "connections": {"type": "array", "items": {"type": "object"}}, "interactions": {"type": "array", "items": {"type": "object"}}}},
    errors=("400", "401"))}
P["/api/v1/me/delete"] = {"post": op("Delete my account and all my data (confirm with the password)", "deleteMyAccount", "accounts",
    ok="204", body=_obj(["password"], {"password": {"type": "string"}}), errors=("400", "401", "403"), extra=_CONFLICT)}
P["/api/v1/accounts/{id}"]["delete"] = op("Delete a member and all their data (organizers: members; admins: anyone)",
    "deleteAccount", "accounts", ok="204", params=[pid("id", "Member id")], extra=_CONFLICT)
