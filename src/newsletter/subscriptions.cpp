#include "newsletter/subscriptions.h"

#include <algorithm>

#include <soci/soci.h>

#include "domain/change_log.h"
#include "domain/db_util.h"
#include "domain/member_cache.h"
#include "domain/validation.h"
#include "mail/config.h"
#include "newsletter/tokens.h"
#include "newsletter/topics.h"
#include "notify/outbox.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::newsletter {
namespace {

using model::Id;

// The member is whoever has the address now (also one who joined after
// subscribing, before LinkMembers stores the link), else the stored link (a
// member who has since changed their address).
constexpr const char* kColumns =
    "s.id, s.email, COALESCE(m.id, s.member_id, 0), s.language, s.topics, s.status, s.hard_bounces, s.created_at, "
    "s.confirmed_at, s.unsubscribed_at, s.topics_only";
constexpr const char* kFrom = " FROM subscribers s LEFT JOIN members m ON m.email = s.email";

struct Row {
  long long id = 0, member = 0, created = 0, confirmed = 0, unsubscribed = 0;
  int bounces = 0, topics_only = 0;
  std::string email, language, topics, status;
};

void BindRow(soci::statement& st, Row& r) {
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.email));
  st.exchange(soci::into(r.member));
  st.exchange(soci::into(r.language));
  st.exchange(soci::into(r.topics));
  st.exchange(soci::into(r.status));
  st.exchange(soci::into(r.bounces));
  st.exchange(soci::into(r.created));
  st.exchange(soci::into(r.confirmed));
  st.exchange(soci::into(r.unsubscribed));
  st.exchange(soci::into(r.topics_only));
}

template <typename St>
void IntoRow(St& st, Row& r) {
  st.Into(r.id);
  st.Into(r.email);
  st.Into(r.member);
  st.Into(r.language);
  st.Into(r.topics);
  st.Into(r.status);
  st.Into(r.bounces);
  st.Into(r.created);
  st.Into(r.confirmed);
  st.Into(r.unsubscribed);
  st.Into(r.topics_only);
}

Subscriber FromRow(const Row& r) {
  Subscriber s;
  s.id = r.id;
  s.email = r.email;
  s.member_id = r.member;
  s.language = r.language;
  s.topics = r.topics.empty() ? std::vector<std::string>{} : Split(r.topics, ',');
  s.status = ParseSubscriberStatus(r.status).value_or(SubscriberStatus::kPending);
  s.hard_bounces = r.bounces;
  s.created_at = r.created;
  s.confirmed_at = r.confirmed;
  s.unsubscribed_at = r.unsubscribed;
  s.topics_only = r.topics_only != 0;
  return s;
}

// Loads one subscriber by a condition on alias `s` with one parameter; nullopt when absent.
std::optional<Subscriber> LoadWhere(soci::session& sql, const std::string& cond, const std::string& value) {
  Row r;
  std::string v = value;
  soci::statement st(sql);
  st.alloc();
  st.prepare(std::string("SELECT ") + kColumns + kFrom + " WHERE " + cond);
  st.exchange(soci::use(v));
  BindRow(st, r);
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return FromRow(r);
}

// Checks language and topics; topics become lower-case keys without
// duplicates. When the installation has a topic catalogue, only its keys are
// accepted (see topics.h).
Status ValidatePrefs(soci::session& sql, const std::string& language, std::vector<std::string>& topics) {
  if (language != "nl" && language != "en")
    return InvalidArgument("must be 'nl' or 'en'", "language").WithReason("field.invalid_choice");
  if (topics.size() > 20)
    return InvalidArgument("at most 20 topics", "topics").WithReason("field.too_many", {{"max", "20"}});
  std::vector<std::string> clean;
  for (size_t i = 0; i < topics.size(); ++i) {
    const std::string field = "topics[" + std::to_string(i) + "]";
    VB_RETURN_IF_ERROR(domain::CheckText(field, topics[i], 1, domain::kMaxTag));
    if (topics[i].find(',') != std::string::npos)
      return InvalidArgument("a topic cannot contain a comma", field).WithReason("field.no_comma");
    std::string k = AsciiLower(Trim(topics[i]));
    if (std::find(clean.begin(), clean.end(), k) == clean.end()) clean.push_back(k);
  }
  auto catalogue = LoadTopics(sql);
  if (!catalogue.empty()) {
    for (size_t i = 0; i < clean.size(); ++i) {
      bool known = false;
      for (const auto& t : catalogue) known = known || t.key == clean[i];
      if (!known) {
        std::string keys;
        for (const auto& t : catalogue) keys += (keys.empty() ? "" : ", ") + t.key;
        return InvalidArgument("is not a topic; choose from " + keys, "topics[" + std::to_string(i) + "]")
            .WithReason("newsletter.unknown_topic", {{"topic", clean[i]}});
      }
    }
  }
  topics = std::move(clean);
  return Status::Ok();
}

// The confirmation mail, in the subscriber's language.
notify::Mail ConfirmationMail(const std::string& email, const std::string& language, const std::string& url) {
  notify::Mail m;
  m.to_email = email;
  m.kind = "newsletter.confirm";
  if (language == "en") {
    m.subject = "Please confirm your newsletter subscription";
    m.text =
        "Hello,\n\nSomeone (hopefully you) subscribed this address to our newsletter. To confirm, open this "
        "link and press the button:\n\n" +
        url +
        "\n\nThe link works for 48 hours. If you did not subscribe, "
        "ignore this e-mail: without confirmation you will not receive anything.\n";
  } else {
    m.subject = "Bevestig je aanmelding voor de nieuwsbrief";
    m.text =
        "Hallo,\n\nIemand (hopelijk jij) heeft dit adres aangemeld voor onze nieuwsbrief. Open deze link en "
        "druk op de knop om te bevestigen:\n\n" +
        url +
        "\n\nDe link werkt 48 uur. Heb je je niet aangemeld? "
        "Dan kun je deze e-mail negeren: zonder bevestiging ontvang je niets.\n";
  }
  return m;
}

// Records the consent on the profile of the member with this address, if any,
// and logs the change for every server's profile cache (domain/change_log.h).
// The member's id, or 0 when no member has this address.
int64_t SetMemberConsent(soci::session& sql, const std::string& email, bool consent, int64_t now) {
  long long id = 0;
  sql << "SELECT id FROM members WHERE email = :e", soci::use(email), soci::into(id);
  if (!sql.got_data()) return 0;
  int c = consent ? 1 : 0;
  sql << "UPDATE members SET consent_newsletter = :c WHERE id = :id", soci::use(c), soci::use(id);
  domain::LogMemberChange(sql, id, now);
  return id;
}

// Stores the link from the subscriber with this address to the member who has
// it, if any (also when it pointed at an earlier owner of the address).
void LinkByEmail(soci::session& sql, const std::string& email) {
  sql << "UPDATE subscribers SET member_id = (SELECT m.id FROM members m WHERE m.email = subscribers.email) "
         "WHERE email = :e AND EXISTS (SELECT 1 FROM members m WHERE m.email = subscribers.email)",
      soci::use(email);
}

// Queues the confirmation mail for a pending subscriber unless one went to
// the address within kConfirmMailInterval. True when a mail was queued.
Result<bool> QueueConfirmation(soci::session& sql, Id subscriber_id, const std::string& email,
                               const std::string& language, const std::string& url, int64_t now) {
  long long id = subscriber_id, last = 0, since = now - kConfirmMailInterval, n = now;
  sql << "SELECT confirm_sent_at FROM subscribers WHERE id = :id", soci::use(id), soci::into(last);
  if (last > since && last <= now) return false;
  VB_ASSIGN_OR_RETURN(int64_t queued, notify::QueueMail(sql, ConfirmationMail(email, language, url), now));
  (void)queued;
  sql << "UPDATE subscribers SET confirm_sent_at = :n WHERE id = :id", soci::use(n), soci::use(id);
  return true;
}

// Unsubscribes at once; deliveries of an issue still being sent to this
// address are skipped.
void MarkUnsubscribed(soci::session& sql, Id subscriber_id, int64_t now) {
  long long id = subscriber_id, n = now;
  sql << "UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = :u WHERE id = :id", soci::use(n),
      soci::use(id);
  sql << "UPDATE newsletter_deliveries SET status = 'skipped', updated_at = :u WHERE subscriber_id = :id AND "
         "status = 'pending'",
      soci::use(n), soci::use(id);
}

}  // namespace

std::string_view ToString(SubscriberStatus s) {
  switch (s) {
    case SubscriberStatus::kPending:
      return "pending";
    case SubscriberStatus::kConfirmed:
      return "confirmed";
    case SubscriberStatus::kUnsubscribed:
      return "unsubscribed";
    case SubscriberStatus::kBounced:
      return "bounced";
  }
  return "pending";
}

std::optional<SubscriberStatus> ParseSubscriberStatus(std::string_view s) {
  if (s == "pending") return SubscriberStatus::kPending;
  if (s == "confirmed") return SubscriberStatus::kConfirmed;
  if (s == "unsubscribed") return SubscriberStatus::kUnsubscribed;
  if (s == "bounced") return SubscriberStatus::kBounced;
  return std::nullopt;
}

Result<std::string> SubscriptionService::Key() {
  std::lock_guard<std::mutex> lock(key_mu_);
  if (key_.empty()) {
    VB_ASSIGN_OR_RETURN(key_, TokenKey(db_));
  }
  return key_;
}

std::string ConfirmUrl(const std::string& base_url, const std::string& token) {
  return base_url + "/api/v1/newsletter/confirm/" + token;
}

Result<Subscription> SubscriptionService::Subscribe(const std::string& raw_email, const std::string& language,
                                                    const std::vector<std::string>& raw_topics,
                                                    bool queue_confirmation) {
  std::string email = AsciiLower(Trim(raw_email));
  VB_RETURN_IF_ERROR(domain::CheckText("email", email, 1, 254));
  if (!IsValidEmail(email))
    return InvalidArgument("is not a valid e-mail address", "email").WithReason("field.invalid_email");
  VB_ASSIGN_OR_RETURN(std::string key, Key());
  const int64_t now = clock_.Now();
  return domain::WithSession<Subscription>(db_, [&](soci::session& sql) -> Result<Subscription> {
    std::vector<std::string> topics = raw_topics;
    VB_RETURN_IF_ERROR(ValidatePrefs(sql, language, topics));
    std::string t = Join(topics, ",");
    long long n = now;
    std::string base_url;
    if (queue_confirmation) {
      auto cfg = mail::LoadMailConfig(sql);
      if (!cfg)
        return Status(Code::kUnavailable, "mail settings are not valid: " + cfg.status().ToString(), "mail")
            .WithReason("newsletter.mail_not_configured");
      base_url = cfg->base_url;
    }
    storage::Transaction tr(sql);
    auto existing = LoadWhere(sql, "s.email = :e", email);
    if (existing && existing->status == SubscriberStatus::kConfirmed) {
      LinkByEmail(sql, email);
      tr.commit();
      return Subscription{*existing, ""};
    }
    if (existing) {
      long long id = existing->id;
      sql << "UPDATE subscribers SET status = 'pending', language = :l, topics = :t, hard_bounces = 0, "
             "unsubscribed_at = 0 WHERE id = :id",
          soci::use(language), soci::use(t), soci::use(id);
    } else {
      sql << "INSERT INTO subscribers (email, language, topics, status, created_at) VALUES (:e, :l, :t, 'pending', :c)",
          soci::use(email), soci::use(language), soci::use(t), soci::use(n);
    }
    // A member's address: the subscriber is that member (pending until confirmed;
    // the profile changes only on confirmation).
    LinkByEmail(sql, email);
    auto s = LoadWhere(sql, "s.email = :e", email);
    if (!s) return Internal("the subscription vanished");
    Subscription out{*s, SignToken(key, TokenPurpose::kConfirm, s->id, now + kConfirmTokenLifetime), false};
    if (queue_confirmation) {
      // Queued in this transaction: the mail exists if and only if the subscription does.
      VB_ASSIGN_OR_RETURN(out.confirmation_queued,
                          QueueConfirmation(sql, s->id, email, language, ConfirmUrl(base_url, out.confirm_token), now));
    }
    tr.commit();
    return out;
  });
}

Result<Subscriber> SubscriptionService::SubscribeMember(const domain::Viewer& viewer, const std::string& language,
                                                        const std::vector<std::string>& raw_topics, bool topics_only) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  const int64_t now = clock_.Now();
  int64_t changed = 0;  // the member whose consent changed
  auto r = domain::WithSession<Subscriber>(db_, [&](soci::session& sql) -> Result<Subscriber> {
    std::vector<std::string> topics = raw_topics;
    VB_RETURN_IF_ERROR(ValidatePrefs(sql, language, topics));
    long long mid = viewer.member_id, n = now;
    int only = topics_only ? 1 : 0;
    std::string email, t = Join(topics, ",");
    storage::Transaction tr(sql);
    sql << "SELECT email FROM members WHERE id = :id", soci::use(mid), soci::into(email);
    if (!sql.got_data()) return NotFound("no member with id " + std::to_string(mid), "member_id");
    auto existing = LoadWhere(sql, "s.email = :e", email);
    if (existing) {
      long long id = existing->id;
      sql << "UPDATE subscribers SET status = 'confirmed', member_id = :m, language = :l, topics = :t, topics_only = "
             ":o, "
             "hard_bounces = 0, confirmed_at = :c, unsubscribed_at = 0 WHERE id = :id",
          soci::use(mid), soci::use(language), soci::use(t), soci::use(only), soci::use(n), soci::use(id);
    } else {
      sql << "INSERT INTO subscribers (email, member_id, language, topics, topics_only, status, created_at, "
             "confirmed_at) "
             "VALUES (:e, :m, :l, :t, :o, 'confirmed', :c, :c2)",
          soci::use(email), soci::use(mid), soci::use(language), soci::use(t), soci::use(only), soci::use(n),
          soci::use(n);
    }
    changed = SetMemberConsent(sql, email, true, n);
    auto s = LoadWhere(sql, "s.email = :e", email);
    tr.commit();
    if (!s) return Internal("the subscription vanished");
    return *s;
  });
  if (changed) domain::MemberCache::For(db_)->Invalidate(changed);  // after the commit
  return r;
}

Result<Subscriber> SubscriptionService::Confirm(const std::string& token) {
  VB_ASSIGN_OR_RETURN(std::string key, Key());
  VB_ASSIGN_OR_RETURN(int64_t sid, VerifyToken(key, TokenPurpose::kConfirm, token, clock_.Now()));
  int64_t changed = 0;  // the member whose consent changed
  auto r = domain::WithSession<Subscriber>(db_, [&](soci::session& sql) -> Result<Subscriber> {
    storage::Transaction tr(sql);
    auto s = LoadWhere(sql, "s.id = :id", std::to_string(sid));
    if (!s) return InvalidArgument("this link is not valid", "token").WithReason("newsletter.link_invalid");
    if (s->status == SubscriberStatus::kConfirmed)
      return Conflict("this subscription is already confirmed", "token").WithReason("newsletter.already_confirmed");
    if (s->status != SubscriberStatus::kPending)
      return Conflict("this address unsubscribed after the link was sent; subscribe again", "token")
          .WithReason("newsletter.unsubscribed_meanwhile");
    long long id = sid, n = clock_.Now();
    sql << "UPDATE subscribers SET status = 'confirmed', confirmed_at = :c WHERE id = :id", soci::use(n), soci::use(id);
    // A member's address: the subscriber is that member, and the profile says so.
    LinkByEmail(sql, s->email);
    changed = SetMemberConsent(sql, s->email, true, n);
    s->status = SubscriberStatus::kConfirmed;
    s->confirmed_at = n;
    tr.commit();
    return *s;
  });
  if (changed) domain::MemberCache::For(db_)->Invalidate(changed);  // after the commit
  return r;
}

Result<std::string> SubscriptionService::UnsubscribeToken(Id subscriber_id) {
  VB_ASSIGN_OR_RETURN(std::string key, Key());
  return SignToken(key, TokenPurpose::kUnsubscribe, subscriber_id, kNeverExpires);
}

Result<Subscriber> SubscriptionService::ByUnsubscribeToken(const std::string& token) {
  VB_ASSIGN_OR_RETURN(std::string key, Key());
  VB_ASSIGN_OR_RETURN(int64_t sid, VerifyToken(key, TokenPurpose::kUnsubscribe, token, clock_.Now()));
  return domain::WithSession<Subscriber>(db_, [&](soci::session& sql) -> Result<Subscriber> {
    auto s = LoadWhere(sql, "s.id = :id", std::to_string(sid));
    if (!s) return InvalidArgument("this link is not valid", "token").WithReason("newsletter.link_invalid");
    return *s;
  });
}

Result<Subscriber> SubscriptionService::UpdatePreferences(const std::string& token, const std::string& language,
                                                          const std::vector<std::string>& raw_topics,
                                                          bool topics_only) {
  VB_ASSIGN_OR_RETURN(std::string key, Key());
  VB_ASSIGN_OR_RETURN(int64_t sid, VerifyToken(key, TokenPurpose::kUnsubscribe, token, clock_.Now()));
  return domain::WithSession<Subscriber>(db_, [&](soci::session& sql) -> Result<Subscriber> {
    std::vector<std::string> topics = raw_topics;
    VB_RETURN_IF_ERROR(ValidatePrefs(sql, language, topics));
    long long id = sid;
    int only = topics_only ? 1 : 0;
    std::string t = Join(topics, ",");
    sql << "UPDATE subscribers SET language = :l, topics = :t, topics_only = :o WHERE id = :id", soci::use(language),
        soci::use(t), soci::use(only), soci::use(id);
    auto s = LoadWhere(sql, "s.id = :id", std::to_string(sid));
    if (!s) return InvalidArgument("this link is not valid", "token").WithReason("newsletter.link_invalid");
    return *s;
  });
}

Result<Subscriber> SubscriptionService::Mine(const domain::Viewer& viewer) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  return domain::WithSession<Subscriber>(db_, [&](soci::session& sql) -> Result<Subscriber> {
    long long mid = viewer.member_id;
    std::string email;
    sql << "SELECT email FROM members WHERE id = :id", soci::use(mid), soci::into(email);
    if (!sql.got_data()) return NotFound("no member with id " + std::to_string(mid), "member_id");
    auto s = LoadWhere(sql, "s.email = :e", email);
    if (!s) return NotFound("you are not subscribed", "subscription").WithReason("newsletter.not_subscribed");
    return *s;
  });
}

Result<SubscriptionService::ProfileSync> SubscriptionService::ApplyProfileChoice(const domain::Viewer& viewer,
                                                                                 Id member_id,
                                                                                 const model::Member* before) {
  VB_ASSIGN_OR_RETURN(std::string key, Key());
  const int64_t now = clock_.Now();
  int64_t switched_on_profile = 0;  // the member whose profile choice this call switched on
  auto r = domain::WithSession<ProfileSync>(db_, [&](soci::session& sql) -> Result<ProfileSync> {
    storage::Transaction tr(sql);
    long long mid = member_id, n = now;
    std::string email, languages;
    int consent = 0;
    sql << "SELECT email, consent_newsletter, languages FROM members WHERE id = :id", soci::use(mid), soci::into(email),
        soci::into(consent), soci::into(languages);
    if (!sql.got_data()) return NotFound("no member with id " + std::to_string(member_id), "member_id");
    const bool want = consent != 0;
    const bool was = before && before->consent_newsletter;
    const bool switched_on = want && !was, switched_off = !want && was;
    const std::string old_email = before ? AsciiLower(Trim(before->email)) : "";
    const bool moved = !old_email.empty() && old_email != email;
    const std::string language = StartsWith(languages, "en") ? "en" : "nl";
    // The account proves the address when the member changes their own
    // profile and kept the address they signed up (or were invited) with.
    bool proven = false;
    if (viewer.authenticated() && viewer.member_id == member_id && !moved) {
      int disabled = 1;
      sql << "SELECT disabled FROM accounts WHERE member_id = :id", soci::use(mid), soci::into(disabled);
      proven = sql.got_data() && disabled == 0;
    }
    auto stored_member = [&](Id sid) -> Id {
      long long m = 0, id = sid;
      soci::indicator ind = soci::i_null;
      sql << "SELECT member_id FROM subscribers WHERE id = :id", soci::use(id), soci::into(m, ind);
      return sql.got_data() && ind == soci::i_ok ? m : 0;
    };
    ProfileSync out;
    out.consent = want;
    auto row = LoadWhere(sql, "s.email = :e", email);

    // 1. A new address: the subscription of the old one follows it (and must
    // be confirmed there), or stops when the member now has one there or is off.
    if (moved) {
      auto old = LoadWhere(sql, "s.email = :e", old_email);
      long long taken = 0;
      sql << "SELECT count(*) FROM members WHERE email = :e", soci::use(old_email), soci::into(taken);
      const Id owner = old ? stored_member(old->id) : 0;
      if (old && !taken && (owner == 0 || owner == member_id) && old->status != SubscriberStatus::kUnsubscribed) {
        if (want && !row) {
          long long id = old->id;
          sql << "UPDATE subscribers SET email = :e, member_id = :m, status = 'pending', confirm_sent_at = 0 WHERE id "
                 "= :id",
              soci::use(email), soci::use(mid), soci::use(id);
          row = LoadWhere(sql, "s.email = :e", email);
        } else {
          MarkUnsubscribed(sql, old->id, now);
          if (!want) out.outcome = ProfileOutcome::kUnsubscribed;
        }
      }
    }

    // 2. The subscription of the member's address is theirs.
    bool newly_linked = false;
    if (row && stored_member(row->id) != member_id) {
      long long id = row->id;
      sql << "UPDATE subscribers SET member_id = :m WHERE id = :id", soci::use(mid), soci::use(id);
      newly_linked = true;
    }

    // 3. The choice.
    auto confirm_now = [&](Id sid) {
      long long id = sid;
      sql << "UPDATE subscribers SET status = 'confirmed', member_id = :m, confirmed_at = :c, unsubscribed_at = 0, "
             "hard_bounces = 0 WHERE id = :id",
          soci::use(mid), soci::use(n), soci::use(id);
      out.outcome = ProfileOutcome::kConfirmed;
    };
    auto ask = [&](const Subscriber& sub, bool reset) -> Status {
      if (reset) {
        long long id = sub.id;
        sql << "UPDATE subscribers SET status = 'pending', hard_bounces = 0, unsubscribed_at = 0 WHERE id = :id",
            soci::use(id);
      }
      auto cfg = mail::LoadMailConfig(sql);
      if (!cfg)
        return Status(Code::kUnavailable, "mail settings are not valid: " + cfg.status().ToString(), "mail")
            .WithReason("newsletter.mail_not_configured");
      const std::string token = SignToken(key, TokenPurpose::kConfirm, sub.id, now + kConfirmTokenLifetime);
      VB_ASSIGN_OR_RETURN(
          bool queued, QueueConfirmation(sql, sub.id, sub.email, sub.language, ConfirmUrl(cfg->base_url, token), now));
      if (queued) out.outcome = ProfileOutcome::kConfirmationSent;
      return Status::Ok();
    };
    if (want) {
      if (!row) {
        std::string st = proven ? "confirmed" : "pending";
        long long confirmed_at = proven ? n : 0;
        sql << "INSERT INTO subscribers (email, member_id, language, topics, status, created_at, confirmed_at) "
               "VALUES (:e, :m, :l, '', :s, :c, :ca)",
            soci::use(email), soci::use(mid), soci::use(language), soci::use(st), soci::use(n), soci::use(confirmed_at);
        row = LoadWhere(sql, "s.email = :e", email);
        if (!row) return Internal("the subscription vanished");
        if (proven)
          out.outcome = ProfileOutcome::kConfirmed;
        else
          VB_RETURN_IF_ERROR(ask(*row, false));
      } else if (row->status == SubscriberStatus::kUnsubscribed) {
        if (proven)
          confirm_now(row->id);
        else
          VB_RETURN_IF_ERROR(ask(*row, true));
      } else if (row->status == SubscriberStatus::kPending) {
        if (proven)
          confirm_now(row->id);
        else if (switched_on || moved)
          VB_RETURN_IF_ERROR(ask(*row, false));
      } else if (row->status == SubscriberStatus::kBounced && switched_on) {
        // Switching it on again starts afresh, as re-subscribing does.
        if (proven)
          confirm_now(row->id);
        else
          VB_RETURN_IF_ERROR(ask(*row, true));
      }
    } else if (row) {
      if (row->status == SubscriberStatus::kConfirmed && newly_linked && !switched_off) {
        // They subscribed (double opt-in) before this address was theirs on the
        // profile: the profile follows the subscription.
        long long one = 1;
        sql << "UPDATE members SET consent_newsletter = :c WHERE id = :id", soci::use(one), soci::use(mid);
        domain::LogMemberChange(sql, member_id, now);
        switched_on_profile = member_id;
        out.consent = true;
        out.outcome = ProfileOutcome::kProfileSwitchedOn;
      } else if (row->status == SubscriberStatus::kConfirmed ||
                 (switched_off && row->status != SubscriberStatus::kUnsubscribed)) {
        MarkUnsubscribed(sql, row->id, now);
        out.outcome = ProfileOutcome::kUnsubscribed;
      }
    }
    out.subscriber = LoadWhere(sql, "s.email = :e", email);
    tr.commit();
    return out;
  });
  if (switched_on_profile) domain::MemberCache::For(db_)->Invalidate(switched_on_profile);  // after the commit
  return r;
}

Result<int64_t> SubscriptionService::LinkMembers() {
  const int64_t now = clock_.Now();
  std::vector<int64_t> switched_on;  // members whose profile choice went on
  auto r = domain::WithSession<int64_t>(db_, [&](soci::session& sql) -> Result<int64_t> {
    storage::Transaction tr(sql);
    struct Link {
      long long subscriber, member;
      bool confirmed, consent;
    };
    std::vector<Link> links;
    {
      long long sid = 0, mid = 0;
      std::string status;
      int consent = 0;
      soci::statement st =
          (sql.prepare << "SELECT s.id, m.id, s.status, m.consent_newsletter FROM subscribers s JOIN "
                          "members m ON m.email = s.email WHERE s.member_id IS NULL OR s.member_id <> m.id "
                          "ORDER BY s.id",
           soci::into(sid), soci::into(mid), soci::into(status), soci::into(consent));
      st.execute();
      while (st.fetch()) links.push_back({sid, mid, status == "confirmed", consent != 0});
    }
    for (const auto& l : links) {
      long long sid = l.subscriber, mid = l.member;
      sql << "UPDATE subscribers SET member_id = :m WHERE id = :id", soci::use(mid), soci::use(sid);
      if (l.confirmed && !l.consent) {
        long long one = 1;
        sql << "UPDATE members SET consent_newsletter = :c WHERE id = :id", soci::use(one), soci::use(mid);
        domain::LogMemberChange(sql, l.member, now);
        switched_on.push_back(l.member);
      }
    }
    tr.commit();
    return static_cast<int64_t>(links.size());
  });
  if (r.ok())
    for (int64_t id : switched_on) domain::MemberCache::For(db_)->Invalidate(id);  // after the commit
  return r;
}

Result<std::optional<Subscriber>> SubscriptionService::FindByEmail(const std::string& email) {
  return domain::WithSession<std::optional<Subscriber>>(
      db_, [&](soci::session& sql) -> Result<std::optional<Subscriber>> {
        return LoadWhere(sql, "s.email = :e", AsciiLower(Trim(email)));
      });
}

Result<Subscriber> SubscriptionService::Unsubscribe(const std::string& token) {
  VB_ASSIGN_OR_RETURN(std::string key, Key());
  VB_ASSIGN_OR_RETURN(int64_t sid, VerifyToken(key, TokenPurpose::kUnsubscribe, token, clock_.Now()));
  int64_t changed = 0;  // the member whose consent changed
  auto r = domain::WithSession<Subscriber>(db_, [&](soci::session& sql) -> Result<Subscriber> {
    storage::Transaction tr(sql);
    auto s = LoadWhere(sql, "s.id = :id", std::to_string(sid));
    if (!s) return InvalidArgument("this link is not valid", "token").WithReason("newsletter.link_invalid");
    if (s->status != SubscriberStatus::kUnsubscribed) {
      const int64_t n = clock_.Now();
      MarkUnsubscribed(sql, sid, n);
      // The subscription of a member's address is their profile's choice: now off.
      LinkByEmail(sql, s->email);
      changed = SetMemberConsent(sql, s->email, false, n);
      s->status = SubscriberStatus::kUnsubscribed;
      s->unsubscribed_at = n;
    }
    tr.commit();
    return *s;
  });
  if (changed) domain::MemberCache::For(db_)->Invalidate(changed);  // after the commit
  return r;
}

Result<Subscriber> SubscriptionService::Get(Id id) {
  return domain::WithSession<Subscriber>(db_, [&](soci::session& sql) -> Result<Subscriber> {
    auto s = LoadWhere(sql, "s.id = :id", std::to_string(id));
    if (!s) return NotFound("no subscriber with id " + std::to_string(id), "id");
    return *s;
  });
}

Result<domain::Page<Subscriber>> SubscriptionService::List(const domain::Viewer& viewer,
                                                           std::optional<SubscriberStatus> status, int limit,
                                                           int offset) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only organizers see the subscriber list");
  using P = domain::Page<Subscriber>;
  return domain::WithSession<P>(db_, [&](soci::session& sql) -> Result<P> {
    std::vector<std::string> params;
    std::string where = status ? " WHERE s.status = " + domain::Bind(params, std::string(ToString(*status))) : "";
    P page;
    page.limit = limit;
    page.offset = offset;
    page.total = domain::CountOf(sql, "SELECT count(*) FROM subscribers s" + where, params);
    Row r;
    domain::DynStatement st(sql,
                            std::string("SELECT ") + kColumns + kFrom + where + " ORDER BY s.id LIMIT " +
                                std::to_string(limit) + " OFFSET " + std::to_string(offset),
                            params);
    IntoRow(st, r);
    if (st.Execute()) {
      do page.items.push_back(FromRow(r));
      while (st.Fetch());
    }
    return page;
  });
}

Result<std::vector<Subscriber>> SubscriptionService::Confirmed() {
  using V = std::vector<Subscriber>;
  return domain::WithSession<V>(db_, [&](soci::session& sql) -> Result<V> {
    V out;
    Row r;
    domain::DynStatement st(
        sql, std::string("SELECT ") + kColumns + kFrom + " WHERE s.status = 'confirmed' ORDER BY s.id", {});
    IntoRow(st, r);
    if (st.Execute()) {
      do out.push_back(FromRow(r));
      while (st.Fetch());
    }
    return out;
  });
}

Status SubscriptionService::RecordHardBounce(Id subscriber_id) {
  auto r = domain::WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long id = subscriber_id;
    int limit = kMaxHardBounces;
    sql << "UPDATE subscribers SET hard_bounces = hard_bounces + 1 WHERE id = :id", soci::use(id);
    sql << "UPDATE subscribers SET status = 'bounced' WHERE id = :id AND hard_bounces >= :n AND status = 'confirmed'",
        soci::use(id), soci::use(limit);
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace verbinder::newsletter
