// /api/v1/network/... over real HTTP on the demo network: roles, privacy
// (hidden members never appear) and the shape the web UI relies on.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <map>
#include <set>

#include <soci/soci.h>

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

// The demo network takes long to build and load, so the suite loads it once
// (ShareDatabase) and every test runs on that database, each with its own
// App and server.
class NetworkApiTest : public testing::ApiServerTest<SystemClock> {
 protected:
  NetworkApiTest() : ApiServerTest({}) {}
  static void SetUpTestSuite() {
    demo_ = new demo::Demo(demo::BuildDemo());
    ShareDatabase("network_api", [](storage::Database& db) {
      SystemClock clock;
      auto st = domain::LoadNetwork(db, demo_->network, clock);
      ASSERT_TRUE(st.ok()) << st.status().ToString();
    });
  }
  static void TearDownTestSuite() {
    ReleaseSharedDatabase();
    delete demo_;
    demo_ = nullptr;
  }
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
        if ((k == "id" || k == "a" || k == "b" || k == "via" || k == "source" || k == "target") &&
            (v.is_string() || v.is_number()))
          out.insert(v.is_string() ? v.get<std::string>() : std::to_string(v.get<int64_t>()));
        CollectIds(v, out);
      }
    } else if (j.is_array()) {
      for (const auto& v : j) CollectIds(v, out);
    }
  }

  static inline demo::Demo* demo_ = nullptr;
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

TEST_F(NetworkApiTest, HealthAndCompactMapAgreeWithTheReport) {
  Client leader(Base());
  ASSERT_EQ(leader.Login(std::string(demo::kDemoLeaderEmail), std::string(demo::kDemoPassword)).status, 200);
  Json r = leader.Get("/api/v1/network/report").Json();
  auto health = leader.Get("/api/v1/network/health");
  ASSERT_EQ(health.status, 200) << health.body.substr(0, 300);
  Json hl = health.Json();
  EXPECT_EQ(hl["members"], r["network"]["members"]);
  EXPECT_EQ(hl["ties"], r["network"]["ties"]);
  EXPECT_NEAR(hl["real_ties"].get<double>() / hl["ties"].get<double>(), r["network"]["real_tie_share"].get<double>(),
              1e-12);
  int64_t members = 0, inside = 0, outside = 0;
  for (const auto& s : hl["sectors"]) {
    members += s["members"].get<int64_t>();
    inside += s["ties_inside"].get<int64_t>();
    outside += s["ties_outside"].get<int64_t>();
    if (!s["ei"].is_null() && r["network"]["sector_ei"].contains(s["sector"].get<std::string>())) {
      EXPECT_NEAR(s["ei"].get<double>(), r["network"]["sector_ei"][s["sector"].get<std::string>()].get<double>(), 1e-12)
          << s.dump();
    }
  }
  EXPECT_EQ(members, hl["members"].get<int64_t>());
  EXPECT_EQ(outside, 2 * hl["cross_sector_ties"].get<int64_t>());
  EXPECT_EQ(inside + hl["cross_sector_ties"].get<int64_t>(), hl["ties"].get<int64_t>());
  EXPECT_EQ(hl["isolated_count"].get<size_t>(), r["network"]["isolated"].size());
  EXPECT_FALSE(hl["events"].empty());
  EXPECT_EQ(leader.Get("/api/v1/network/health?fading_days=0").ErrorField(), "fading_days");

  auto compact = leader.Get("/api/v1/network/map?compact=true");
  ASSERT_EQ(compact.status, 200);
  Json m = compact.Json();
  ASSERT_EQ(m["nodes"].size(), r["members"].size());
  ASSERT_EQ(m["edges"].size(), r["network"]["ties"].get<size_t>());
  int64_t real = 0;
  for (const auto& e : m["edges"]) {
    ASSERT_EQ(e.size(), 3u);
    EXPECT_LT(e[0].get<size_t>(), m["nodes"].size());
    EXPECT_LT(e[1].get<size_t>(), m["nodes"].size());
    real += e[2].get<int>();
  }
  EXPECT_EQ(real, hl["real_ties"].get<int64_t>());
  // Node measures equal the report's.
  std::map<std::string, Json> by_id;
  for (const auto& x : r["members"]) by_id[x["id"].get<std::string>()] = x;
  for (const auto& n : m["nodes"]) {
    const Json& x = by_id.at(n["id"].get<std::string>());
    const Json& b = x["brokerage"];
    EXPECT_EQ(n["brokerage"].get<int64_t>(), b["coordinator"].get<int64_t>() + b["consultant"].get<int64_t>() +
                                                 b["representative"].get<int64_t>() + b["liaison"].get<int64_t>());
    EXPECT_EQ(n["community"], x["community"]);
    EXPECT_EQ(n["degree"], x["degree"]);
  }
  EXPECT_EQ(leader.Get("/api/v1/network/map?compact=1").ErrorField(), "compact");
}

// issue_14: one definition of a tie and of *real* (model::DeriveTies over the
// visible ledger; presence never counts), and every surface agrees: the
// report, the health headline, the last month of the trend, a member's own
// ties, their position and their ties on the leader's map.
TEST_F(NetworkApiTest, Issue14EverySurfaceCountsTheSameRealTies) {
  Client leader(Base());
  ASSERT_EQ(leader.Login(std::string(demo::kDemoLeaderEmail), std::string(demo::kDemoPassword)).status, 200);
  Client anja(Base());
  ASSERT_EQ(anja.Login(std::string(demo::kDemoAnjaEmail), std::string(demo::kDemoPassword)).status, 200);
  auto report = leader.Get("/api/v1/network/report");
  ASSERT_EQ(report.status, 200) << report.body;
  const Json net = report.Json()["network"];
  const double share = net["real_tie_share"];
  // Believable: most ties in the demo never went offline; the congress's 180
  // attendees are not tied to each other by being there.
  EXPECT_LT(share, 0.5);
  EXPECT_GT(share, 0.05);
  auto health = leader.Get("/api/v1/network/health");
  ASSERT_EQ(health.status, 200);
  EXPECT_DOUBLE_EQ(health.Json()["real_tie_share"].get<double>(), share);
  auto trend = leader.Get("/api/v1/network/health/trend?months=1");
  ASSERT_EQ(trend.status, 200);
  const Json last = trend.Json()["months"].back();
  EXPECT_DOUBLE_EQ(last["real_tie_share"].get<double>(), share);
  EXPECT_EQ(last["ties"], health.Json()["ties"]);
  EXPECT_EQ(last["real_ties"], health.Json()["real_ties"]);
  // The density is that of the evidence ties in the ledger.
  const double n = net["members"], ties = last["ties"];
  EXPECT_NEAR(net["density"].get<double>(), 2 * ties / (n * (n - 1)), 1e-12);
  // The co-attendance is reported beside it, never as ties.
  ASSERT_TRUE(report.Json().contains("co_attendance"));
  EXPECT_GT(report.Json()["co_attendance"]["pairs"].get<int64_t>(), ties);

  // One member, four surfaces.
  const std::string me = std::to_string(demo_->story.anja);
  auto own = anja.Get("/api/v1/members/" + me + "/ties?real=true&limit=500");
  ASSERT_EQ(own.status, 200) << own.body;
  auto all_own = anja.Get("/api/v1/members/" + me + "/ties?limit=500");
  auto pos = anja.Get("/api/v1/network/members/" + me);
  ASSERT_EQ(pos.status, 200) << pos.body;
  auto map = leader.Get("/api/v1/network/map/ties/" + me);
  ASSERT_EQ(map.status, 200) << map.body;
  int64_t map_real = 0;
  const Json map_json = map.Json();
  for (const auto& t : map_json["ties"]) map_real += t[1].get<int>();
  EXPECT_GT(own.Json()["total"].get<int64_t>(), 0);
  EXPECT_EQ(pos.Json()["real_ties"], own.Json()["total"]);
  // The leader may see more members than Anja (organizers-only profiles): the
  // map agrees with the leader's view of her ties.
  auto led_real = leader.Get("/api/v1/members/" + me + "/ties?real=true&limit=500");
  auto led_all = leader.Get("/api/v1/members/" + me + "/ties?limit=500");
  EXPECT_EQ(map_real, led_real.Json()["total"].get<int64_t>());
  EXPECT_EQ(static_cast<int64_t>(map.Json()["ties"].size()), led_all.Json()["total"].get<int64_t>());
  EXPECT_EQ(pos.Json()["real_ties"].get<int64_t>() + pos.Json()["online_only_ties"].get<int64_t>(),
            all_own.Json()["total"].get<int64_t>());
}

TEST_F(NetworkApiTest, IntroductionsAreValidatedRecordedNotifiedAndLeaveTheSuggestions) {
  Client leader(Base());
  ASSERT_EQ(leader.Login(std::string(demo::kDemoLeaderEmail), std::string(demo::kDemoPassword)).status, 200);
  Json sugg = leader.Get("/api/v1/network/suggestions?limit=50").Json();
  ASSERT_FALSE(sugg["introductions"].empty());
  // Introductions between others: none would introduce the leader herself (in the demo's report
  // she is one end of many: she knows many members), none is listed twice.
  const Json self = leader.Get("/api/v1/auth/me").Json();
  const std::string me = std::to_string(self["member"]["id"].get<int64_t>());
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& s : sugg["introductions"]) {
    const std::string a = s["a"], b = s["b"];
    EXPECT_NE(a, me) << s.dump();
    EXPECT_NE(b, me) << s.dump();
    EXPECT_TRUE(pairs.insert({a, b}).second) << s.dump();
  }
  // A suggestion between two members whose profiles all members may see.
  Json pick;
  for (const auto& s : sugg["introductions"]) {
    bool visible = true;
    for (const char* k : {"a", "b", "via"}) {
      auto m = leader.Get("/api/v1/members/" + s[k].get<std::string>()).Json();
      visible = visible && m["visibility"] == "members";
    }
    if (visible) {
      pick = s;
      break;
    }
  }
  ASSERT_FALSE(pick.is_null());
  EXPECT_FALSE(pick["a_name"].get<std::string>().empty());
  EXPECT_FALSE(pick["via_name"].get<std::string>().empty());
  const int64_t a = std::stoll(pick["a"].get<std::string>()), b = std::stoll(pick["b"].get<std::string>()),
                via = std::stoll(pick["via"].get<std::string>());
  const std::string path = "/api/v1/network/introductions";

  EXPECT_EQ(leader.Post(path, {{"a", a}, {"b", a}}).ErrorField(), "b");
  EXPECT_EQ(leader.Post(path, {{"a", a}}).ErrorField(), "b");
  EXPECT_EQ(leader.Post(path, {{"a", "x"}, {"b", b}}).ErrorField(), "a");
  EXPECT_EQ(leader.Post(path, {{"a", a}, {"b", b}, {"colour", 1}}).status, 400);
  EXPECT_EQ(leader.Post(path, {{"a", a}, {"b", b}, {"via", a}}).ErrorField(), "via");
  EXPECT_EQ(leader.Post(path, {{"a", a}, {"b", b}, {"message", std::string(1001, 'x')}}).ErrorField(), "message");
  auto unknown = leader.Post(path, {{"a", 99999999}, {"b", b}});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.ErrorField(), "a");
  auto hidden = leader.Post(path, {{"a", a}, {"b", std::stoll(*HiddenIds().begin())}});
  EXPECT_EQ(hidden.status, 404) << "a hidden member is not there for an organizer";
  auto tied = leader.Post(path, {{"a", a}, {"b", via}});
  EXPECT_EQ(tied.status, 409) << "a and via are tied already";

  Client anja(Base());
  ASSERT_EQ(anja.Login(std::string(demo::kDemoAnjaEmail), std::string(demo::kDemoPassword)).status, 200);
  EXPECT_EQ(anja.Post(path, {{"a", a}, {"b", b}}).status, 403);

  auto made = leader.Post(path, {{"a", b}, {"b", a}, {"via", via}, {"message", "<script>x</script> roosters"}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.Json()["via"].get<int64_t>(), via);
  EXPECT_EQ(leader.Post(path, {{"a", a}, {"b", b}}).status, 409) << "introduced once";

  soci::session sql(db_->pool());
  for (int64_t who : {a, b}) {
    long long n = 0, id = who;
    std::string text;
    sql << "SELECT count(*), max(text) FROM event_notifications WHERE member_id = :m AND kind = 'introduction'",
        soci::use(id), soci::into(n), soci::into(text);
    EXPECT_EQ(n, 1) << who;
    EXPECT_NE(text.find("<script>x</script> roosters"), std::string::npos) << text;
  }
  Json after = leader.Get("/api/v1/network/suggestions?limit=50").Json();
  for (const auto& s : after["introductions"])
    EXPECT_FALSE((s["a"] == pick["a"] && s["b"] == pick["b"]) || (s["a"] == pick["b"] && s["b"] == pick["a"]))
        << s.dump();
}

// Above max_ties the map draws per member its strongest ties and then the
// strongest real ones, says how many of how many, and gives a member's
// full list on request.
TEST_F(NetworkApiTest, MapDrawsTheStrongestTiesWithinItsBudgetAndGivesAMembersFullList) {
  Client leader(Base());
  ASSERT_EQ(leader.Login(std::string(demo::kDemoLeaderEmail), std::string(demo::kDemoPassword)).status, 200);
  Json full = leader.Get("/api/v1/network/map").Json();
  ASSERT_EQ(full["selection"], "all");
  ASSERT_EQ(full["edges"].size(), full["ties"].get<size_t>());
  ASSERT_EQ(full["drawn_ties"], full["ties"]);
  const size_t n = full["nodes"].size();
  const int64_t budget = static_cast<int64_t>(3 * n + 25);
  ASSERT_LT(budget, full["ties"].get<int64_t>()) << "the demo should have more ties than the budget under test";

  auto r = leader.Get("/api/v1/network/map?max_ties=" + std::to_string(budget));
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  Json m = r.Json();
  EXPECT_EQ(m["selection"], "strongest");
  EXPECT_EQ(m["ties"], full["ties"]);
  EXPECT_EQ(m["real_ties"], full["real_ties"]);
  EXPECT_EQ(m["drawn_ties"].get<size_t>(), m["edges"].size());
  EXPECT_LE(m["edges"].size(), static_cast<size_t>(budget));
  EXPECT_FALSE(m["stale"].get<bool>());
  EXPECT_GE(m["age_seconds"].get<int64_t>(), 0);
  // Every member's heaviest tie is drawn; real ties fill the rest of the budget.
  std::map<std::string, double> heaviest, heaviest_drawn;
  std::set<std::pair<std::string, std::string>> drawn;
  int64_t drawn_real = 0;
  for (const auto& e : full["edges"])
    for (const char* end : {"source", "target"}) {
      double& w = heaviest[e[end].get<std::string>()];
      w = std::max(w, e["weight"].get<double>());
    }
  for (const auto& e : m["edges"]) {
    drawn.insert({e["source"].get<std::string>(), e["target"].get<std::string>()});
    drawn_real += e["real"].get<bool>();
    for (const char* end : {"source", "target"}) {
      double& w = heaviest_drawn[e[end].get<std::string>()];
      w = std::max(w, e["weight"].get<double>());
    }
  }
  EXPECT_EQ(drawn.size(), m["edges"].size()) << "a tie is drawn twice";
  EXPECT_EQ(drawn_real, m["drawn_real_ties"].get<int64_t>());
  for (const auto& [id, w] : heaviest) EXPECT_DOUBLE_EQ(heaviest_drawn[id], w) << "member " << id;
  EXPECT_TRUE(drawn_real == m["real_ties"].get<int64_t>() || static_cast<int64_t>(m["edges"].size()) == budget);
  EXPECT_GT(drawn_real, 0);

  // A member's full list: as many ties as their degree, the real ones as in their position.
  const Json& node = full["nodes"][0];
  const std::string id = node["id"].get<std::string>();
  auto t = leader.Get("/api/v1/network/map/ties/" + id);
  ASSERT_EQ(t.status, 200) << t.body;
  Json ties = t.Json()["ties"];
  EXPECT_EQ(ties.size(), node["degree"].get<size_t>());
  int64_t real = 0;
  for (const auto& x : ties) {
    real += x[1].get<int>();
    EXPECT_TRUE(heaviest.count(x[0].get<std::string>()));
  }
  Json pos = leader.Get("/api/v1/network/members/" + id).Json();
  EXPECT_EQ(real, pos["real_ties"].get<int64_t>());
  for (const auto& h : HiddenIds()) EXPECT_EQ(leader.Get("/api/v1/network/map/ties/" + h).status, 404);
  EXPECT_EQ(leader.Get("/api/v1/network/map?max_ties=0").ErrorField(), "max_ties");
  Client anja(Base());
  ASSERT_EQ(anja.Login(std::string(demo::kDemoAnjaEmail), std::string(demo::kDemoPassword)).status, 200);
  EXPECT_EQ(anja.Get("/api/v1/network/map/ties/" + id).status, 403);
}

// The map is computed for the leader's class, never for the leader: an
// organizer whose own profile is hidden is not on the organizers' map (the
// admins' map has every member). After a change the last map is served,
// marked stale, until the new one is ready.
TEST_F(NetworkApiTest, MapShowsOnlyWhomTheClassMaySeeAndServesTheLastMapWhileRecomputing) {
  Client leader(Base()), admin(Base());
  ASSERT_EQ(leader.Login(std::string(demo::kDemoLeaderEmail), std::string(demo::kDemoPassword)).status, 200);
  ASSERT_EQ(admin.Login(std::string(demo::kDemoAdminEmail), std::string(demo::kDemoPassword)).status, 200);
  const std::string me = std::to_string(demo_->story.leader);
  auto ids = [](const Json& m) {
    std::set<std::string> out;
    for (const auto& n : m["nodes"]) out.insert(n["id"].get<std::string>());
    return out;
  };
  auto fresh = [&](Client& c) {
    for (int i = 0; i < 600; ++i) {
      auto r = c.Get("/api/v1/network/map?compact=true");
      if (r.status == 200 && !r.Json()["stale"].get<bool>()) return r.Json();
      EXPECT_TRUE(r.status == 200 || r.status == 503) << r.body.substr(0, 200);
      usleep(50 * 1000);
    }
    ADD_FAILURE() << "the map never became current";
    return Json();
  };
  Json before = fresh(leader);
  ASSERT_TRUE(ids(before).count(me));
  Json all = fresh(admin);
  for (const auto& h : HiddenIds()) EXPECT_TRUE(ids(all).count(h)) << "admins see hidden member " << h;

  soci::session sql(db_->pool());
  long long leader_id = demo_->story.leader;
  sql << "UPDATE members SET visibility = 'hidden' WHERE id = :id", soci::use(leader_id);
  auto r = leader.Get("/api/v1/network/map?compact=true");
  ASSERT_EQ(r.status, 200);
  Json first = r.Json();
  if (first["stale"].get<bool>()) {
    EXPECT_EQ(ids(first), ids(before)) << "a stale map is the last one computed";
  }
  Json after = fresh(leader);
  EXPECT_FALSE(ids(after).count(me)) << "a hidden organizer is on the organizers' map";
  EXPECT_EQ(ids(after).size() + 1, ids(before).size());
  for (const auto& h : HiddenIds()) EXPECT_FALSE(ids(after).count(h));
  EXPECT_TRUE(ids(fresh(admin)).count(me));
  sql << "UPDATE members SET visibility = 'members' WHERE id = :id", soci::use(leader_id);
  EXPECT_TRUE(ids(fresh(leader)).count(me));
}

}  // namespace
}  // namespace verbinder::api
