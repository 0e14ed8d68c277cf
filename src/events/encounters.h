// Encounters: the evidence that two members really spoke at an event ("we
// spraken elkaar"), and the follow-up the day after. Presence is not a tie:
// being checked in together is attendance only (registrations.checked_in_at).
// A tie at an event becomes real only when
//   - both confirm an encounter: one scans the other's connect code (or picks
//     them from the attendees, or ticks them on the "wie sprak je?" list) and
//     the other confirms, or claims back; then one met_at_event row goes into
//     the ledger (source "encounter:<id>");
//   - they shared a small group table (at most kMaxEvidenceTableSize seats) and
//     both were checked in: recorded by the follow-up sweep after the event
//     (source "table:<seating>:<round>:<table>:<seats>");
// and, elsewhere, a 1:1 meeting held (meetings.cpp) or a visit held (visits.cpp).
//
//   EncounterService enc(db, clock);
//   auto code = enc.ConnectCode(pieter);                          // "K7M2Q9XP", shown as a QR code
//   auto e = enc.Claim(anja, event_id, {.code = *code});          // pending, Pieter is asked
//   enc.Confirm(pieter, e->id);                                   // met_at_event; both get a next step
//   FollowUpService(db, clock).Sweep();                           // the day after: tables + "wie sprak je?"
//
// Privacy: a member the viewer may not see is never named or identified: as
// the other side of an encounter they appear with member_id 0 and no name
// ("een lid"), and picking by id answers NotFound exactly as for a stranger.
// A pending claim is not a tie and never shown as one; it expires after
// kClaimTtl. Thread-safety: safe for concurrent use; writes of one event
// serialise on the event row.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "domain/viewer.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::events {

using model::Id;
using model::UnixTime;

inline constexpr int64_t kClaimTtl = 14 * 86400;             // a pending claim expires after 14 days
inline constexpr int kMaxEvidenceTableSize = 6;              // a shared table counts up to 6 seats
inline constexpr int64_t kClaimOpensBeforeStart = 2 * 3600;  // claims open 2 h before the start ...
inline constexpr int64_t kClaimClosesAfterEnd = 14 * 86400;  // ... and close 14 days after the end
inline constexpr int64_t kFollowUpDelay = 12 * 3600;         // "wie sprak je?" 12 h after the end

// Another member as the viewer may see them. member_id 0 and empty name when
// the viewer may not see them ("een lid" / "a member").
struct PersonRef {
  Id member_id = 0;
  std::string name;
  std::string organization;
  std::string sector;
  bool hosts_visits = false;
};

enum class EncounterStatus { kPending, kConfirmed, kDeclined, kWithdrawn, kExpired };
std::string_view ToString(EncounterStatus s);  // "pending", "confirmed", ...

struct Encounter {
  Id id = 0;
  Id event_id = 0;
  std::string event_title;
  bool mine = false;  // the viewer made the claim (else the viewer is asked to confirm)
  PersonRef other;    // the other person, projected for the viewer
  std::string via;    // "code", "list" or "followup"
  EncounterStatus status = EncounterStatus::kPending;
  UnixTime created_at = 0;
  UnixTime expires_at = 0;
  UnixTime resolved_at = 0;
};

struct ClaimInput {
  std::string code;  // the other's connect code (scanned or typed), or
  Id member_id = 0;  // the other's member id (picked from the attendees)
  std::string via;   // "code" | "list" | "followup"; default from which one is set
};

// Someone the viewer probably spoke with, to tick on the "wie sprak je?" list.
struct EncounterCandidate {
  PersonRef person;                  // always visible to the viewer
  std::vector<std::string> reasons;  // "table", "meeting", "suggested"
  std::string state;                 // "none", "claimed" (by me, pending), "asked" (they claimed me), "confirmed"
  Id encounter_id = 0;               // the encounter behind "claimed"/"asked"/"confirmed"
};

struct EncounterOverview {
  Id event_id = 0;
  std::string event_title;
  bool registered = false;  // the viewer is registered for the event
  bool open = false;        // claims can be made now
  UnixTime opens_at = 0, closes_at = 0;
  std::vector<Encounter> mine;        // claims the viewer made (every status) and confirmed ones about the viewer
  std::vector<Encounter> to_confirm;  // pending claims about the viewer
  std::vector<EncounterCandidate> candidates;
};

class EncounterService {
 public:
  EncounterService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The viewer's connect code (made on first use; 8 characters of an
  // unambiguous alphabet). Signed-in members only.
  Result<std::string> ConnectCode(const domain::Viewer& viewer);

  // Whose connect code this is, as the viewer may see them (member_id 0 for a
  // member hidden from the viewer: the code never reveals who it is).
  // InvalidArgument for a malformed code, NotFound for an unknown one.
  Result<PersonRef> CodeOwner(const domain::Viewer& viewer, const std::string& code);

  // "I spoke with X at this event." Both must be registered for the event and
  // the event within its claim window. Idempotent: a pending or confirmed claim
  // is returned as it is; a claim the other made about the viewer is confirmed
  // instead (mutual: the tie is real). Errors: InvalidArgument (code/member_id),
  // NotFound (unknown code, or nobody the viewer may see at this event),
  // Conflict (not registered, outside the window, declined before).
  Result<Encounter> Claim(const domain::Viewer& viewer, Id event_id, const ClaimInput& in);
  // The other side confirms a pending claim: the tie at this event is real.
  Result<Encounter> Confirm(const domain::Viewer& viewer, Id encounter_id);
  // The other side says it did not happen.
  Result<Encounter> Decline(const domain::Viewer& viewer, Id encounter_id);
  // The claimant takes a pending claim back.
  Result<Encounter> Withdraw(const domain::Viewer& viewer, Id encounter_id);

  // The viewer's claims and the claims to confirm at one event, with the
  // people to tick (shared table, meeting, suggested).
  Result<EncounterOverview> Overview(const domain::Viewer& viewer, Id event_id);
  // Pending claims about the viewer at any event (for the home page).
  Result<std::vector<Encounter>> ToConfirm(const domain::Viewer& viewer);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

struct FollowUpStats {
  int events = 0;       // events followed up in this sweep
  int table_pairs = 0;  // met_at_event rows written for shared small tables
  int notified = 0;     // attendees asked "wie sprak je?"
};

// The day after an event (kFollowUpDelay after its end, and within the claim
// window), once per event across all servers: records shared small tables as
// evidence and asks every checked-in attendee whom they really spoke with
// (notification + e-mail). Run by `serve` in the background and by
// `verbinder events follow-up`.
class FollowUpService {
 public:
  FollowUpService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  Result<FollowUpStats> Sweep();

 private:
  storage::Database& db_;
  const Clock& clock_;
};

// Runs Sweep every `interval_s` seconds until `stop` is set (serve).
void RunFollowUpLoop(storage::Database& db, const Clock& clock, const std::atomic<bool>& stop, int interval_s = 300);

}  // namespace verbinder::events
