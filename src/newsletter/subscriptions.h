// Newsletter subscriptions: anyone subscribes with an e-mail address and
// confirms through a signed, expiring link (double opt-in); members may
// subscribe their own account address from their profile without it. Every
// issue carries a one-click unsubscribe link (RFC 8058) that needs no login.
//
// The confirmation mail (Dutch or English, with the link) is queued in the
// notify outbox inside the same transaction as the subscription, and
// delivered by the server's outbox deliverer; at most one per address per
// kConfirmMailInterval, so the public form cannot flood an inbox.
//
//   SubscriptionService subs(db, clock);
//   auto p = subs.Subscribe("lid@x.example", "nl", {});      // → pending + confirm token + mail queued
//   subs.Confirm(p->confirm_token);                             // → confirmed
//   subs.Unsubscribe(UnsubscribeToken(...));                    // immediate
//
// Thread-safety: safe for concurrent use (one session per call; the token key is cached).
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/members.h"
#include "domain/viewer.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::newsletter {

enum class SubscriberStatus { kPending, kConfirmed, kUnsubscribed, kBounced };
std::string_view ToString(SubscriberStatus s);  // "pending", "confirmed", "unsubscribed", "bounced"
std::optional<SubscriberStatus> ParseSubscriberStatus(std::string_view s);

struct Subscriber {
  model::Id id = 0;
  std::string email;
  model::Id member_id = 0;     // 0 = not a member (anonymous reader)
  std::string language = "nl"; // "nl" or "en"
  std::vector<std::string> topics;   // topic keys (newsletter_topics), see topics.h
  bool topics_only = false;          // only articles of these topics (else: these first)
  SubscriberStatus status = SubscriberStatus::kPending;
  int hard_bounces = 0;
  model::UnixTime created_at = 0, confirmed_at = 0, unsubscribed_at = 0;
};

// Hard bounces after which an address gets no more mail (status bounced).
inline constexpr int kMaxHardBounces = 3;

// At most one confirmation mail per address per this many seconds.
inline constexpr int64_t kConfirmMailInterval = 10 * 60;

struct Subscription {
  Subscriber subscriber;
  std::string confirm_token;      // set when the address still has to confirm
  bool confirmation_queued = false;  // a confirmation mail went into the outbox
};

// The confirmation link in the mail: <base_url>/api/v1/newsletter/confirm/<token>.
std::string ConfirmUrl(const std::string& base_url, const std::string& token);

class SubscriptionService {
 public:
  SubscriptionService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Anyone: records (or renews) a pending subscription and returns the token
  // for the confirmation link. An already confirmed address stays confirmed
  // and gets no token (the caller answers the same either way, so the API
  // does not reveal who subscribes). InvalidArgument("email"/"language"/"topics").
  // With `queue_confirmation` the confirmation mail is queued (throttled, see above).
  Result<Subscription> Subscribe(const std::string& email, const std::string& language,
                                 const std::vector<std::string>& topics, bool queue_confirmation = true);
  // A signed-in member subscribes their own account address: confirmed at once.
  Result<Subscriber> SubscribeMember(const domain::Viewer& viewer, const std::string& language,
                                     const std::vector<std::string>& topics, bool topics_only = false);
  // Double opt-in. InvalidArgument("token") for forged or expired tokens;
  // Conflict when already confirmed or since unsubscribed.
  Result<Subscriber> Confirm(const std::string& token);
  // One click, no login. Idempotent: unsubscribing twice succeeds again.
  // Returns the subscriber; InvalidArgument("token") for a forged token.
  Result<Subscriber> Unsubscribe(const std::string& token);
  Result<std::string> UnsubscribeToken(model::Id subscriber_id);
  // The subscriber behind an unsubscribe token (the link in every issue also
  // opens the preferences), and changing them. InvalidArgument("token").
  Result<Subscriber> ByUnsubscribeToken(const std::string& token);
  Result<Subscriber> UpdatePreferences(const std::string& unsubscribe_token, const std::string& language,
                                       const std::vector<std::string>& topics, bool topics_only);
  // A signed-in member's own subscription (NotFound when there is none).
  Result<Subscriber> Mine(const domain::Viewer& viewer);

  Result<Subscriber> Get(model::Id id);
  // Organizers only.
  Result<domain::Page<Subscriber>> List(const domain::Viewer& viewer, std::optional<SubscriberStatus> status, int limit,
                                        int offset);
  // Confirmed subscribers in id order (the recipients of an issue).
  Result<std::vector<Subscriber>> Confirmed();
  // A permanent rejection by the receiving server; the address is marked
  // bounced after kMaxHardBounces.
  Status RecordHardBounce(model::Id subscriber_id);
  // The subscriber with this address, if any.
  Result<std::optional<Subscriber>> FindByEmail(const std::string& email);

 private:
  Result<std::string> Key();  // the token key, read once per service

  storage::Database& db_;
  const Clock& clock_;
  std::mutex key_mu_;
  std::string key_;
};

}  // namespace verbinder::newsletter
