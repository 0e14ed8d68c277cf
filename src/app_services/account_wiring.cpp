// The account service's wiring (account_wiring.h).
#include "app_services/account_wiring.h"

#include <memory>

#include "events/member_data.h"
#include "newsletter/member_data.h"
#include "notify/account_mailer.h"
#include "notify/member_data.h"
#include "questions/member_data.h"

namespace verbinder::app_services {

void RegisterMemberDataOwners(domain::MemberDataRegistry& registry) {
  // Order matters: events cancels first (it tells others through notify),
  // notify last (it erases what was queued to the member).
  events::RegisterMemberData(registry);
  questions::RegisterMemberData(registry);
  newsletter::RegisterMemberData(registry);
  notify::RegisterMemberData(registry);
}

std::shared_ptr<const domain::MemberDataRegistry> MemberDataOwners() {
  static const std::shared_ptr<const domain::MemberDataRegistry> owners = [] {
    auto registry = std::make_shared<domain::MemberDataRegistry>();
    RegisterMemberDataOwners(*registry);
    return registry;
  }();
  return owners;
}

domain::AccountWiring AccountWiring() {
  return {notify::OutboxAccountMailer(), MemberDataOwners()};
}

}  // namespace verbinder::app_services
