#include "notify/notifications.h"

#include <algorithm>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "domain/member_ref.h"
#include "notify/outbox.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::notify {
namespace {

using domain::Viewer;

Status RequireMember(const Viewer& v) {
  if (!v.authenticated() || v.member_id <= 0) return Unauthenticated("sign in first");
  return Status::Ok();
}

std::string Setting(soci::session& sql, const std::string& key) {
  std::string v;
  soci::indicator ind = soci::i_null;
  sql << "SELECT value FROM settings WHERE key = :k", soci::use(key), soci::into(v, ind);
  return ind == soci::i_ok ? v : "";
}

std::string BaseUrl(soci::session& sql) {
  std::string b = Setting(sql, "mail.base_url");
  if (b.empty()) b = Setting(sql, "newsletter.base_url");
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b;
}

// Stored choices of a member: key -> email.
std::map<std::string, bool> StoredChoices(soci::session& sql, int64_t member) {
  std::map<std::string, bool> out;
  long long m = member;
  std::string key;
  int email = 0;
  soci::statement st = (sql.prepare << "SELECT kind, email FROM notification_prefs WHERE member_id = :m", soci::use(m),
                        soci::into(key), soci::into(email));
  st.execute(false);
  while (st.fetch()) out[key] = email != 0;
  return out;
}

}  // namespace

const std::vector<PreferenceKey>& PreferenceKeys() {
  static const std::vector<PreferenceKey> k = {
      {"waitlist_promoted",
       {"waitlist_promoted"},
       true,
       "Promoted from the waiting list",
       "Van de wachtlijst geplaatst"},
      {"registration_cancelled",
       {"registration_cancelled"},
       true,
       "Your registration was cancelled",
       "Je aanmelding is geannuleerd"},
      {"meeting_request", {"meeting_request"}, true, "Meeting requests", "Verzoeken om af te spreken"},
      {"meeting_accepted", {"meeting_accepted"}, true, "Meeting request accepted", "Afspraakverzoek geaccepteerd"},
      {"meeting_declined", {"meeting_declined"}, true, "Meeting request declined", "Afspraakverzoek afgewezen"},
      {"meeting_rescheduled",
       {"meeting_rescheduled", "meeting_moved", "meeting_cancelled"},
       true,
       "Meeting rescheduled or cancelled",
       "Afspraak verzet of vervallen"},
      {"schedule_ready", {"schedule_ready"}, true, "Your schedule is ready", "Je schema staat klaar"},
      {"visit_request", {"visit_request"}, true, "Visit requests", "Verzoeken om op bezoek te komen"},
      {"visit_accepted",
       {"visit_accepted", "visit_declined", "visit_cancelled"},
       true,
       "Answer to your visit request",
       "Antwoord op je bezoekverzoek"},
      {"question_routed", {"question_routed"}, true, "A question for you", "Een vraag voor jou"},
      {"question_answered", {"question_answered"}, true, "An answer to your question", "Een antwoord op je vraag"},
      {"answer_helpful", {"answer_helpful"}, false, "Your answer was marked helpful", "Je antwoord hielp"},
      {"introduction", {"introduction"}, true, "Introductions", "Introducties"},
      {"encounter_claim",
       {"encounter_claim"},
       false,
       "Someone says you spoke at an event",
       "Iemand zegt dat jullie elkaar spraken"},
      {"who_did_you_meet",
       {"who_did_you_meet", "tie_real"},
       true,
       "Whom did you speak with? And a next step",
       "Wie sprak je? En een volgende stap"},
      {"other", {}, false, "Other notifications", "Overige meldingen"},
  };
  return k;
}

const PreferenceKey& KeyOfKind(const std::string& kind) {
  const auto& keys = PreferenceKeys();
  for (const auto& k : keys)
    for (const auto& x : k.kinds)
      if (x == kind) return k;
  return keys.back();
}

std::string MemberLanguage(soci::session& sql, int64_t member_id) {
  long long m = member_id;
  std::string languages;
  soci::indicator ind = soci::i_null;
  sql << "SELECT languages FROM members WHERE id = :m", soci::use(m), soci::into(languages, ind);
  return ind == soci::i_ok && StartsWith(languages, "en") ? "en" : "nl";
}

Text MaskName(const Text& text, const std::string& name) {
  if (name.empty()) return text;
  auto mask = [&](std::string s, const char* start, const char* mid) {
    for (size_t at = s.find(name); at != std::string::npos; at = s.find(name, at)) {
      const std::string with = at == 0 ? start : mid;
      s.replace(at, name.size(), with);
      at += with.size();
    }
    return s;
  };
  return {mask(text.en, "A member", "a member"), mask(text.nl, "Een lid", "een lid")};
}

int64_t Notify(soci::session& sql, int64_t member_id, const std::string& kind, const Text& written,
               const std::string& ref, int64_t now, int64_t about_member) {
  long long m = member_id, t = now, about = about_member;
  std::string about_name;
  Text text = written;
  if (about > 0) {
    sql << "SELECT name FROM members WHERE id = :a", soci::use(about), soci::into(about_name);
    // The mail leaves now: name the other only if the reader may see them now.
    if (domain::VisibleAmong(sql, domain::ViewerOfMember(sql, member_id), {about_member}).empty())
      text = MaskName(written, about_name);
  }
  // `text` holds the English, `text_nl` the Dutch (migration 0009); the stored
  // text keeps the name, masked again at every read (migration 0013).
  sql << "INSERT INTO event_notifications (member_id, kind, text, text_nl, ref, created_at, about_member, about_name) "
         "VALUES (:m, :k, :x, :n, :r, :t, :a, :an)",
      soci::use(m), soci::use(kind), soci::use(written.en), soci::use(written.nl), soci::use(ref), soci::use(t),
      soci::use(about), soci::use(about_name);
  long long id = 0;
  sql << "SELECT max(id) FROM event_notifications WHERE member_id = :m", soci::use(m), soci::into(id);

  const PreferenceKey& key = KeyOfKind(kind);
  bool email = key.email_default;
  {
    int e = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT email FROM notification_prefs WHERE member_id = :m AND kind = :k", soci::use(m), soci::use(key.key),
        soci::into(e, ind);
    if (ind == soci::i_ok) email = e != 0;
  }
  if (!email) return id;
  std::string name, address, languages;
  soci::indicator ni = soci::i_null;
  sql << "SELECT name, email, languages FROM members WHERE id = :m", soci::use(m), soci::into(name, ni),
      soci::into(address), soci::into(languages);
  if (ni != soci::i_ok || !IsValidEmail(address)) return id;
  bool english = StartsWith(languages, "en");
  std::string base = BaseUrl(sql);
  Mail mail;
  mail.kind = "notification." + key.key;
  mail.to_email = address;
  // A name with a line break never reaches a header: names are validated, but be safe.
  for (char c : name)
    if (c != '\r' && c != '\n' && c != '\0') mail.to_name += c;
  if (english) {
    mail.subject = "verbinder: " + key.label_en;
    mail.text = "Hello " + mail.to_name + ",\n\n" + text.en + "\n\n" +
                (base.empty() ? "" : "See your notifications: " + base + "/notifications\n\n") +
                "You get this e-mail because you chose to receive \"" + key.label_en +
                "\" by e-mail. Change this under Notifications in verbinder.\n";
  } else {
    mail.subject = "verbinder: " + key.label_nl;
    mail.text = "Hallo " + mail.to_name + ",\n\n" + text.nl + "\n\n" +
                (base.empty() ? "" : "Bekijk je meldingen: " + base + "/notifications\n\n") +
                "Je krijgt deze e-mail omdat je \"" + key.label_nl +
                "\" per e-mail wilt ontvangen. Dit pas je aan bij Meldingen in verbinder.\n";
  }
  if (!IsValidUtf8(mail.to_name) || mail.to_name.size() > 200) mail.to_name.clear();
  if (!IsValidUtf8(mail.text)) return id;  // never fail the change over a mail
  (void)QueueMail(sql, mail, now);         // validated fields; an invalid mail is skipped, not fatal
  return id;
}

namespace {

// The one projection at read time (domain/member_ref.h): a notification about a
// member the reader may not see (now) shows "een lid" / "a member" instead of
// the name it was written with.
void MaskHidden(soci::session& sql, const domain::Viewer& reader, std::vector<Notification>& items,
                const std::vector<std::pair<int64_t, std::string>>& abouts) {
  std::vector<model::Id> ids;
  for (const auto& [id, name] : abouts)
    if (id > 0) ids.push_back(id);
  if (ids.empty()) return;
  auto visible = domain::VisibleAmong(sql, reader, ids);
  for (size_t i = 0; i < items.size() && i < abouts.size(); ++i) {
    const auto& [id, name] = abouts[i];
    if (id > 0 && std::find(visible.begin(), visible.end(), id) == visible.end())
      items[i].text = MaskName(items[i].text, name);
  }
}

Notification ReadRow(long long id, long long member, const std::string& kind, const std::string& en,
                     const std::string& nl, const std::string& ref, long long created, long long read) {
  Notification n;
  n.id = id;
  n.member_id = member;
  n.kind = kind;
  n.key = KeyOfKind(kind).key;
  n.text = {en, nl};
  n.ref = ref;
  n.created_at = created;
  n.read_at = read;
  return n;
}

}  // namespace

Result<domain::Page<Notification>> NotificationService::List(const Viewer& viewer, bool unread_only, int limit,
                                                             int offset) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  return domain::WithSession<domain::Page<Notification>>(
      db_, [&](soci::session& sql) -> Result<domain::Page<Notification>> {
        domain::Page<Notification> page;
        page.limit = limit;
        page.offset = offset;
        long long m = viewer.member_id, lim = limit, off = offset, total = 0;
        std::string cond = unread_only ? " AND read_at = 0" : "";
        sql << "SELECT count(*) FROM event_notifications WHERE member_id = :m" + cond, soci::use(m), soci::into(total);
        page.total = total;
        long long id = 0, created = 0, read = 0, about = 0;
        std::string kind, text, text_nl, ref, about_name;
        soci::statement st =
            (sql.prepare << "SELECT id, kind, text, text_nl, ref, created_at, read_at, about_member, about_name "
                            "FROM event_notifications WHERE member_id = :m" +
                                cond + " ORDER BY id DESC LIMIT :l OFFSET :o",
             soci::use(m), soci::use(lim), soci::use(off), soci::into(id), soci::into(kind), soci::into(text),
             soci::into(text_nl), soci::into(ref), soci::into(created), soci::into(read), soci::into(about),
             soci::into(about_name));
        st.execute(false);
        std::vector<std::pair<int64_t, std::string>> abouts;
        while (st.fetch()) {
          page.items.push_back(ReadRow(id, m, kind, text, text_nl, ref, created, read));
          abouts.push_back({about, about_name});
        }
        MaskHidden(sql, viewer, page.items, abouts);
        return page;
      });
}

Result<std::string> NotificationService::Language(const Viewer& viewer) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  return domain::WithSession<std::string>(
      db_, [&](soci::session& sql) -> Result<std::string> { return MemberLanguage(sql, viewer.member_id); });
}

Result<int64_t> NotificationService::UnreadCount(const Viewer& viewer) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  return domain::WithSession<int64_t>(db_, [&](soci::session& sql) -> Result<int64_t> {
    long long m = viewer.member_id, n = 0;
    sql << "SELECT count(*) FROM event_notifications WHERE member_id = :m AND read_at = 0", soci::use(m), soci::into(n);
    return static_cast<int64_t>(n);
  });
}

Result<Notification> NotificationService::MarkRead(const Viewer& viewer, int64_t id) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  return domain::WithSession<Notification>(db_, [&](soci::session& sql) -> Result<Notification> {
    long long m = viewer.member_id, nid = id, t = clock_.Now();
    storage::Transaction tr(sql);
    sql << "UPDATE event_notifications SET read_at = :t WHERE id = :id AND member_id = :m AND read_at = 0",
        soci::use(t), soci::use(nid), soci::use(m);
    long long created = 0, read = 0, about = 0;
    std::string kind, text, text_nl, ref, about_name;
    soci::indicator ind = soci::i_null;
    sql << "SELECT kind, text, text_nl, ref, created_at, read_at, about_member, about_name FROM event_notifications "
           "WHERE id = :id AND member_id = :m",
        soci::use(nid), soci::use(m), soci::into(kind, ind), soci::into(text), soci::into(text_nl), soci::into(ref),
        soci::into(created), soci::into(read), soci::into(about), soci::into(about_name);
    if (ind != soci::i_ok) return NotFound("no such notification", "id");
    tr.commit();
    std::vector<Notification> one{ReadRow(nid, m, kind, text, text_nl, ref, created, read)};
    MaskHidden(sql, viewer, one, {{about, about_name}});
    return one.front();
  });
}

Result<int64_t> NotificationService::MarkAllRead(const Viewer& viewer) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  return domain::WithSession<int64_t>(db_, [&](soci::session& sql) -> Result<int64_t> {
    long long m = viewer.member_id, t = clock_.Now();
    soci::statement st = (sql.prepare << "UPDATE event_notifications SET read_at = :t WHERE member_id = :m AND "
                                         "read_at = 0",
                          soci::use(t), soci::use(m));
    st.execute(true);
    return static_cast<int64_t>(st.get_affected_rows());
  });
}

Result<std::vector<EmailPreference>> NotificationService::EmailPreferences(const Viewer& viewer) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  return domain::WithSession<std::vector<EmailPreference>>(
      db_, [&](soci::session& sql) -> Result<std::vector<EmailPreference>> {
        auto stored = StoredChoices(sql, viewer.member_id);
        std::vector<EmailPreference> out;
        for (const auto& k : PreferenceKeys()) {
          auto it = stored.find(k.key);
          out.push_back({k, it == stored.end() ? k.email_default : it->second});
        }
        return out;
      });
}

Result<std::vector<EmailPreference>> NotificationService::SetEmailPreferences(
    const Viewer& viewer, const std::map<std::string, bool>& email) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  for (const auto& [key, on] : email) {
    bool known = false;
    for (const auto& k : PreferenceKeys()) known = known || k.key == key;
    if (!known) return InvalidArgument("unknown kind of notification", "email." + key);
  }
  auto done = domain::WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tr(sql);
    long long m = viewer.member_id;
    for (const auto& [key, on] : email) {
      sql << "DELETE FROM notification_prefs WHERE member_id = :m AND kind = :k", soci::use(m), soci::use(key);
      int e = on ? 1 : 0;
      sql << "INSERT INTO notification_prefs (member_id, kind, email) VALUES (:m, :k, :e)", soci::use(m),
          soci::use(key), soci::use(e);
    }
    tr.commit();
    return true;
  });
  if (!done.ok()) return done.status();
  return EmailPreferences(viewer);
}

}  // namespace verbinder::notify
