// Members' notifications: every change that affects a member (promoted from
// the waitlist, a meeting request and its answer, a rescheduled meeting, a
// visit request and its answer, a question routed to them, an answer to their
// question, ...) is written as a row of `event_notifications` and — when the
// member wants that kind by e-mail — queued in the mail outbox (outbox.h) in
// the same transaction. Members choose per preference key which kinds they
// get by e-mail; the app always shows all of them.
//
//   // inside the transaction of the change (events, questions):
//   notify::Notify(sql, pieter_id, "question_routed",
//                  {"Anja asks: how do you plan shifts?", "Anja vraagt: hoe plan je diensten?"}, "question:7", now);
//
//   NotificationService svc(db, clock);
//   auto page = svc.List(viewer, /*unread_only=*/true, 50, 0);
//   svc.MarkRead(viewer, page->items[0].id);
//   svc.SetEmailPreferences(viewer, {{"meeting_declined", false}});
//
// Every notification carries its text in English and Dutch (Text); the app
// shows the one in the reader's language (List(viewer, ..., lang)), the
// e-mail goes out in the member's first language.
//
// Kinds are grouped under preference keys (PreferenceKeys()): e.g. key
// "meeting_rescheduled" covers kinds meeting_rescheduled, meeting_moved and
// meeting_cancelled. A kind outside every group falls under key "other"
// (e-mail off by default).
//
// Thread-safety: Notify uses the caller's session; the service is safe for
// concurrent use (one pooled session per call).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/members.h"
#include "domain/viewer.h"
#include "storage/database.h"
#include "util/clock.h"

namespace soci {
class session;
}

namespace verbinder::notify {

struct PreferenceKey {
  std::string key;                 // "meeting_request"
  std::vector<std::string> kinds;  // notification kinds it covers
  bool email_default = true;
  std::string label_en, label_nl;  // "Meeting requests" / "Verzoeken om af te spreken"
};
// Every preference key, in display order (the last one is "other").
const std::vector<PreferenceKey>& PreferenceKeys();
// The preference key of a notification kind ("other" when none claims it).
const PreferenceKey& KeyOfKind(const std::string& kind);

// Writes the notification and, when the member wants its kind by e-mail and
// has a valid address, queues a mail (subject and wording in the member's
// first language, Dutch unless it is English). Runs in the caller's
// transaction; throws on database errors like any statement. Returns the
// notification id.
// A notification's text in both languages ("Anja asks ..." / "Anja vraagt ...").
struct Text {
  std::string en, nl;
  // The text in `lang` ("en" or else Dutch).
  const std::string& In(const std::string& lang) const { return lang == "en" ? en : nl; }
};

// `about_member`: the member the text names (0 = none). Their name is masked as
// "een lid" / "a member" in the mail when the reader may not see them, and at
// every read when the reader may not see them (then) — issue #15.
int64_t Notify(soci::session& sql, int64_t member_id, const std::string& kind, const Text& text, const std::string& ref,
               int64_t now, int64_t about_member = 0);
// `text` with every occurrence of `name` replaced by "A member"/"a member" (en)
// and "Een lid"/"een lid" (nl).
Text MaskName(const Text& text, const std::string& name);

// "en" when the member's first profile language is English, else "nl" (the
// language of their e-mails and, by default, of their notifications).
std::string MemberLanguage(soci::session& sql, int64_t member_id);

struct Notification {
  int64_t id = 0;
  int64_t member_id = 0;
  std::string kind;
  std::string key;  // its preference key
  Text text;        // both languages
  std::string ref;  // "question:7", "meeting_request:3", "visit:2", "event:1"
  int64_t created_at = 0;
  int64_t read_at = 0;  // 0 = unread
};

struct EmailPreference {
  PreferenceKey key;
  bool email = true;  // the member's choice (or the default)
};

class NotificationService {
 public:
  NotificationService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The viewer's own notifications, newest first; total counts all that match.
  Result<domain::Page<Notification>> List(const domain::Viewer& viewer, bool unread_only, int limit, int offset);
  // The viewer's language for notifications: MemberLanguage (nl|en).
  Result<std::string> Language(const domain::Viewer& viewer);
  Result<int64_t> UnreadCount(const domain::Viewer& viewer);
  // NotFound when the notification is not the viewer's. Idempotent.
  Result<Notification> MarkRead(const domain::Viewer& viewer, int64_t id);
  // Marks every unread notification of the viewer read; returns how many.
  Result<int64_t> MarkAllRead(const domain::Viewer& viewer);

  Result<std::vector<EmailPreference>> EmailPreferences(const domain::Viewer& viewer);
  // Sets some keys (others unchanged). InvalidArgument("unknown kind of
  // notification", "email.<key>") for an unknown key; all or nothing.
  Result<std::vector<EmailPreference>> SetEmailPreferences(const domain::Viewer& viewer,
                                                           const std::map<std::string, bool>& email);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::notify
