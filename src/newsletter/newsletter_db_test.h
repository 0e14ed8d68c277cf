// The fixture of the newsletter's database tests (newsletter_*_test.cpp): a
// fresh database (SQLite file, or PostgreSQL with VERBINDER_TEST_BACKEND=postgres)
// with the seeded network of test_support.h and a fake clock at kNow.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "newsletter/test_support.h"
#include "storage/testing.h"

namespace verbinder::newsletter {

class NewsletterDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(::testing::UnitTest::GetInstance()->current_test_info()->name());
    seed_ = testing::Seed(*db_, clock_);
  }
  domain::Viewer Leader() const { return {seed_.leader, model::Role::kOrganizer}; }
  domain::Viewer AsMember(model::Id id) const { return {id, model::Role::kMember}; }

  FakeClock clock_{testing::kNow};
  std::unique_ptr<storage::Database> db_;
  testing::Seeded seed_;
};

}  // namespace verbinder::newsletter
