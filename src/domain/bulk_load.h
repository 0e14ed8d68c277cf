// Loads a whole in-memory model::Network (demo, generator, import) into the
// database in one transaction with bulk statements: all of it, or nothing.
//
//   auto stats = LoadNetwork(db, demo::BuildDemoNetwork(), clock, progress);
//
// Network ids (1-based positions) are remapped to fresh database ids, so a
// network can be loaded into a database that already holds members; e-mail
// addresses must not collide with existing members (AlreadyExists).
#pragma once

#include <functional>
#include <string>

#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::domain {

struct LoadStats {
  int64_t sectors = 0, organizations = 0, members = 0, challenges = 0, connections = 0, events = 0, registrations = 0,
          interactions = 0, accounts = 0;
};

// progress(done, total) is called now and then with rows written so far.
using ProgressFn = std::function<void(int64_t done, int64_t total)>;

Result<LoadStats> LoadNetwork(storage::Database& db, const model::Network& network, const Clock& clock,
                              const ProgressFn& progress = {});

// Inserts the default sectors if the table is empty (called at start-up).
Status EnsureDefaultSectors(storage::Database& db);

}  // namespace verbinder::domain
