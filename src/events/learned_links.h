// What the network learned from its useful meetings, for the network leader:
// the concept links the suggestion engine adds after members rated a meeting
// 4 or 5 (matching::LearnedLinks over the meetings LoadConfirmedMeetings
// reads, in suggest_view.cpp), each with the number of meetings that taught
// it, and the switch to turn an odd one off (or on again). Never who met: the
// list names concepts and counts only.
//
//   LearnedLinkService learned(db, clock);
//   auto page = learned.List(leader, "nl", "", 100);
//   learned.Switch(leader, "loneliness", "baking", /*on=*/false);
//
// Thread-safety: safe for concurrent use.
#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/viewer.h"
#include "matching/suggest.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::events {

struct LearnedLinkRow {
  std::string challenge_concept;  // thesaurus concept ids
  std::string expertise_concept;
  std::string challenge_label;  // in the requested language
  std::string expertise_label;
  int meetings = 0;  // useful meetings that teach it now (0: none any more)
  bool on = true;    // false: the leader switched it off
};

struct LearnedLinksPage {
  int meetings = 0;                          // useful meetings the engine learns from now
  int total = 0;                             // links learned (switched on), before `q` and `limit`
  std::vector<LearnedLinkRow> links;         // switched on, most meetings first, filtered by `q`, at most `limit`
  std::vector<LearnedLinkRow> switched_off;  // every switched-off link, newest first
};

// What the engine learns from, for other modules that rank people with
// matching::Suggest (questions routing): the network's useful meetings
// (newest 1,000, as the suggestions read them) and the links the leader
// switched off. Inside an open session.
matching::NetworkLearning LoadNetworkLearning(soci::session& sql);

class LearnedLinkService {
 public:
  static constexpr int kDefaultLimit = 100;  // links listed when the caller does not say
  static constexpr int kMaxLimit = 1000;     // LoadConfirmedMeetings reads at most 1,000 meetings
  LearnedLinkService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  // Organizers only. `lang` nl|en names the concepts; `q` keeps links whose
  // label (in either language) or id contains it (case-insensitive); `limit`
  // 1..1000.
  Result<LearnedLinksPage> List(const domain::Viewer& viewer, const std::string& lang, const std::string& q, int limit);
  // Organizers only. Switches a learned link off (on = false) or on again;
  // either order of the two concepts names the same link. Both ids must be
  // thesaurus concepts; switching an already switched state is not an error.
  Status Switch(const domain::Viewer& viewer, const std::string& challenge_concept,
                const std::string& expertise_concept, bool on);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::events
