# Questions to the network (vraagstukken) and the viewer's notifications with
# their e-mail choices. Exec'd by tools/gen_openapi.py with op, q, pid, ref,
# page, LIMIT, OFFSET, P, S in scope.
QN_T = {"type": "integer", "format": "int64", "description": "Unix seconds (UTC)"}
QN_WHO = {"type": "object", "properties": {"id": {"type": "integer", "format": "int64"}, "name": {"type": "string"}}}
QN_CONFLICT = {"409": {"$ref": "#/components/responses/Conflict"}}
QN_BODY_ERR = {"413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMedia"}}

S["Question"] = {"type": "object", "properties": {
    "id": {"type": "integer", "format": "int64", "readOnly": True},
    "asker": {**QN_WHO, "readOnly": True},
    "title": {"type": "string", "minLength": 3, "maxLength": 200},
    "text": {"type": "string", "maxLength": 4000},
    "tags": {"type": "array", "items": {"type": "string", "maxLength": 60}, "maxItems": 10},
    "sector": {"type": "string", "nullable": True, "description": "A sector key; default the asker's own sector"},
    "status": {"type": "string", "enum": ["open", "solved"], "readOnly": True},
    "helpful_answer_id": {"type": "integer", "format": "int64", "nullable": True, "readOnly": True},
    "answer_count": {"type": "integer", "readOnly": True},
    "routed_to_me": {"type": "boolean", "readOnly": True},
    "challenge_id": {"type": "integer", "format": "int64", "nullable": True, "readOnly": True,
                     "description": "The asker's profile challenge this question was asked about, or null"},
    "created_at": {**QN_T, "readOnly": True}, "updated_at": {**QN_T, "readOnly": True}}}
S["QuestionInput"] = {"type": "object", "required": ["title"], "additionalProperties": False, "properties": {
    "title": {"type": "string", "minLength": 3, "maxLength": 200}, "text": {"type": "string", "maxLength": 4000},
    "tags": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 60}, "maxItems": 10},
    "sector": {"type": "string", "nullable": True},
    "challenge_id": {"type": "integer", "format": "int64", "nullable": True, "minimum": 1,
                     "description": "One of your own profile challenges that this question puts to the network. "
                                    "While a question about it is open, asking again answers 409 with reason "
                                    "question.challenge_asked and params.question_id"}}}
S["Answer"] = {"type": "object", "properties": {
    "id": {"type": "integer", "format": "int64"}, "question_id": {"type": "integer", "format": "int64"},
    "author": {**QN_WHO, "nullable": True, "description": "null when the author's profile is hidden from you"},
    "text": {"type": "string", "maxLength": 4000}, "helpful": {"type": "boolean"}, "created_at": QN_T}}
S["QuestionRoute"] = {"type": "object", "properties": {
    "member": QN_WHO, "sector": {"type": "string", "nullable": True}, "position": {"type": "integer", "minimum": 1},
    "score": {"type": "number"},
    "reason": {"type": "object", "properties": {"en": {"type": "string"}, "nl": {"type": "string"}},
               "description": "Why this member was asked, in plain words"}}}
S["QuestionDetail"] = {"allOf": [ref("Question"), {"type": "object", "properties": {
    "answers": {"type": "array", "items": ref("Answer")},
    "routed_to": {"type": "array", "items": ref("QuestionRoute"),
                  "description": "Whom the question was routed to and why: all for the asker and organizers, "
                                 "only their own for a routed member, none for others"}}}]}
S["Notification"] = {"type": "object", "properties": {
    "id": {"type": "integer", "format": "int64"}, "kind": {"type": "string", "example": "question_routed"},
    "key": {"type": "string", "description": "The e-mail preference key this kind falls under"},
    "text": {"type": "string", "description": "In the viewer's language: the `lang` query parameter, else the "
                                              "member's first profile language (English if it is English, else Dutch)"},
    "lang": {"type": "string", "enum": ["nl", "en"], "description": "The language of `text`"},
    "texts": {"type": "object", "description": "The text in both languages",
              "properties": {"en": {"type": "string"}, "nl": {"type": "string"}}},
    "ref": {"type": "string", "example": "question:7"}, "created_at": QN_T,
    "read": {"type": "boolean"}, "read_at": {**QN_T, "nullable": True}}}
S["EmailPreferences"] = {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {
    "key": {"type": "string"}, "kinds": {"type": "array", "items": {"type": "string"}},
    "email": {"type": "boolean", "description": "Whether notifications of these kinds are also e-mailed"},
    "default": {"type": "boolean"},
    "label": {"type": "object", "properties": {"en": {"type": "string"}, "nl": {"type": "string"}}}}}}}}

P["/api/v1/questions"] = {
  "get": op("Questions to the network that you may see, newest first", "listQuestions", "questions",
            schema=page(ref("Question")), params=[q("status", "open or solved"),
            q("q", "Words that must all occur in title, text or tags"),
            q("mine", "Only questions you asked", {"type": "boolean"}),
            q("routed_to_me", "Only questions routed to you", {"type": "boolean"}),
            q("unanswered_by_me", "Only questions you have not answered (with routed_to_me and status=open: the "
              "questions waiting for you, as the home page and the newsletter show them)", {"type": "boolean"}), LIMIT, OFFSET], errors=("400", "401")),
  "post": op("Ask the network. The question is routed at once to the members best placed to answer (expertise, "
             "preferring other sectors; skipping who opted out of matchmaking or may not see you); the answer lists "
             "them with the reason.", "askQuestion", "questions", ok="201", schema=ref("QuestionDetail"),
             body=ref("QuestionInput"), errors=("400", "401", "403"), extra={**QN_BODY_ERR, **QN_CONFLICT})}
P["/api/v1/questions/{id}"] = {"get": op("A question with its answers (and whom it was routed to, for the asker)",
    "getQuestion", "questions", schema=ref("QuestionDetail"), params=[pid()])}
P["/api/v1/questions/{id}/answers"] = {"post": op("Answer a question (not your own)", "answerQuestion", "questions",
    ok="201", schema=ref("Answer"), params=[pid()],
    body={"type": "object", "required": ["text"], "additionalProperties": False,
          "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 4000}}}, extra=QN_BODY_ERR)}
P["/api/v1/questions/{id}/helpful"] = {"post": op("Mark the helpful answer (the asker): solves the question and writes "
    "an `answered` interaction to the ledger. Idempotent; 409 when another answer is already marked.",
    "markHelpfulAnswer", "questions", schema=ref("QuestionDetail"), params=[pid()],
    body={"type": "object", "required": ["answer_id"], "additionalProperties": False,
          "properties": {"answer_id": {"type": "integer", "format": "int64"}}}, extra=QN_CONFLICT)}

NOTIFY_LANG = q("lang", "Language of the texts (the web UI's current language); default: the member's first profile "
                "language, English if it is English, else Dutch", {"type": "string", "enum": ["nl", "en"]})
P["/api/v1/notifications"] = {"get": op("My notifications (events, meetings, visits, questions), newest first",
    "listNotifications", "notifications",
    schema={"allOf": [page(ref("Notification")), {"type": "object", "properties": {"unread": {"type": "integer"},
            "lang": {"type": "string", "enum": ["nl", "en"], "description": "The language of the texts"}}}]},
    params=[q("unread", "Only unread ones", {"type": "boolean"}), LIMIT, OFFSET, NOTIFY_LANG], errors=("400", "401"))}
P["/api/v1/notifications/unread-count"] = {"get": op("How many of my notifications are unread (the menu marker)",
    "unreadNotifications", "notifications", schema={"type": "object", "properties": {"unread": {"type": "integer"}}},
    errors=("400", "401"))}
P["/api/v1/notifications/{id}/read"] = {"post": op("Mark one of my notifications read", "readNotification",
    "notifications", schema=ref("Notification"), params=[pid(), NOTIFY_LANG])}
P["/api/v1/notifications/read-all"] = {"post": op("Mark all my notifications read", "readAllNotifications",
    "notifications", schema={"type": "object", "properties": {"marked": {"type": "integer"}, "unread": {"type": "integer"}}},
    errors=("401", "403"))}
P["/api/v1/notifications/preferences"] = {
  "get": op("Which kinds of notification I also get by e-mail", "getNotificationPreferences", "notifications",
            schema=ref("EmailPreferences"), errors=("401",)),
  "put": op("Choose per kind whether to get it by e-mail (keys not sent stay as they are)",
            "setNotificationPreferences", "notifications", schema=ref("EmailPreferences"),
            body={"type": "object", "required": ["email"], "additionalProperties": False, "properties": {
                "email": {"type": "object", "additionalProperties": {"type": "boolean"},
                          "example": {"meeting_declined": False, "question_routed": True}}}},
            errors=("400", "401", "403"), extra=QN_BODY_ERR)}
