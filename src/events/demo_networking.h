// The events side of the demo network, added after domain::LoadNetwork: the
// loaded registrations get their queue order and check-in codes, and the
// upcoming congress gets networking rounds (slots × tables) with an accepted
// meeting request and a published auto-schedule, plus group tables for the
// borrel, so the web UI shows a schedule out of the box.
//
//   VB_RETURN_IF_ERROR(events::SeedDemoNetworking(db, clock, "Congres Zorg & Industrie 2027",
//                                                 "anja.kamphuis@noaberzorg.demo",
//                                                 "pieter.lammerink@tpo-almelo.demo"));
//
// Thread-safety: run once on a freshly loaded database.
#pragma once

#include <string>
#include <string_view>

#include "model/model.h"

#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::events {

struct DemoNetworkingStats {
  int codes = 0;              // registrations given a check-in code
  int meetings = 0;           // scheduled at the congress
  int seated = 0;             // seated at the borrel's group tables (first round)
  model::Id live_borrel = 0;  // tonight's borrel (SeedLiveBorrel)
  int visits = 0;             // visit records behind the ledger's visit_held (SeedDemoVisits)
  int checked_in = 0;         // attendees of past events who came (SeedDemoAttendance)
};

inline constexpr std::string_view kLiveBorrelTitle = "Netwerkborrel Zorg & Industrie";

Result<DemoNetworkingStats> SeedDemoNetworking(storage::Database& db, const Clock& clock,
                                               const std::string& congress_title, const std::string& anja_email,
                                               const std::string& pieter_email);

// A borrel running now (started 30 minutes ago, ends in 3.5 hours) with about
// two dozen members checked in; Anja and Pieter are not registered. Called by
// SeedDemoNetworking; returns the event id.
Result<model::Id> SeedLiveBorrel(storage::Database& db, const Clock& clock, model::Id anja, model::Id pieter);

// The visits behind the ledger's `visit_held` entries, so the visits page
// tells the same story as the ties ("strongest contact: visit"): one held
// visit per entry (both said it happened, on the entry's date), hosted by the
// member of the pair who hosts visits. Pieter came to look at Anja's district
// team, as he asked at the borrel. Writes no ledger entry (they are there).
// Called by SeedDemoNetworking; returns how many it added.
Result<int> SeedDemoVisits(storage::Database& db, model::Id anja, model::Id pieter);

// Who came to the events that have ended: the bulk load registers people but
// checks nobody in, so last spring's congress reported 180 registered and 180
// no-shows. Everyone the ledger says met someone at an event was there; of the
// other registered attendees about 94 in 100 came (a fixed rule on the member
// id, so the demo is the same every time), checked in during the first 45
// minutes. Called by SeedDemoNetworking; returns how many it checked in.
Result<int> SeedDemoAttendance(storage::Database& db, const Clock& clock);

}  // namespace verbinder::events
