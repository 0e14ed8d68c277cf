// Newsletter subscriptions: anyone subscribes with an e-mail address and
// confirms through a signed, expiring link (double opt-in); members may
// subscribe their own account address from their profile without it. Every
// issue carries a one-click unsubscribe link (RFC 8058) that needs no login.
//
// The newsletter and the members are one: a subscriber whose address is a
// member's is that member (Subscriber::member_id, stored when the row is
// written — subscribe, confirm, unsubscribe, LinkMembers, migration 0012 — and
// resolved by address on every read, so a member who joined after subscribing
// gets their personal part at once). The profile's newsletter choice
// (members.consent_newsletter) is the subscription of the member's own
// address: ApplyProfileChoice makes a profile change into a subscription
// change, and a confirmation or an unsubscribe link changes the profile.
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
  model::Id member_id = 0;      // the member who has this address (else the stored link); 0 = a reader who is no member
  std::string language = "nl";  // "nl" or "en"
  std::vector<std::string> topics;  // topic keys (newsletter_topics), see topics.h
  bool topics_only = false;         // only articles of these topics (else: these first)
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
  std::string confirm_token;         // set when the address still has to confirm
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

  // The profile's newsletter choice is the subscription of the member's own
  // address. Call it after a profile change has committed (the member's
  // consent_newsletter and email are read from the database), with the
  // profile as it was before the change, or nullptr for a member just created.
  // In one transaction:
  //  - the subscription of the member's address is linked to the member;
  //  - switched on (or on without a subscription): a confirmed subscription
  //    when the member changes their own profile, has an enabled account and
  //    kept their address in this change — the account proves the address
  //    (sign-up confirmation or invitation link, both mailed to it), so the
  //    second opt-in step is already done; otherwise (an organizer switched it
  //    on, or the address just changed) a pending subscription and the
  //    confirmation mail (throttled as for Subscribe);
  //  - switched off: the subscription is unsubscribed (pending deliveries of
  //    an issue being sent are skipped);
  //  - the address changed while on: the subscription moves to the new
  //    address, which must confirm (the old address gets no more issues);
  //  - a member who finds a confirmed subscription of their address (they
  //    subscribed before joining, or took over an address that had) gets the
  //    profile choice switched on, unless they switched it off in this change.
  // NotFound("member_id") for an unknown member. Idempotent: calling it again
  // with the same `before` changes nothing more.
  enum class ProfileOutcome { kNothing, kConfirmed, kConfirmationSent, kUnsubscribed, kProfileSwitchedOn };
  struct ProfileSync {
    ProfileOutcome outcome = ProfileOutcome::kNothing;
    bool consent = false;                  // the profile's newsletter choice afterwards
    std::optional<Subscriber> subscriber;  // the subscription of the member's address, if any
  };
  Result<ProfileSync> ApplyProfileChoice(const domain::Viewer& viewer, model::Id member_id,
                                         const model::Member* before);
  // Links every subscriber whose address is a member's (and not yet linked to
  // that member) — after members were imported or created — and switches the
  // profile choice on for members whose newly linked subscription is
  // confirmed. Returns how many subscribers were linked.
  Result<int64_t> LinkMembers();

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
