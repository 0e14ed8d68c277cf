// Meetings at events (the structured borrel): whom to meet and why, meeting
// requests between attendees (with expiry, so an ignored request never blocks
// anyone), networking rounds of time slots × tables, attendees' unavailable
// slots, the auto-scheduler (matching::Schedule underneath), personal
// schedules and feedback afterwards (`meeting_held` in the ledger).
//
//   MeetingService meetings(db, clock);
//   auto req = meetings.Request(anja, event_id, pieter_id, "Hoe pak jij doorlooptijden aan?");
//   meetings.Respond(pieter, req->id, RequestAction::kAccept);
//   auto round = meetings.CreateRound(leader, event_id, {.title = "Borrel", .tables = 20, ...});
//   auto run = meetings.AutoSchedule(leader, round->id);     // accepted requests first
//   auto mine = meetings.MySchedule(anja, event_id);
//
// Who takes part: registered attendees who did not opt out. Suggestions pair
// only members whose profiles all members may see and who consent to
// matchmaking; explicit requests pair anyone who was visible to the requester.
// Re-running the scheduler keeps every scheduled meeting that is still
// possible; impossible ones are rescheduled where possible (both told) or
// cancelled with a notification — never silently dropped.
//
// Thread-safety: safe for concurrent use; writes of one event serialise on the
// event row (see events.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/members.h"
#include "domain/viewer.h"
#include "events/events.h"
#include "matching/pass_report.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::matching {
struct SuggestResult;
}

namespace verbinder::events {

enum class RequestStatus { kPending, kAccepted, kDeclined, kCancelled, kExpired };
std::string_view ToString(RequestStatus s);
enum class RequestAction { kAccept, kDecline, kCancel };

struct MeetingRequest {
  Id id = 0;
  Id event_id = 0;
  Id from = 0;
  Id to = 0;
  std::string from_name;
  std::string to_name;
  std::string message;
  RequestStatus status = RequestStatus::kPending;
  bool mutual = false;  // the other side asked too
  UnixTime expires_at = 0;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

// An event that has not ended, for which both the viewer and another member
// are registered: where an online contact can become a meeting in person.
// `request`: the live (pending, not expired, or accepted) meeting request
// between the two there, in either direction.
struct SharedEvent {
  Id event_id = 0;
  std::string title;
  UnixTime starts_at = 0;
  UnixTime ends_at = 0;
  std::string location;
  std::optional<MeetingRequest> request;
};

// An attendee of an event the viewer attends too, with the live meeting
// request between them there (see SharedEvent).
struct FellowAttendee {
  Id member_id = 0;
  std::string name;
  std::optional<MeetingRequest> request;
};

struct AttendeeSuggestion {
  Id member_id = 0;
  std::string name;
  std::string sector;
  std::string organization;
  double score = 0;
  std::string explanation;  // plain words, in the requested language (else the viewer's first language)
};

struct Slot {
  Id id = 0;
  UnixTime starts_at = 0;
  UnixTime ends_at = 0;
};

struct Round {
  Id id = 0;
  Id event_id = 0;
  std::string title;
  int tables = 0;
  int max_meetings = 0;       // per person in this round
  std::vector<Slot> slots;    // sorted by start
  UnixTime scheduled_at = 0;  // last auto-schedule run, 0 = never
};

struct ScheduledMeeting {
  Id id = 0;
  Id round_id = 0;
  Id slot_id = 0;
  UnixTime starts_at = 0;
  UnixTime ends_at = 0;
  int table = 0;
  Id a = 0;
  Id b = 0;
  std::string a_name;
  std::string b_name;
  std::string why;         // for the viewer (MySchedule), else a's reason
  bool requested = false;  // came from an accepted request
  std::string status;      // scheduled, cancelled
  int happened_a = -1;     // feedback: -1 none, 0 no, 1 yes
  int happened_b = -1;
};

struct ScheduleRun {
  int participants = 0;
  int kept = 0;                                   // meetings left where they were
  int added = 0;                                  // new meetings
  int rescheduled = 0;                            // impossible meetings placed again
  int cancelled = 0;                              // impossible meetings that found no place (both told)
  std::vector<std::string> unscheduled_requests;  // accepted requests without a place, with why
  double objective = 0;
  double upper_bound = 0;
  bool optimal = false;      // objective proven equal to the best possible (small rounds)
  std::string bound_method;  // how upper_bound was found ("exact", "lagrangian", ...)
  // The engine's passes in order: time, objective and bound after each
  // (`verbinder events schedule --passes`; not in the API's JSON).
  std::vector<matching::PassReport> passes;
};

// The suggestion runs a MeetingService keeps, counted in attendees: about
// 25 KB each (50 explained suggestions), so ~500 MB at most.
inline constexpr size_t kMaxCachedSuggestionAttendees = 20000;

namespace internal {
struct SuggestCache;
struct SuggestView;
}  // namespace internal

// One suggestion run for every attendee of an event: the lists that
// MeetingService::Suggestions shows each of them (the event page), for a
// caller that shows many members their own list at once (the newsletter's
// people to meet). Immutable; safe to share between threads.
class EventSuggestions {
 public:
  // The member's list, best first, at most top_k (<= 50); empty for a member
  // outside the candidates (not registered, profile not shown to all
  // members, or no consent to matchmaking).
  std::vector<AttendeeSuggestion> For(Id member_id, int top_k) const;

 private:
  friend class MeetingService;
  std::shared_ptr<const internal::SuggestView> view_;
  std::shared_ptr<const matching::SuggestResult> result_;
};

// One attendee's schedule (for the organizers' print-out of all schedules).
struct PersonSchedule {
  Id member_id = 0;
  std::string name;
  std::vector<ScheduledMeeting> meetings;  // by time; why is this person's
};

class MeetingService {
 public:
  MeetingService(storage::Database& db, const Clock& clock);
  ~MeetingService();

  // Both must be registered; not oneself; `to` visible to the viewer; no open
  // request between the two already. Expires after the event's request_ttl
  // (or at the event's end, whichever is first).
  Result<MeetingRequest> Request(const domain::Viewer& viewer, Id event_id, Id to, const std::string& message);
  // Accept/decline: the recipient, while pending and not expired. Cancel: the
  // sender while pending, either side once accepted.
  Result<MeetingRequest> Respond(const domain::Viewer& viewer, Id request_id, RequestAction action);
  // The viewer's requests at an event (sent and received), newest first.
  Result<std::vector<MeetingRequest>> Requests(const domain::Viewer& viewer, Id event_id);
  // Events that have not ended where the viewer and `other` are both
  // registered, soonest first (at most 20). Seeing another attendee is the
  // rule of Registrations: only a registered attendee sees who else comes, and
  // only those visible to them. NotFound when `other` is hidden or unknown.
  Result<std::vector<SharedEvent>> SharedEvents(const domain::Viewer& viewer, Id other);
  // The same rule from one event: of `members` (e.g. the viewer's online-only
  // ties), those registered for the event whom the viewer may see, in the
  // order of `members`.
  // The viewer must be registered (else PermissionDenied, as Registrations);
  // NotFound for an unknown event.
  Result<std::vector<FellowAttendee>> AttendeesAmong(const domain::Viewer& viewer, Id event_id,
                                                     const std::vector<Id>& members);
  // Whom the viewer (a registered attendee) should meet, and why. The engine
  // runs once for all attendees of an event; the result is kept until a
  // fingerprint of its inputs (registrations, profiles, challenges, ledger,
  // open requests) changes, so each further attendee costs a few cheap reads.
  // `lang` ("nl" or "en", the viewer's UI language) words the explanations;
  // empty: each attendee's first profile language. Cached per language.
  Result<std::vector<AttendeeSuggestion>> Suggestions(const domain::Viewer& viewer, Id event_id, int top_k,
                                                      const std::string& lang = "");
  // The same run for every attendee at once (EventSuggestions::For gives
  // each one's list, identical to Suggestions for that attendee). No viewer:
  // the caller shows each list to its own member only. NotFound("event_id")
  // for an unknown event; InvalidArgument("lang") as above.
  Result<std::shared_ptr<const EventSuggestions>> SuggestionsOfEvent(Id event_id, const std::string& lang = "");
  // The suggestion runs kept (event, language), and their attendees in all:
  // at most kMaxCachedSuggestionAttendees, the least recently used dropped
  // first (the newest run always kept).
  struct CachedSuggestions {
    std::vector<std::pair<Id, std::string>> runs;
    size_t attendees = 0;
  };
  CachedSuggestions SuggestionCache() const;
  // Sets that budget (default kMaxCachedSuggestionAttendees); 0 keeps only
  // the run just computed (a batch job that reads each event once).
  void LimitSuggestionCache(size_t max_attendees);

  // Rounds (the event's organizers). Slots must lie within the event, start
  // before they end and not overlap; tables >= 1; max_meetings >= 1.
  Result<Round> CreateRound(const domain::Viewer& viewer, Id event_id, Round round);
  Result<Round> GetRound(const domain::Viewer& viewer, Id round_id);
  Result<std::vector<Round>> Rounds(const domain::Viewer& viewer, Id event_id);
  // Adds a slot (within the event, not overlapping the others, at most 50);
  // it is empty until the scheduler runs again.
  Result<Round> AddSlot(const domain::Viewer& viewer, Id round_id, UnixTime starts_at, UnixTime ends_at);
  // Moves a slot; its meetings move along (both told, calendar revision bumped).
  Result<Round> MoveSlot(const domain::Viewer& viewer, Id round_id, Id slot_id, UnixTime starts_at, UnixTime ends_at);
  // Removes a slot; its meetings are rescheduled where possible, else cancelled
  // (both told either way). Returns the run that re-placed them.
  Result<ScheduleRun> RemoveSlot(const domain::Viewer& viewer, Id round_id, Id slot_id);
  // The viewer's unavailable slots in a round (replaces the previous set).
  Status SetUnavailable(const domain::Viewer& viewer, Id round_id, const std::vector<Id>& slot_ids);
  Result<std::vector<Id>> Unavailable(const domain::Viewer& viewer, Id round_id);

  // Runs the scheduler: kept meetings stay; accepted requests first, then
  // the best suggestions; within availability, per-person cap and tables.
  Result<ScheduleRun> AutoSchedule(const domain::Viewer& viewer, Id round_id);
  // The viewer's scheduled meetings at an event, by time. `lang` ("nl"/"en")
  // words the reasons; empty: the viewer's language (notify::MemberLanguage).
  Result<std::vector<ScheduledMeeting>> MySchedule(const domain::Viewer& viewer, Id event_id,
                                                   const std::string& lang = "");
  // Every attendee's schedule at an event (organizers), by name; `lang` as above.
  Result<std::vector<PersonSchedule>> AllSchedules(const domain::Viewer& viewer, Id event_id,
                                                   const std::string& lang = "");
  // All meetings of a round with feedback (organizers), by slot and table; `lang` as above.
  Result<std::vector<ScheduledMeeting>> RoundMeetings(const domain::Viewer& viewer, Id round_id,
                                                      const std::string& lang = "");
  // A participant says whether the meeting happened (after its start) and
  // how useful it was (1-5, 0 = not rated). The first "happened" writes
  // `meeting_held` to the ledger, once. `helped_challenge`: which of the
  // participant's own challenges it helped with (the suggestions learn from
  // that one only), 0 = none of them (teaches nothing), unset = not said
  // (every challenge counts); only with happened = true.
  Status Feedback(const domain::Viewer& viewer, Id meeting_id, bool happened, int usefulness, const std::string& note,
                  std::optional<Id> helped_challenge = std::nullopt);
  // The meeting as an iCalendar invite for a participant.
  Result<std::string> MeetingInvite(const domain::Viewer& viewer, Id meeting_id);

 private:
  // The event's run, from the cache or computed; with `attendee` (not 0), in
  // the same session first PermissionDenied unless they are registered.
  Result<std::shared_ptr<const EventSuggestions>> LoadRun(Id event_id, const std::string& lang, Id attendee);

  storage::Database& db_;
  const Clock& clock_;
  std::unique_ptr<internal::SuggestCache> suggest_cache_;
};

}  // namespace verbinder::events
