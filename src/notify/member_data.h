// notify's part of a member's data (domain/member_data.h): their
// notifications and notification preferences, and the mails to their
// address in the outbox. Registered by the composition root
// (app_services/account_wiring.cpp); one call.
//
//   notify::RegisterMemberData(registry);
#pragma once

#include "domain/member_data.h"

namespace verbinder::notify {

void RegisterMemberData(domain::MemberDataRegistry& registry);

}  // namespace verbinder::notify
