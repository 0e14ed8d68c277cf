// events' part of a member's data (domain/member_data.h): registrations,
// events they organise, calendar feed, meeting requests, meetings and their
// feedback, unavailable slots, visits. Registered by the composition root
// (app_services/account_wiring.cpp); one call.
//
//   events::RegisterMemberData(registry);
#pragma once

#include "domain/member_data.h"

namespace verbinder::events {

void RegisterMemberData(domain::MemberDataRegistry& registry);

}  // namespace verbinder::events
