// What other modules hold about a member, reached without domain knowing their
// tables: each module that stores member data (events, questions, newsletter,
// notify) implements MemberDataOwner, and the composition root registers it
// (app_services/account_wiring.h). Deleting a member and the member's own-data
// export go through the registry; domain itself touches only its own tables.
//
//   MemberDataRegistry registry;
//   events::RegisterMemberData(registry);          // one call per owner
//   AccountService accounts(db, clock, {.mailer = ..., .member_data = &registry});
//
// Thread-safety: fill the registry before it is shared; afterwards it is
// read-only and safe for concurrent use. Owners are stateless over the
// caller's session.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <soci/soci.h>
#include <nlohmann/json.hpp>

#include "model/model.h"
#include "util/status.h"

namespace verbinder::domain {

// The member whose data is erased or exported.
struct MemberRecord {
  model::Id id = 0;
  std::string email;  // some traces (subscriptions, mails) are kept by address
};

// One key of the own-data export: rows (JSON objects) and the columns that
// hold another member's id. Domain shows such an id only when the viewer may
// see that member (else null), the same rule for every module.
struct ExportPart {
  std::string key;
  nlohmann::json rows = nlohmann::json::array();
  std::vector<std::string> member_columns;
};

class MemberDataOwner {
 public:
  virtual ~MemberDataOwner() = default;
  // The module's name ("events"), for error messages.
  virtual std::string Name() const = 0;
  // Erases what the module holds of `who`, inside the caller's open write
  // transaction (the member's row still exists; it goes after every owner has
  // run, and ON DELETE CASCADE takes what an owner leaves). May tell others
  // (notifications). An error rolls the whole deletion back.
  virtual Status Erase(soci::session& sql, const MemberRecord& who, int64_t now) = 0;
  // The module's keys of the export of `who`'s own data (secrets left out).
  virtual Result<std::vector<ExportPart>> Export(soci::session& sql, const MemberRecord& who) = 0;
};

class MemberDataRegistry {
 public:
  void Register(std::shared_ptr<MemberDataOwner> owner) { owners_.push_back(std::move(owner)); }
  const std::vector<std::shared_ptr<MemberDataOwner>>& owners() const { return owners_; }

 private:
  std::vector<std::shared_ptr<MemberDataOwner>> owners_;
};

// Rows of `query` as JSON objects (lower-case column name → value), leaving
// out secret columns (hashes, tokens, mail bodies, locks). The query binds
// the member id `uses` times (1 or 2).
nlohmann::json RowsAsJson(soci::session& sql, const std::string& query, model::Id member_id, int uses = 1);

}  // namespace verbinder::domain
