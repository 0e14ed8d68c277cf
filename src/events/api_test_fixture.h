// Test-only: the fixture of the events API tests over real HTTP
// (events_api_test, language_api_test): api::testing::ApiServerTest with the
// pool and threads concurrent registrations need, "now" on Tuesday
// 1 December 2026 09:00 UTC, and members who host visits.
#pragma once

#include <string>

#include "api/test_client.h"

namespace verbinder::events::testing {

class EventsApiFixture : public api::testing::ApiServerTest<> {
 protected:
  EventsApiFixture() : ApiServerTest({.db_pool = 10, .threads = 6}, 1796115600) {}

  // A member of "<name> BV" reading `language`, who hosts visits in Almelo.
  static model::Member Host(const std::string& name, const std::string& email, const std::string& sector,
                            const std::string& language) {
    model::Member m = NewMember(name, email, sector);
    m.organization = name + " BV";
    m.languages = {language};
    m.hosts_visits = true;
    m.visit_location = "Almelo";
    return m;
  }

  model::Id leader_ = 0, anja_ = 0, pieter_ = 0;
};

}  // namespace verbinder::events::testing
