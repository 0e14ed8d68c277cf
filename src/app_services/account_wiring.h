// The account service's wiring, built in one place for the server and every
// CLI command alike: account mails through notify's outbox, and every
// module's MemberDataOwner (events, questions, newsletter, notify) registered
// for deletion and the own-data export. The seed of the composition root.
//
//   domain::AccountService accounts(db, clock, app_services::AccountWiring());
#pragma once

#include <memory>

#include "domain/accounts.h"
#include "domain/member_data.h"

namespace verbinder::app_services {

// Registers every module that holds member data; one call per owner.
void RegisterMemberDataOwners(domain::MemberDataRegistry& registry);

// The registry of every module's MemberDataOwner, built once per process and
// read-only afterwards: for the account service and MemberService::Delete.
std::shared_ptr<const domain::MemberDataRegistry> MemberDataOwners();

// A mailer on the outbox and a registry filled by RegisterMemberDataOwners.
domain::AccountWiring AccountWiring();

}  // namespace verbinder::app_services
