# Newsletter area of the OpenAPI document: knowledge articles, subscriptions
# (double opt-in, RFC 8058 one-click unsubscribe), the leader's preview and
# delivery status of a monthly issue.
# Exec'd by tools/gen_openapi.py with op, q, pid, ref, page, LIMIT, OFFSET, P, S in scope.
NL_T = {"type": "integer", "format": "int64", "description": "Unix seconds (UTC)"}
NL_CONFLICT = {"409": {"$ref": "#/components/responses/Conflict"}}
NL_PAGE = {"description": "An HTML page (no scripts)", "content": {"text/html": {"schema": {"type": "string"}}}}
NL_TOKEN = {"name": "token", "in": "path", "required": True, "description": "The signed token from the e-mail link",
            "schema": {"type": "string", "maxLength": 200}}

S["Article"] = {"type": "object", "properties": {
    "id": {"type": "integer", "format": "int64", "readOnly": True},
    "author_id": {"type": "integer", "format": "int64", "nullable": True, "readOnly": True},
    "author_name": {"type": "string", "readOnly": True, "description": "Empty when the author's profile is hidden from you"},
    "title": {"type": "string", "maxLength": 200}, "summary": {"type": "string", "maxLength": 500},
    "body": {"type": "string", "description": "Markdown (GitHub flavoured); raw HTML is dropped", "maxLength": 100000},
    "body_html": {"type": "string", "readOnly": True, "description": "Rendered and sanitised"},
    "tags": {"type": "array", "items": {"type": "string", "maxLength": 60}, "maxItems": 30},
    "language": {"type": "string", "enum": ["nl", "en"], "default": "nl"},
    "status": {"type": "string", "enum": ["draft", "submitted", "published"],
               "description": "Members write drafts and submissions; organizers publish (leader approval)"},
    "published_at": {**NL_T, "nullable": True, "readOnly": True}, "created_at": {**NL_T, "readOnly": True},
    "updated_at": {**NL_T, "readOnly": True}}}
S["Subscriber"] = {"type": "object", "properties": {
    "id": {"type": "integer", "format": "int64"}, "email": {"type": "string", "format": "email"},
    "member_id": {"type": "integer", "format": "int64", "nullable": True}, "language": {"type": "string", "enum": ["nl", "en"]},
    "topics": {"type": "array", "items": {"type": "string"}},
    "status": {"type": "string", "enum": ["pending", "confirmed", "unsubscribed", "bounced"]},
    "hard_bounces": {"type": "integer"}, "created_at": NL_T, "confirmed_at": {**NL_T, "nullable": True},
    "unsubscribed_at": {**NL_T, "nullable": True}}}

P["/api/v1/articles"] = {
  "get": op("Knowledge articles: published ones for everyone, plus your own drafts (organizers: all)", "listArticles", "articles",
            schema=page(ref("Article")), params=[q("q", "Words in title or summary"), q("tag", "A tag"),
            q("status", "draft, submitted or published"), LIMIT, OFFSET], errors=("400",), public=True),
  "post": op("Write an article (members submit; organizers may publish directly)", "createArticle", "articles", ok="201",
             schema=ref("Article"), body=ref("Article"), errors=("400", "401", "403"),
             extra={"413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMedia"}})}
P["/api/v1/articles/{id}"] = {
  "get": op("An article (drafts only for their author and organizers)", "getArticle", "articles", schema=ref("Article"),
            params=[pid()], errors=("400", "404"), public=True),
  "patch": op("Edit an article (the author until published, or organizers)", "updateArticle", "articles", schema=ref("Article"),
              params=[pid()], body=ref("Article")),
  "delete": op("Delete an article (the author or organizers)", "deleteArticle", "articles", ok="204", params=[pid()])}
P["/api/v1/articles/{id}/publish"] = {"post": {**op("Approve and publish an article (organizers)", "publishArticle", "articles",
    schema=ref("Article"), params=[pid()], extra=NL_CONFLICT),
    "requestBody": {"required": False, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": False,
        "properties": {"published_at": {**NL_T, "description": "Default: now"}}}}}}}}

P["/api/v1/newsletter/subscriptions"] = {
  "post": op("Subscribe an e-mail address; a confirmation link (valid 48 h) completes it (double opt-in). "
             "The answer is the same whether or not the address was subscribed already.", "subscribe", "newsletter", ok="202",
             schema={"type": "object", "properties": {"status": {"type": "string"}, "message": {"type": "string"}}},
             body={"type": "object", "required": ["email"], "additionalProperties": False, "properties": {
                 "email": {"type": "string", "format": "email"}, "language": {"type": "string", "enum": ["nl", "en"]},
                 "topics": {"type": "array", "items": {"type": "string"}}}},
             errors=("400",), extra={"415": {"$ref": "#/components/responses/UnsupportedMedia"}}, public=True),
  "get": op("Subscribers (organizers)", "listSubscribers", "newsletter", schema=page(ref("Subscriber")),
            params=[q("status", "pending, confirmed, unsubscribed or bounced"), LIMIT, OFFSET], errors=("400", "401", "403"))}
P["/api/v1/newsletter/subscriptions/me"] = {"post": op("Subscribe your own account address (no confirmation needed)",
    "subscribeMe", "newsletter", schema=ref("Subscriber"), body={"type": "object", "additionalProperties": False, "properties": {
        "language": {"type": "string", "enum": ["nl", "en"]}, "topics": {"type": "array", "items": {"type": "string"}}}},
    errors=("400", "401", "403"))}

def nl_page_get(summary, op_id):
    o = op(summary, op_id, "newsletter", params=[NL_TOKEN], errors=("400",), public=True)
    o["responses"]["200"] = NL_PAGE
    return o
def nl_page_post(summary, op_id, extra=None):
    o = op(summary, op_id, "newsletter", params=[NL_TOKEN], errors=("400",), extra=extra, public=True)
    o["responses"]["200"] = {"description": "Done: an HTML page, or JSON {\"status\"} when the request asks for JSON",
        "content": {"text/html": {"schema": {"type": "string"}}, "application/json": {"schema": {"type": "object"}}}}
    o["requestBody"] = {"required": False, "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object",
        "properties": {"List-Unsubscribe": {"type": "string", "enum": ["One-Click"]}}}}}}
    return o
P["/api/v1/newsletter/confirm/{token}"] = {
  "get": nl_page_get("A page with a button that confirms the subscription (GET changes nothing)", "confirmPage"),
  "post": nl_page_post("Confirm a subscription (double opt-in); 409 when already confirmed or since unsubscribed",
                       "confirmSubscription", extra=NL_CONFLICT)}
P["/api/v1/newsletter/unsubscribe/{token}"] = {
  "get": nl_page_get("A page with an unsubscribe button (GET changes nothing, so link scanners cannot unsubscribe anyone)",
                     "unsubscribePage"),
  "post": nl_page_post("One-click unsubscribe (RFC 8058): no login, no cookie; immediate; idempotent", "unsubscribe")}

P["/api/v1/newsletter/preview"] = {"get": {**op("Preview the month's issue as a given subscriber would get it (organizers)",
    "previewIssue", "newsletter", params=[q("month", "YYYY-MM (default: this month)"),
    q("subscriber", "Subscriber id (default: a reader who is not a member)", {"type": "integer", "minimum": 1}),
    q("format", "html (default), text or eml", {"type": "string", "enum": ["html", "text", "eml"]})],
    errors=("400", "401", "403", "404"), extra=NL_CONFLICT)}}
P["/api/v1/newsletter/preview"]["get"]["responses"]["200"] = {"description": "The HTML or text part, or the whole message",
    "content": {"text/html": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}},
                "message/rfc822": {"schema": {"type": "string"}}}}
P["/api/v1/newsletter/issues/{month}"] = {"get": op("Delivery status of a month's issue (organizers)", "issueStatus", "newsletter",
    schema={"type": "object", "properties": {"month": {"type": "string"}, "recipients": {"type": "integer"},
        "sent": {"type": "integer"}, "failed": {"type": "integer"}, "skipped": {"type": "integer"}, "finished": {"type": "boolean"}}},
    params=[{"name": "month", "in": "path", "required": True, "description": "YYYY-MM", "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}}])}
