// /api/v1/network/... over real HTTP on the demo network: roles, privacy
// (hidden members never appear) and the shape the web UI relies on.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <set>

#include "api/app.h"
#include "api/server.h"
#include "api/test_client.h"
#include "demo/demo.h"
#include "domain/bulk_load.h"
#include "storage/testing.h"

namespace verbinder::api {
namespace {

using testing::Client;
using Json = nlohmann::json;

class NetworkApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = storage::testing::FreshDatabase("network_api").release();
    ASSERT_TRUE(domain::EnsureDefaultSectors(*db_).ok());
    demo_ = new demo::Demo(demo::BuildDemo());
    SystemClock clock;
    auto st = domain::LoadNetwork(*db_, demo_->network, clock);
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    app_ = new App(*db_, clock_);
    port_ = testing::FreePort();
    server_ = new Server(*app_, {"127.0.0.1", static_cast<uint16_t>(port_), 2});
    ASSERT_TRUE(server_->Start().ok());
  }
  static void TearDownTestSuite() {
    server_->Stop();
    delete server_;
    delete app_;
    delete demo_;
    delete db_;
  }
  std::string Base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Member ids in the database equal network ids (loaded into an empty database).
  std::set<std::string> HiddenIds() const {
    std::set<std::string> out;
    for (size_t i = 0; i < demo_->network.members.size(); ++i)
      if (demo_->network.members[i].visibility == model::Visibility::kHidden) out.insert(std::to_string(i + 1));
    return out;
  }
  static void CollectIds(const Json& j, std::set<std::string>& out) {
    if (j.is_object()) {
      for (auto& [k, v] : j.items()) {
        if ((k == "id" || k == "a" || k == "b" || k == "via" || k == "source" || k == "target") && (v.is_string() || v.is_number()))
          out.insert(v.is_string() ? v.get<std::string>() : std::to_string(v.get<int64_t>()));
        CollectIds(v, out);
      }
    } else if (j.is_array()) {
      for (const auto& v : j) CollectIds(v, out);
    }
  }

  static inline storage::Database* db_ = nullptr;
  static inline demo::Demo* demo_ = nullptr;
  static inline App* app_ = nullptr;
  static inline Server* server_ = nullptr;
  static inline int port_ = 0;
  static inline SystemClock clock_;
};

TEST_F(NetworkApiTest, OrganizerGetsReportMapAndEventsWithoutHiddenMembers) {
  Client leader(Base());
  ASSERT_EQ(leader.Login(std::string(demo::kDemoLeaderEmail), std::string(demo::kDemoPassword)).status, 200);
  auto hidden = HiddenIds();
  ASSERT_FALSE(hidden.empty()) << "the demo should have hidden members to test privacy";
  auto report = leader.Get("/api/v1/network/report");
  ASSERT_EQ(report.status, 200) << report.body;
  Json r = report.Json();
  EXPECT_EQ(r["network"]["members"].get<size_t>(), r["members"].size());
  EXPECT_EQ(r["members"].size(), demo_->network.members.size() - hidden.size());
  EXPECT_GT(r["network"]["ties"].get<int>(), 1000);
  EXPECT_GT(r["suggestions"]["introductions"].size(), 0u);
  for (const auto& intro : r["suggestions"]["introductions"]) EXPECT_FALSE(intro["reason"].get<std::string>().empty());
  std::set<std::string> ids;
  CollectIds(r, ids);
  for (const auto& h : hidden) EXPECT_FALSE(ids.count(h)) << "hidden member " << h << " appears in the report";

  auto real = leader.Get("/api/v1/network/report?real_only=true").Json();
  EXPECT_LT(real["network"]["ties"].get<int>(), r["network"]["ties"].get<int>());

  auto map = leader.Get("/api/v1/network/map");
  ASSERT_EQ(map.status, 200) << map.body.substr(0, 300);
  std::set<std::string> map_ids;
  CollectIds(map.Json(), map_ids);
  for (const auto& h : hidden) EXPECT_FALSE(map_ids.count(h));

  auto events = leader.Get("/api/v1/network/events").Json();
  ASSERT_TRUE(events["events"].is_array());
  bool congress_yield = false;
  for (const auto& e : events["events"])
    if (e["event"] == std::to_string(demo_->story.congress_2026) && e["new_cross_sector_real_ties"].get<int>() > 0)
      congress_yield = true;
  EXPECT_TRUE(congress_yield) << events.dump().substr(0, 500);

  EXPECT_EQ(leader.Get("/api/v1/network/report?as_of=yesterday").ErrorField(), "as_of");
  EXPECT_EQ(leader.Get("/api/v1/network/report?real_only=yes").ErrorField(), "real_only");
  EXPECT_EQ(leader.Get("/api/v1/network/members/" + *hidden.begin()).status, 404);
}

TEST_F(NetworkApiTest, MembersSeeOnlyTheirOwnPositionAndIntroductions) {
  Client anja(Base());
  ASSERT_EQ(anja.Login(std::string(demo::kDemoAnjaEmail), std::string(demo::kDemoPassword)).status, 200);
  const std::string me = std::to_string(demo_->story.anja);
  EXPECT_EQ(anja.Get("/api/v1/network/report").status, 403);
  EXPECT_EQ(anja.Get("/api/v1/network/map").status, 403);
  EXPECT_EQ(anja.Get("/api/v1/network/members/" + std::to_string(demo_->story.pieter)).status, 403);
  auto pos = anja.Get("/api/v1/network/members/" + me);
  ASSERT_EQ(pos.status, 200) << pos.body;
  EXPECT_GT(pos.Json().dump().size(), 20u);
  auto sugg = anja.Get("/api/v1/network/suggestions").Json();
  EXPECT_TRUE(sugg["invite"].empty());
  for (const auto& i : sugg["introductions"]) EXPECT_TRUE(i["a"] == me || i["b"] == me) << i.dump();
  Client anon(Base());
  EXPECT_EQ(anon.Get("/api/v1/network/suggestions").status, 401);
}

}  // namespace
}  // namespace verbinder::api
