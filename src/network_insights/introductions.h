// Introductions a leader makes between two members (table `introductions`):
// the checks, the record and the notification of both members in one
// transaction; and the reads the suggestion list needs (pairs introduced
// already, members who cannot be introduced because not every member may see
// them).
//
//   IntroductionService intros(db, clock, members);
//   auto r = intros.Introduce(leader, {.a = 12, .b = 40, .via = 7, .message = "Jullie moeten praten"});
//
// Thread-safety: safe for concurrent use (each call uses its own session).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "domain/members.h"
#include "domain/viewer.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::network_insights {

inline constexpr size_t kMaxIntroductionMessage = 1000;  // characters (code points)

struct IntroductionRequest {
  model::Id a = 0, b = 0;
  model::Id via = 0;  // 0 = none
  std::string message;
};

struct IntroductionRecord {
  int64_t id = 0;
  model::Id a = 0, b = 0, via = 0;  // as asked (not reordered); via 0 = none
  std::string message;
  model::Id introduced_by = 0;
  int64_t created_at = 0;  // unix seconds
};

// Pairs (lower id, higher id) introduced already.
using IntroducedPairs = std::set<std::pair<model::Id, model::Id>>;
// Whether the members with decimal ids x and y (either order) were introduced.
bool WasIntroduced(const IntroducedPairs& pairs, const std::string& x, const std::string& y);

class IntroductionService {
 public:
  IntroductionService(storage::Database& db, const Clock& clock, domain::MemberService& members)
      : db_(db), clock_(clock), members_(members) {}

  // Records an introduction and notifies a and b (not the via) in one
  // transaction. Errors: a == b or via equal to either, a message over
  // kMaxIntroductionMessage (InvalidArgument); a, b or via unknown or hidden
  // from the leader (NotFound); one of them not visible to every member — the
  // notification names the others (InvalidArgument); the pair already tied or
  // introduced (Conflict).
  Result<IntroductionRecord> Introduce(const domain::Viewer& leader, const IntroductionRequest& request);

  Result<IntroducedPairs> Introduced();
  // Members that not every member may see (Viewer::CanSee of the member tier):
  // their suggestions are shown to leaders but cannot be sent.
  Result<std::set<std::string>> NotVisibleToMembers();
  // Event titles by decimal id (the health page's event yield).
  Result<std::map<std::string, std::string>> EventTitles();

 private:
  storage::Database& db_;
  const Clock& clock_;
  domain::MemberService& members_;
};

}  // namespace verbinder::network_insights
