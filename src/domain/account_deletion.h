// Leaving and taking one's data along: deleting a member with everything that
// is theirs, all or nothing, and the member's own-data export
// (account_deletion.cpp). Domain erases and exports its own tables; every
// other module's part comes from its MemberDataOwner (member_data.h), called
// inside the same transaction. Reached through AccountService (accounts.h).
// Thread-safety: safe for concurrent use.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "domain/accounts.h"

namespace verbinder::domain {

class OwnDataService {
 public:
  OwnDataService(storage::Database& db, const Clock& clock, const AccountWiring& wiring)
      : db_(db), clock_(clock), wiring_(wiring) {}

  Status CheckDeletion(const Viewer& viewer, model::Id member_id, const std::string& password);
  Status DeleteMember(const Viewer& viewer, model::Id member_id, const std::string& password);
  Result<nlohmann::json> Export(const Viewer& viewer);

 private:
  storage::Database& db_;
  const Clock& clock_;
  const AccountWiring& wiring_;
};

}  // namespace verbinder::domain
