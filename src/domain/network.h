// The online network and the interaction ledger: connection requests and
// their life cycle, appending interactions, and ties derived from the ledger
// (strength and realness) — all filtered by what the viewer may see.
//
//   NetworkService net(db, clock);
//   auto c = net.RequestConnection(anja, pieter_id, "Zullen we eens bellen?");
//   net.AcceptConnection(pieter, c->id);      // appends a `connected` interaction
//   auto ties = net.TiesOf(anja, anja.member_id);
//
// Thread-safety: safe for concurrent use.
#pragma once

#include <optional>
#include <vector>

#include "domain/members.h"
#include "domain/viewer.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"

namespace verbinder::domain {

struct LedgerFilter {
  model::Id member_id = 0;  // 0 = all
  std::optional<model::InteractionKind> kind;
  int limit = kDefaultPageSize;
  int offset = 0;
};

class NetworkService {
 public:
  NetworkService(storage::Database& db, const Clock& clock, MemberService& members)
      : db_(db), clock_(clock), members_(members) {}

  Result<model::Connection> RequestConnection(const Viewer& viewer, model::Id to, const std::string& message);
  Result<model::Connection> AcceptConnection(const Viewer& viewer, model::Id id);
  Result<model::Connection> DeclineConnection(const Viewer& viewer, model::Id id);
  Result<model::Connection> WithdrawConnection(const Viewer& viewer, model::Id id);
  Result<model::Connection> RemoveConnection(const Viewer& viewer, model::Id id);
  // The viewer's own connections (either direction), optionally by status.
  Result<Page<model::Connection>> Connections(const Viewer& viewer, std::optional<model::ConnectionStatus> status,
                                              int limit, int offset);

  // Appends to the ledger (organizers; the system). a != b, both exist; the
  // record is stored with a < b. Returns it with its id.
  Result<model::Interaction> Record(const Viewer& viewer, model::Interaction in);
  Result<Page<model::Interaction>> Ledger(const Viewer& viewer, const LedgerFilter& filter);
  // Ties of a member the viewer may see, to members the viewer may see; strongest first.
  Result<std::vector<model::Tie>> TiesOf(const Viewer& viewer, model::Id member_id);
  // The whole network as the viewer may see it, for analysis: visible members
  // (id, name, sector only), the ledger between them, and event attendance
  // (registered or attended) of visible members.
  struct VisibleNetwork {
    std::vector<model::Member> members;
    std::vector<model::Interaction> ledger;
    std::vector<std::pair<model::Id, model::Id>> attendance;  // (event, member)
    std::string fingerprint;                                  // changes whenever any of the above may have changed
  };
  Result<VisibleNetwork> LoadVisibleNetwork(const Viewer& viewer);
  // Cheap: the fingerprint alone, to decide whether a cached analysis is stale.
  Result<std::string> NetworkFingerprint(const Viewer& viewer);

  // Every interaction between two visible members, oldest first.
  Result<std::vector<model::Interaction>> TieHistory(const Viewer& viewer, model::Id a, model::Id b);

 private:
  Result<model::Connection> Transition(const Viewer& viewer, model::Id id, model::ConnectionStatus from,
                                       model::ConnectionStatus to, bool by_recipient, bool by_sender);

  storage::Database& db_;
  const Clock& clock_;
  MemberService& members_;
};

// The network's trend per calendar month (Europe/Amsterdam), from the ledger's
// dates: the ties as they stood at the end of the month (a tie = a pair with
// any record so far; real = met face to face at least once; cross-sector =
// the two members' sectors differ) and the members active in the month (with
// any ledger record dated in it). Uses only what the VisibleNetwork holds, so
// it respects visibility like the rest of the network API.
struct MonthTrend {
  std::string month;                           // "2026-03"
  model::UnixTime starts_at = 0, ends_at = 0;  // [starts_at, ends_at)
  int64_t ties = 0, real_ties = 0, cross_sector_ties = 0;
  int64_t active_members = 0;
};
// The last `months` months up to and including the month of `now`, oldest first.
std::vector<MonthTrend> MonthlyTrend(const NetworkService::VisibleNetwork& net, int months, model::UnixTime now);
// Unix time of 00:00 Europe/Amsterdam on the first day of month m (1..12) of year y.
model::UnixTime AmsterdamMonthStart(int64_t y, int m);

// Appends interactions inside an existing transaction (used by other services).
void AppendInteraction(soci::session& sql, model::Interaction& in);

}  // namespace verbinder::domain
