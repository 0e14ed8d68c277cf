// questions' part of a member's data (domain/member_data.h): the questions
// they asked, their answers and the questions routed to them. Registered by
// the composition root (app_services/account_wiring.cpp); one call.
//
//   questions::RegisterMemberData(registry);
#pragma once

#include "domain/member_data.h"

namespace verbinder::questions {

void RegisterMemberData(domain::MemberDataRegistry& registry);

}  // namespace verbinder::questions
