// Newsletter subscriptions: anyone subscribes with an e-mail address and
// confirms through a signed, expiring link (double opt-in); members may
// subscribe their own account address from their profile without it. Every
// issue carries a one-click unsubscribe link (RFC 8058) that needs no login.
//
//   SubscriptionService subs(db, clock);
//   auto p = subs.Subscribe({}, "lid@x.example", "nl", {});   // → pending + confirm token
//   subs.Confirm(p->confirm_token);                             // → confirmed
//   subs.Unsubscribe(UnsubscribeToken(...));                    // immediate
//
// Thread-safety: safe for concurrent use (one session per call).
#pragma once

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
  std::vector<std::string> topics;
  SubscriberStatus status = SubscriberStatus::kPending;
  int hard_bounces = 0;
  model::UnixTime created_at = 0, confirmed_at = 0, unsubscribed_at = 0;
};

// Hard bounces after which an address gets no more mail (status bounced).
inline constexpr int kMaxHardBounces = 3;

struct Subscription {
  Subscriber subscriber;
  std::string confirm_token;  // set when a confirmation mail must be sent
};

class SubscriptionService {
 public:
  SubscriptionService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Anyone: records (or renews) a pending subscription and returns the token
  // for the confirmation link. An already confirmed address stays confirmed
  // and gets no token (the caller answers the same either way, so the API
  // does not reveal who subscribes). InvalidArgument("email"/"language"/"topics").
  Result<Subscription> Subscribe(const std::string& email, const std::string& language,
                                 const std::vector<std::string>& topics);
  // A signed-in member subscribes their own account address: confirmed at once.
  Result<Subscriber> SubscribeMember(const domain::Viewer& viewer, const std::string& language,
                                     const std::vector<std::string>& topics);
  // Double opt-in. InvalidArgument("token") for forged or expired tokens;
  // Conflict when already confirmed or since unsubscribed.
  Result<Subscriber> Confirm(const std::string& token);
  // One click, no login. Idempotent: unsubscribing twice succeeds again.
  // Returns the subscriber; InvalidArgument("token") for a forged token.
  Result<Subscriber> Unsubscribe(const std::string& token);
  Result<std::string> UnsubscribeToken(model::Id subscriber_id);

  Result<Subscriber> Get(model::Id id);
  // Organizers only.
  Result<domain::Page<Subscriber>> List(const domain::Viewer& viewer, std::optional<SubscriberStatus> status, int limit,
                                        int offset);
  // Confirmed subscribers in id order (the recipients of an issue).
  Result<std::vector<Subscriber>> Confirmed();
  // A permanent rejection by the receiving server; the address is marked
  // bounced after kMaxHardBounces.
  Status RecordHardBounce(model::Id subscriber_id);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::newsletter
