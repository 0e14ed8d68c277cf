// Weaving suggestions: introductions between members who are not tied but share
// a contact (the `via` who can make it warm) and would bridge sectors or
// communities; and members to invite to the next session to reach the isolated
// parts of the network. Every suggestion carries its reason in plain words.
//
//   auto intros = SuggestIntroductions(graph, communities.membership, {.max = 50});
//   auto mine = SuggestIntroductions(graph, communities.membership, {.max = 5, .member = v});
//   auto invites = SuggestInvites(graph, components, fading, 25);
//
// Cost: candidates are explored through each member's kMaxVias strongest ties
// and each via's kMaxVias strongest ties, so the work is O(n * kMaxVias^2)
// whatever the degree distribution. Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/graph.h"
#include "analysis/report.h"
#include "analysis/structure.h"

namespace verbinder::analysis {

inline constexpr int kMaxVias = 32;

struct IntroductionOptions {
  int max = 50;
  int32_t member = -1;  // >= 0: only introductions involving this node
  int threads = 0;
};

// Ranked best first; ties broken by ids, so the result is deterministic.
std::vector<Introduction> SuggestIntroductions(const Graph& graph, const std::vector<int32_t>& community,
                                               const IntroductionOptions& options);

// Isolated members first, then members of small components, then members who
// never met anyone face to face (only if the data has face-to-face ties), then
// fading members.
std::vector<Invite> SuggestInvites(const Graph& graph, const Components& components,
                                   const std::vector<FadingMember>& fading, int max);

// "Anja" or, without a name, the id.
std::string DisplayName(const Graph& graph, int32_t v);

}  // namespace verbinder::analysis
