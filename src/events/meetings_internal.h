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
// open requests among them.
struct SuggestView {
  std::vector<Id> ids;                   // index → member id
  std::map<Id, int> index;               // member id → index
  std::vector<std::string> names;
  matching::SuggestInput input;
};
SuggestView LoadSuggestView(soci::session& sql, Id event_id, bool only_round_participants);

}  // namespace verbinder::events::internal
