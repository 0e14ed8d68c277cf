// Test-only: a fixture with a fresh database (SQLite, or PostgreSQL with
// VERBINDER_TEST_BACKEND=postgres), a fake clock, the events services and
// helpers to add members and parse iCalendar output with python3-icalendar.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "domain/bulk_load.h"
#include "domain/members.h"
#include "domain/network.h"
#include "events/calendar.h"
#include "events/events.h"
#include "events/meetings.h"
#include "events/visits.h"
#include "storage/testing.h"

namespace verbinder::events::testing {

using domain::Viewer;

// 2026-12-01 09:00 UTC: "now" in every test; events lie after it.
inline constexpr int64_t kNow = 1796115600;
inline constexpr int64_t kHour = 3600;

class EventsFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(::testing::UnitTest::GetInstance()->current_test_info()->name(), 12);
    ASSERT_TRUE(domain::EnsureDefaultSectors(*db_).ok());
    members_ = std::make_unique<domain::MemberService>(*db_, clock_);
    network_ = std::make_unique<domain::NetworkService>(*db_, clock_, *members_);
    events_ = std::make_unique<EventService>(*db_, clock_);
    calendar_ = std::make_unique<CalendarService>(*db_, clock_);
    meetings_ = std::make_unique<MeetingService>(*db_, clock_);
    visits_ = std::make_unique<VisitService>(*db_, clock_);
    leader_ = {Make("Lotte Leider", "other", "Netwerk Twente").id, model::Role::kOrganizer};
  }

  model::Member Make(const std::string& name, const std::string& sector, const std::string& org,
                     model::Visibility vis = model::Visibility::kMembers, std::vector<std::string> expertise = {},
                     const std::string& challenge = "") {
    model::Member m;
    m.name = name;
    std::string local;
    for (char c : name) local += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '.';
    m.email = local + "@x.example";
    m.sector = sector;
    m.organization = org;
    m.visibility = vis;
    m.languages = {"en"};
    m.expertise_tags = std::move(expertise);
    if (!challenge.empty()) m.challenges.push_back({0, 0, challenge, challenge, model::ChallengeStatus::kOpen, 0, 0});
    auto r = members_->Create(Viewer::System(), m);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : m;
  }
  Viewer As(const model::Member& m) { return {m.id, model::Role::kMember}; }

  EventInfo NewEvent(int capacity, int64_t starts = kNow + 7 * 24 * kHour) {
    EventInfo info;
    info.event.title = "Congres Zorg & Industrie";
    info.event.kind = model::EventKind::kCongress;
    info.event.description = "Zorg en industrie ontmoeten elkaar.\nMet borrel.";
    info.event.starts_at = starts;
    info.event.ends_at = starts + 8 * kHour;
    info.event.location = "Hengelo, De Waag";
    info.event.capacity = capacity;
    auto r = events_->Create(leader_, info);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : info;
  }

  // Parses iCalendar texts with /usr/bin/python3 + python3-icalendar.
  nlohmann::json ParseIcs(const std::vector<std::string>& texts) {
    auto dir = std::filesystem::temp_directory_path() / ("verbinder-ics-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string cmd = "/usr/bin/python3 testdata/check_ics.py";  // ctest runs in src/events
    if (const char* src = std::getenv("VERBINDER_SOURCE_DIR"))
      cmd = std::string("/usr/bin/python3 ") + src + "/src/events/testdata/check_ics.py";
    for (size_t i = 0; i < texts.size(); ++i) {
      auto p = dir / (std::to_string(i) + ".ics");
      std::ofstream(p, std::ios::binary) << texts[i];
      cmd += " " + p.string();
    }
    std::string out;
    FILE* f = ::popen((cmd + " 2>&1").c_str(), "r");
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    int rc = ::pclose(f);
    EXPECT_EQ(rc, 0) << out;
    auto j = nlohmann::json::parse(out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << out;
    return j;
  }

  FakeClock clock_{kNow};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<domain::MemberService> members_;
  std::unique_ptr<domain::NetworkService> network_;
  std::unique_ptr<EventService> events_;
  std::unique_ptr<CalendarService> calendar_;
  std::unique_ptr<MeetingService> meetings_;
  std::unique_ptr<VisitService> visits_;
  Viewer leader_;
};

}  // namespace verbinder::events::testing
