#include "app_services/services.h"

#include "app_services/account_wiring.h"

namespace verbinder::app_services {

Services::Services(storage::Database& db, const Clock& clock)
    : db(db),
      clock(clock),
      members(db, clock, MemberDataOwners()),
      accounts(db, clock, AccountWiring()),
      network(db, clock, members),
      events(db, clock),
      calendar(db, clock),
      meetings(db, clock),
      visits(db, clock),
      seating(db, clock),
      reports(db, clock),
      encounters(db, clock),
      follow_up(db, clock),
      learned_links(db, clock),
      articles(db, clock),
      subscriptions(db, clock),
      notifications(db, clock),
      questions(db, clock),
      oidc_sign_in(db, clock, accounts) {}

}  // namespace verbinder::app_services
