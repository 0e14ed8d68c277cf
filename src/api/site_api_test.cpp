// PUT /api/v1/site over real HTTP on a fresh database (issue #17, point 7):
// the leader edits the network's public face (name, descriptions, organiser,
// logo) from the settings page; members and visitors may not; each bad field
// is a 400 naming it with a reason the UI words, and a bad request changes
// nothing (checked in the settings table itself).
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "api/test_client.h"
#include "util/civil_time.h"

namespace verbinder::api {
namespace {

using testing::Client;
using Json = nlohmann::json;

class SiteApiTest : public testing::ApiServerTest<> {
 protected:
  SiteApiTest() : ApiServerTest({}, util::AmsterdamTime(2026, 12, 6, 9)) {}
  void Seed() override {
    Add("Emma Leider", "emma@x.example", model::Role::kOrganizer);
    Add("Anja Kamphuis", "anja@x.example", model::Role::kMember);
  }
  void Add(const std::string& name, const std::string& email, model::Role role) {
    model::Member m = NewMember(name, email);
    m.languages = {"nl"};
    ASSERT_NE(AddMember(m, role), 0);
  }
  // The site.* rows as the database holds them, "key=value;…" in key order.
  std::string Rows() {
    soci::session sql(db_->pool());
    std::string out, k, v;
    soci::statement st = (sql.prepare << "SELECT key, value FROM settings WHERE key LIKE 'site.%' ORDER BY key",
                          soci::into(k), soci::into(v));
    st.execute();
    while (st.fetch()) {
      out += k;
      out += '=';
      out += v;
      out += ';';
    }
    return out;
  }
};

TEST_F(SiteApiTest, TheLeaderSetsThePublicFaceAndVisitorsSeeIt) {
  auto leader = SignedIn("emma@x.example");
  auto r = leader->Request("PUT", "/api/v1/site",
                           Json{{"name", "  Netwerk Twente "},
                                {"description_nl", "Zorg en industrie\nleren van elkaar."},
                                {"description_en", "Care and industry learn from each other."},
                                {"organizer", "Emma Leider"},
                                {"logo_url", "/assets/logo.svg"}}
                               .dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["name"], "Netwerk Twente") << "trimmed";
  EXPECT_EQ(Rows(),
            "site.description_en=Care and industry learn from each other.;"
            "site.description_nl=Zorg en industrie\nleren van elkaar.;site.logo_url=/assets/logo.svg;"
            "site.name=Netwerk Twente;site.organizer=Emma Leider;");
  Client anon(Base());
  auto j = anon.Get("/api/v1/site").Json();
  EXPECT_EQ(j["name"], "Netwerk Twente");
  EXPECT_EQ(j["description_nl"], "Zorg en industrie\nleren van elkaar.");
  EXPECT_EQ(j["logo_url"], "/assets/logo.svg");
  // Only the fields given change; an empty one goes back to the default.
  r = leader->Request("PUT", "/api/v1/site", Json{{"logo_url", ""}, {"organizer", "Lotte"}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  j = anon.Get("/api/v1/site").Json();
  EXPECT_EQ(j["logo_url"], "/favicon.svg");
  EXPECT_EQ(j["organizer"], "Lotte");
  EXPECT_EQ(j["name"], "Netwerk Twente");
  r = leader->Request("PUT", "/api/v1/site", Json{{"logo_url", "data:image/png;base64,iVBORw0KGgo="}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(anon.Get("/api/v1/site").Json()["logo_url"], "data:image/png;base64,iVBORw0KGgo=");
}

TEST_F(SiteApiTest, OnlyTheLeaderMayEditIt) {
  auto anja = SignedIn("anja@x.example");
  EXPECT_EQ(anja->Request("PUT", "/api/v1/site", Json{{"name", "Van Anja"}}.dump()).status, 403);
  Client anon(Base());
  EXPECT_EQ(anon.Request("PUT", "/api/v1/site", Json{{"name", "Van niemand"}}.dump()).status, 401);
  EXPECT_EQ(Rows(), "");
}

TEST_F(SiteApiTest, EachBadFieldIsNamedAndNothingIsHalfWritten) {
  auto leader = SignedIn("emma@x.example");
  ASSERT_EQ(leader->Request("PUT", "/api/v1/site", Json{{"name", "Netwerk Twente"}}.dump()).status, 200);
  const std::string before = Rows();
  struct Case {
    Json body;
    std::string field, reason;
  };
  const std::vector<Case> cases = {
      {{{"name", "Nieuw"}, {"logo_url", "https://elders.example/logo.png"}}, "logo_url", "site.logo_not_local"},
      {{{"name", "Nieuw"}, {"logo_url", "//elders.example/logo.png"}}, "logo_url", "site.logo_not_local"},
      {{{"name", "Nieuw"}, {"logo_url", "javascript:alert(1)"}}, "logo_url", "site.logo_not_local"},
      {{{"name", std::string(201, 'x')}}, "name", "field.too_long"},
      {{{"name", "Nieuw"}, {"description_en", std::string(2001, 'x')}}, "description_en", "field.too_long"},
      {{{"name", "Nieuw"}, {"organizer", "Emma\nLeider"}}, "organizer", "field.invalid_characters"},
      {{{"name", 12}}, "name", "field.not_a_string"},
      {{{"name", "Nieuw"}, {"colour", "red"}}, "colour", "field.unknown"},
  };
  for (const auto& c : cases) {
    auto r = leader->Request("PUT", "/api/v1/site", c.body.dump());
    EXPECT_EQ(r.status, 400) << c.body.dump() << " " << r.body;
    EXPECT_EQ(r.ErrorField(), c.field) << r.body;
    EXPECT_EQ(r.Json()["error"]["reason"], c.reason) << r.body;
    EXPECT_EQ(Rows(), before) << "nothing written for " << c.body.dump();
  }
  EXPECT_EQ(leader->Request("PUT", "/api/v1/site", "[1]").status, 400);
  EXPECT_EQ(leader->Request("PUT", "/api/v1/site", "{").status, 400);
  EXPECT_EQ(Rows(), before);
}

}  // namespace
}  // namespace verbinder::api
