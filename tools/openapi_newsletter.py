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

# ---- Second round: topics, preferences, the test to myself, background sending ----
NL_MONTH = {"name": "month", "in": "path", "required": True, "description": "YYYY-MM",
            "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}}
NL_EMPTY = {"required": False, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": False}}}}
S["Subscriber"]["properties"]["topics_only"] = {"type": "boolean", "description": "Only articles of the chosen topics (else: those first)"}
S["Topic"] = {"type": "object", "properties": {
    "key": {"type": "string", "pattern": "^[a-z0-9-]{1,40}$", "readOnly": True}, "label_nl": {"type": "string", "maxLength": 80},
    "label_en": {"type": "string", "maxLength": 80},
    "tags": {"type": "array", "items": {"type": "string", "maxLength": 60}, "maxItems": 50,
             "description": "Article tags that belong to this topic (an article tag equal to the key also does)"},
    "position": {"type": "integer"}}}
S["Preferences"] = {"type": "object", "properties": {
    "email": {"type": "string", "format": "email", "readOnly": True}, "language": {"type": "string", "enum": ["nl", "en"]},
    "topics": {"type": "array", "items": {"type": "string"}, "maxItems": 20, "description": "Topic keys from /api/v1/newsletter/topics"},
    "topics_only": {"type": "boolean"},
    "status": {"type": "string", "enum": ["pending", "confirmed", "unsubscribed", "bounced"], "readOnly": True}}}
S["IssueProgress"] = {"type": "object", "properties": {
    "month": {"type": "string"},
    "state": {"type": "string", "enum": ["not_started", "queued", "sending", "paused", "sent"],
              "description": "queued: waiting for a server; paused: stopped on an error (see last_error), retried at next_attempt_at"},
    "recipients": {"type": "integer", "description": "Frozen when the send starts"}, "sent": {"type": "integer"},
    "failed": {"type": "integer", "description": "Refused permanently (hard bounces)"},
    "skipped": {"type": "integer", "description": "Unsubscribed or bounced before their turn"},
    "pending": {"type": "integer"}, "in_flight": {"type": "integer"}, "done": {"type": "integer", "description": "sent + failed + skipped"},
    "sender": {"type": "string", "description": "host:pid of the server sending it now"}, "last_error": {"type": "string"},
    "requested_at": {**NL_T, "nullable": True}, "started_at": {**NL_T, "nullable": True},
    "finished_at": {**NL_T, "nullable": True}, "next_attempt_at": {**NL_T, "nullable": True}}}

P["/api/v1/newsletter/subscriptions/me"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]["topics_only"] = \
    {"type": "boolean"}
P["/api/v1/newsletter/subscriptions/me"]["get"] = op("Your own subscription", "mySubscription", "newsletter",
    schema=ref("Subscriber"), errors=("401", "404"))
P["/api/v1/newsletter/topics"] = {"get": op("The topics subscribers choose from", "listTopics", "newsletter",
    schema={"type": "object", "properties": {"items": {"type": "array", "items": ref("Topic")}}}, errors=(), public=True)}
P["/api/v1/newsletter/topics/{key}"] = {
  "put": op("Create or change a topic (organizers)", "saveTopic", "newsletter", schema=ref("Topic"), body=ref("Topic"),
            params=[{"name": "key", "in": "path", "required": True, "description": "a-z, 0-9 and '-'",
                     "schema": {"type": "string"}}], errors=("400", "401", "403")),
  "delete": op("Remove a topic (organizers)", "deleteTopic", "newsletter", ok="204",
               params=[{"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}])}
P["/api/v1/newsletter/preferences/{token}"] = {
  "get": op("A subscriber's preferences, opened with the unsubscribe token from any issue (no login)", "getPreferences",
            "newsletter", schema=ref("Preferences"), params=[NL_TOKEN], errors=("400",), public=True),
  "put": op("Change language and topics with the unsubscribe token (no login)", "setPreferences", "newsletter",
            schema=ref("Preferences"), body=ref("Preferences"), params=[NL_TOKEN], errors=("400",), public=True)}
P["/api/v1/newsletter/issues/{month}/test"] = {"post": {**op(
    "Send a test to myself: the issue as I would get it, to my own address, now, with [TEST] in the subject (organizers); "
    "409 when mail is not configured or the month has no content, 503 when the SMTP server does not take it",
    "sendTestIssue", "newsletter",
    schema={"type": "object", "properties": {"sent_to": {"type": "string"}, "message_id": {"type": "string"},
                                             "subject": {"type": "string"}}},
    params=[NL_MONTH], errors=("400", "401", "403"),
    extra={**NL_CONFLICT, "503": {"description": "The SMTP server did not take the message (field smtp)",
                                   "content": {"application/json": {"schema": ref("Error")}}}}), "requestBody": NL_EMPTY}}
P["/api/v1/newsletter/issues/{month}/send"] = {
  "post": {**op("Send the issue in the background of the server (organizers): freezes the recipients and returns at once; "
                "any server process picks it up and resumes it after a crash. 409 when already sent, without content, or "
                "when mail is not configured", "sendIssue", "newsletter", ok="202", schema=ref("IssueProgress"),
                params=[NL_MONTH], errors=("400", "401", "403"), extra=NL_CONFLICT), "requestBody": NL_EMPTY},
  "get": op("Progress of sending the issue (organizers), from the delivery log", "issueSendProgress", "newsletter",
            schema=ref("IssueProgress"), params=[NL_MONTH], errors=("400", "401", "403"))}
