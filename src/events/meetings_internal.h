// Helpers shared by meetings.cpp and rounds.cpp (inside open sessions).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "events/meetings.h"
#include "matching/suggest.h"

namespace verbinder::events::internal {

Result<Round> LoadRound(soci::session& sql, Id round_id);
Result<Id> EventOfRound(soci::session& sql, Id round_id);
bool IsRegisteredIn(soci::session& sql, Id event_id, Id member_id);
// Marks pending requests of the event whose time ran out as expired.
void ExpireRequests(soci::session& sql, Id event_id, UnixTime now);

// The matchmaking view of an event: candidates for suggestions (registered,
// profile visible to all members, consenting), their engine input, ties and
// open requests among them, and the network's useful meetings to learn from
// (LoadConfirmedMeetings).
struct SuggestView {
  std::vector<Id> ids;      // index → member id
  std::map<Id, int> index;  // member id → index
  std::vector<std::string> names;
  matching::SuggestInput input;
};
SuggestView LoadSuggestView(soci::session& sql, Id event_id, bool only_round_participants);
// The meetings of any event that a participant rated useful (it happened,
// usefulness >= kUsefulToLearn), newest first, at most kMaxConfirmedMeetings:
// the challenge that participant said it helped with, else (not said) all
// their challenges (open and solved, as one text), and the other's expertise;
// a meeting that helped with none of them teaches nothing. Only between members who show their profile to all
// members and consent to matchmaking now: a member who withdraws either
// teaches the engine nothing more.
inline constexpr int kUsefulToLearn = 4;
inline constexpr int kMaxConfirmedMeetings = 1000;  // each costs ~0.2 ms per suggestion run (5,000 attendees)
std::vector<matching::ConfirmedMeeting> LoadConfirmedMeetings(soci::session& sql);
// The learned links the leader switched off (LearnedLinkService::Switch),
// newest first; rows naming a concept the thesaurus no longer has are left out.
std::vector<matching::LearnedLink> LoadSwitchedOff(soci::session& sql);

// After the event's time changed from `before` to `after` (EventService::Update,
// defined in rounds.cpp next to the scheduler it runs): a moved event (same
// length) moves its round slots and meetings along; a shortened one removes the
// slots that no longer lie within it and re-places their meetings where
// possible, else cancels them (both told). Pending meeting requests expire at
// the new end at the latest.
Status FitRoundsToEvent(soci::session& sql, const EventInfo& before, const EventInfo& after, UnixTime now);

}  // namespace verbinder::events::internal
