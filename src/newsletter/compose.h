// The monthly issue: the shared part (articles published that month, upcoming
// events with the free ones marked) and, per subscriber and in their
// language, a personal part — people to meet at the next event they are
// registered for, open questions they could answer, members nearby who host
// visits. The personal part is read through the subscriber's own Viewer, so
// nothing hidden from them can appear in their e-mail; readers who are not
// members get no personal part at all.
//
//   Composer c(db, clock, config);
//   VB_ASSIGN_OR_RETURN(auto issue, c.LoadIssue("2026-11"));   // Conflict("month") when empty
//   for (auto& s : subscribers) { auto msg = c.ComposeFor(issue, s); ... msg->raw ... }
//
// The personal parts are computed from an in-memory index of the network
// (members, each one's next upcoming event, open challenges with a word
// index, hosts per region) that a Composer loads once, on the first personal
// part it is asked for — a few queries instead of a handful per subscriber,
// so 100,000 issues compose in seconds — and from one suggestion run per
// (event, language), taken the first time a subscriber needs it.
// PersonalBySql computes the same from SQL and the event page's own
// MeetingService::Suggestions per subscriber; the tests compare the two.
//
// Thread-safety: a Composer is safe for concurrent use after construction.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "model/model.h"
#include "newsletter/articles.h"
#include "mail/config.h"
#include "newsletter/subscriptions.h"
#include "newsletter/topics.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::events {
class MeetingService;
}

namespace verbinder::newsletter {

struct NewsletterConfig {
  mail::Mailbox from{"verbinder", "nieuwsbrief@verbinder.invalid"};  // .invalid: `send` refuses until configured
  std::string base_url = "http://localhost:8080";                    // links in the e-mail; https in production
  std::string list_name = "Nieuwsbrief";                             // shown in List-Id and the subject
  mail::MailConfig mail;                                             // SMTP and DKIM (mail/config.h)
  double rate = 0;  // messages per second for sending (newsletter.rate); 0 = as fast as the server takes them
};

// The mail settings (mail::LoadMailConfig: mail.from_email, mail.from_name,
// mail.base_url with the older newsletter.* keys as fallbacks, SMTP, DKIM)
// plus newsletter.list_name and newsletter.rate, over the defaults above.
Result<NewsletterConfig> LoadConfig(storage::Database& db);
// Validates a config (addresses, header injection, URL scheme).
Status ValidateConfig(const NewsletterConfig& c);

// The month ("2026-11") that Unix time t falls in, in Europe/Amsterdam.
std::string MonthOf(int64_t t);
// "2026-11" → [start, end) in Unix seconds, month boundaries in Europe/Amsterdam.
Result<std::pair<int64_t, int64_t>> MonthRange(const std::string& month);

// Where an article's link in the e-mail goes: its page in the web UI
// (<base_url>/articles/<id>, web/src/areas/newsletter.ts), not the JSON API.
std::string ArticlePageUrl(const std::string& base_url, model::Id article_id);

// The event's page in the web UI (<base_url>/events/<id>): whom to meet
// there, with the button to ask for a meeting.
std::string EventPageUrl(const std::string& base_url, model::Id event_id);

// A network question's page in the web UI (<base_url>/questions/<id>), where
// the member answers it.
std::string QuestionPageUrl(const std::string& base_url, model::Id question_id);

// The RFC 2369 mailto form of List-Unsubscribe, beside the RFC 8058 one-click
// URL: a mail to the sender address (the envelope sender, so it lands in the
// same mailbox as bounces) with the subject "unsubscribe <token>";
// `verbinder newsletter bounces` reads it and unsubscribes (bounces.h).
std::string UnsubscribeMailto(const std::string& address, const std::string& token);

struct EventItem {
  model::Id id = 0;
  std::string title;
  std::string kind;
  model::UnixTime starts_at = 0;
  std::string location;
  bool free = false;
};

struct Issue {
  std::string month;  // "2026-11"
  int64_t composed_at = 0;
  std::vector<Article> articles;
  std::vector<EventItem> events;
  std::vector<Topic> topics;  // the catalogue, for ordering articles per subscriber (topics.h)
  // The leader's edition of the month (edition.h), when saved: its
  // introduction (Markdown) opens the issue in the subscriber's language (the
  // other language when that one is empty), and its articles and events
  // replace the automatic choice.
  bool edited = false;
  std::string intro_nl, intro_en;
};

struct PersonSuggestion {
  model::Id member_id = 0;
  std::string name, organization, sector;
  std::string reason;  // the event page's explanation, in the subscriber's language
};
// A network question routed to the subscriber, open, that they have not
// answered (questions::QuestionService::List with routed_to_me,
// unanswered_by_me, status open: the home page's "Questions you could answer").
struct QuestionSuggestion {
  model::Id question_id = 0;
  model::Id asker_id = 0;
  std::string title, asker_name;
  std::string reason;  // why it was routed to them (their route's reason), in the subscriber's language
};
struct HostSuggestion {
  model::Id member_id = 0;
  std::string name, organization, location;
};

struct PersonalPart {
  model::Id event_id = 0;
  std::string event_title;
  std::vector<PersonSuggestion> people;
  std::vector<QuestionSuggestion> questions;
  std::vector<HostSuggestion> hosts;
  bool empty() const { return people.empty() && questions.empty() && hosts.empty(); }
};

struct ComposedMessage {
  Subscriber subscriber;
  PersonalPart personal;
  std::string subject;
  std::string message_id;
  std::string raw;  // the whole RFC 5322 message, CRLF line ends
};

inline constexpr int kMaxSuggestions = 3;
inline constexpr int kMaxEvents = 10;

class PersonalIndex;  // personal.cpp

class Composer {
 public:
  // `meetings`: the server's MeetingService, so the e-mail reuses the
  // suggestion run its event pages keep (must outlive the Composer); null:
  // the Composer runs its own.
  Composer(storage::Database& db, const Clock& clock, NewsletterConfig config,
           events::MeetingService* meetings = nullptr);
  ~Composer();

  // The shared part: the leader's edition of the month when one is saved
  // (edition.h), else the month's published articles and the next events.
  // InvalidArgument("month") for a malformed month; Conflict("month") when the
  // issue would carry no introduction, no articles and no events.
  Result<Issue> LoadIssue(const std::string& month);
  // The personal part for one subscriber (empty for non-members):
  //  1. people to meet at the next upcoming event they are registered for:
  //     the first 3 of the list that event's page shows them (the matching
  //     engine's one run for the event, events::MeetingService::
  //     SuggestionsOfEvent), each with the page's explanation in the
  //     subscriber's language — so the e-mail and the page never disagree.
  //     Like the page: only for members who show their profile to all
  //     members and consent to matchmaking, and only such members suggested;
  //  2. the network's questions waiting for them: routed to them (by the
  //     matching engine, when asked: questions/routing.h), still open, not
  //     answered by them, asked by a member they may see; newest first, at
  //     most 3 — the home page's "Questions you could answer" — each with the
  //     reason it was routed to them, in the subscriber's language;
  //  3. members in their region who host visits, visible to them, by id; at most 3.
  Result<PersonalPart> Personal(const Subscriber& s);
  // The same, straight from SQL (slow; the reference for tests).
  Result<PersonalPart> PersonalBySql(const Subscriber& s);
  // The complete message; `unsubscribe_token` goes into the List-Unsubscribe URL.
  struct Overrides {
    std::string subject_prefix;  // e.g. "[TEST] "
    std::string message_id;      // empty = MessageId(month, subscriber id)
  };
  Result<ComposedMessage> ComposeFor(const Issue& issue, const Subscriber& s, const std::string& unsubscribe_token,
                                     const Overrides& overrides);
  Result<ComposedMessage> ComposeFor(const Issue& issue, const Subscriber& s, const std::string& unsubscribe_token) {
    return ComposeFor(issue, s, unsubscribe_token, Overrides{});
  }
  // A stable Message-ID per (issue, subscriber): a resent message is the same message.
  std::string MessageId(const std::string& month, model::Id subscriber_id) const;

  const NewsletterConfig& config() const { return config_; }

 private:
  Result<std::shared_ptr<const PersonalIndex>> Index();

  storage::Database& db_;
  const Clock& clock_;
  NewsletterConfig config_;
  std::unique_ptr<events::MeetingService> own_meetings_;
  events::MeetingService* meetings_;  // the event pages' suggestions (and their cache)
  std::mutex index_mu_;
  std::shared_ptr<const PersonalIndex> index_;
};

}  // namespace verbinder::newsletter
