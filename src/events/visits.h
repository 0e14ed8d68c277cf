// Site visits — "kom eens kijken": a member asks a member who hosts visits to
// come and have a look, with a reason and proposed dates; the host accepts one
// date or declines; both get an iCalendar invite; after the date each says
// whether it happened, and the first "yes" writes `visit_held` to the ledger.
//
//   VisitService visits(db, clock);
//   auto v = visits.Request(anja, pieter_id, "Hoe doen jullie dat met doorlooptijden?", {t1, t2}, 7200);
//   visits.Accept(pieter, v->id, t2);
//   visits.Confirm(anja, v->id, true);     // after t2: visit_held
//
// Thread-safety: safe for concurrent use; state changes are guarded updates.
#pragma once

#include <string>
#include <vector>

#include "domain/members.h"
#include "domain/viewer.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::events {

enum class VisitStatus { kRequested, kAccepted, kDeclined, kCancelled, kHeld, kNotHeld };
std::string_view ToString(VisitStatus s);

struct Visit {
  model::Id id = 0;
  model::Id host_id = 0;
  model::Id visitor_id = 0;
  std::string host_name;
  std::string visitor_name;
  std::string location;  // the host's visit location
  std::string reason;
  std::vector<model::UnixTime> proposed;  // start times the visitor proposed
  int64_t duration = 0;                   // seconds
  VisitStatus status = VisitStatus::kRequested;
  model::UnixTime starts_at = 0;  // agreed (0 until accepted)
  model::UnixTime ends_at = 0;
  int host_confirmed = 0;  // 0 unknown, 1 happened, -1 did not
  int visitor_confirmed = 0;
  int revision = 0;
  model::UnixTime created_at = 0;
  model::UnixTime updated_at = 0;
};

class VisitService {
 public:
  VisitService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The host must host visits and be visible to the viewer; 1-5 distinct
  // proposed start times in the future; duration 15 min - 12 h.
  Result<Visit> Request(const domain::Viewer& viewer, model::Id host_id, const std::string& reason,
                        std::vector<model::UnixTime> proposed, int64_t duration);
  // The host picks one of the proposed times.
  Result<Visit> Accept(const domain::Viewer& viewer, model::Id visit_id, model::UnixTime starts_at);
  Result<Visit> Decline(const domain::Viewer& viewer, model::Id visit_id);
  // Either party, before it took place.
  Result<Visit> Cancel(const domain::Viewer& viewer, model::Id visit_id);
  // Either party, after the agreed start: did it happen?
  Result<Visit> Confirm(const domain::Viewer& viewer, model::Id visit_id, bool happened);
  Result<Visit> Get(const domain::Viewer& viewer, model::Id visit_id);
  // The viewer's visits (as host or visitor), newest first.
  Result<std::vector<Visit>> Mine(const domain::Viewer& viewer);
  // iCalendar invite for an accepted visit (CANCEL once cancelled).
  Result<std::string> Invite(const domain::Viewer& viewer, model::Id visit_id);

 private:
  Result<Visit> Transition(const domain::Viewer& viewer, model::Id visit_id, const std::string& action,
                           model::UnixTime starts_at, bool happened);

  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::events
