#include "model/model.h"

#include <gtest/gtest.h>

namespace verbinder::model {
namespace {

TEST(DeriveTiesTest, FoldsLedgerIntoTiesWithRealness) {
  std::vector<Interaction> ledger = {
      {0, 2, 1, InteractionKind::kConnected, 100, "x", 0},
      {0, 1, 2, InteractionKind::kMetAtEvent, 200, "x", 5},
      {0, 1, 3, InteractionKind::kConnected, 150, "x", 0},
  };
  auto ties = DeriveTies(ledger);
  ASSERT_EQ(ties.size(), 2u);
  EXPECT_EQ(ties[0].a, 1);
  EXPECT_EQ(ties[0].b, 2);
  EXPECT_TRUE(ties[0].real);
  EXPECT_EQ(ties[0].interactions, 2);
  EXPECT_DOUBLE_EQ(ties[0].strength,
                   KindWeight(InteractionKind::kConnected) + KindWeight(InteractionKind::kMetAtEvent));
  EXPECT_EQ(ties[0].first_at, 100);
  EXPECT_EQ(ties[0].last_at, 200);
  EXPECT_EQ(ties[0].strongest, InteractionKind::kMetAtEvent);
  EXPECT_FALSE(ties[1].real);
}

TEST(ModelTest, KindsRoundTripAndOrder) {
  for (auto k : kAllInteractionKinds) EXPECT_EQ(ParseInteractionKind(ToString(k)), k);
  EXPECT_FALSE(ParseInteractionKind("liked").has_value());
  EXPECT_LT(KindWeight(InteractionKind::kConnected), KindWeight(InteractionKind::kMetAtEvent));
  EXPECT_LT(KindWeight(InteractionKind::kMetAtEvent), KindWeight(InteractionKind::kMeetingHeld));
  EXPECT_LT(KindWeight(InteractionKind::kMeetingHeld), KindWeight(InteractionKind::kVisitHeld));
}

}  // namespace
}  // namespace verbinder::model
