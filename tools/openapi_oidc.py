# Sign-in with OpenID Connect (docs/oidc.md): the providers for the login page,
# the admin's switch for password sign-in, confirming a link with the password,
# the member's linked sign-ins. The browser's trip (/auth/oidc/<name>/start and
# /callback) is pages, not API. Exec'd by tools/gen_openapi.py.
_OIDC_CONFLICT = {"409": {"$ref": "#/components/responses/Conflict"}}
_IDENTITY = {"type": "object", "properties": {
    "id": {"type": "integer", "format": "int64"}, "provider": {"type": "string", "description": "The [name] in the provider file"},
    "label": {"type": "string"}, "email": {"type": "string"}, "created_at": {"type": "integer"}, "last_used_at": {"type": "integer"}}}
_SWITCH = {"type": "object", "required": ["enabled"], "additionalProperties": False, "properties": {"enabled": {"type": "boolean"}}}

P["/api/v1/auth/providers"] = {"get": op(
    "Sign-in providers (OpenID Connect) for the login page, and whether password sign-in is on", "listSignInProviders", "auth",
    schema={"type": "object", "required": ["items", "password_login"], "properties": {
        "items": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string"}, "label": {"type": "string"}, "preset": {"type": "string", "enum": ["linkedin", "entra", "generic"]},
            "start_url": {"type": "string", "description": "Open in the browser to sign in: /auth/oidc/{name}/start?lang=nl|en"}}}},
        "password_login": {"type": "boolean"}}},
    errors=("400",), public=True)}
P["/api/v1/auth/password-login"] = {"put": op(
    "Switch password sign-in on or off (admins; admins themselves always keep their password)", "setPasswordLogin", "auth",
    schema={"type": "object", "properties": {"password_login": {"type": "boolean"}}}, body=_SWITCH, errors=("400", "401", "403"))}
P["/api/v1/auth/oidc/confirm"] = {"post": op(
    "Link the provider sign-in that sent a member with a password to the login page (token from /login?oidc_link=…), after signing in with the password",
    "confirmSignInLink", "auth", ok="201", schema=_IDENTITY,
    body={"type": "object", "required": ["token"], "additionalProperties": False, "properties": {"token": {"type": "string"}}},
    errors=("400", "401", "403"), extra=_OIDC_CONFLICT)}
P["/api/v1/me/sign-ins"] = {
  "get": op("My linked sign-ins (OpenID Connect providers)", "listMySignIns", "auth",
            schema={"type": "object", "required": ["items", "has_password"], "properties": {
                "items": {"type": "array", "items": _IDENTITY}, "has_password": {"type": "boolean"}}}, errors=("400", "401")),
  "post": op("Start linking a further sign-in: answers the provider's URL to open in the browser", "startSignInLink", "auth",
             schema={"type": "object", "properties": {"url": {"type": "string"}}},
             body={"type": "object", "required": ["provider"], "additionalProperties": False, "properties": {
                 "provider": {"type": "string"}, "lang": {"type": "string", "enum": ["nl", "en"]}}})}
P["/api/v1/me/sign-ins/{id}"] = {"delete": op("Remove a linked sign-in (409 when it is the only way in)", "removeMySignIn", "auth",
                                              ok="204", params=[pid()], extra=_OIDC_CONFLICT)}
