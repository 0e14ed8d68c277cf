// newsletter's part of a member's data (domain/member_data.h): their articles
// and their subscriptions (also those kept only by address). Registered by
// the composition root (app_services/account_wiring.cpp); one call.
//
//   newsletter::RegisterMemberData(registry);
#pragma once

#include "domain/member_data.h"

namespace verbinder::newsletter {

void RegisterMemberData(domain::MemberDataRegistry& registry);

}  // namespace verbinder::newsletter
