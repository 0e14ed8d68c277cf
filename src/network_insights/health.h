// The network's health at a glance, from an analysis: real and cross-sector
// ties, and per sector its members and ties inside and outside with their E-I
// index (siloed sectors); and why a member is on the invite list and what an
// introduction rests on, as kinds and facts the web UI can say in both languages.
//
//   Health h = SummarizeHealth(*analysis);
//   for (const SectorHealth& s : h.sectors) Show(s.sector, s.ei);
//
// Thread-safety: pure functions of an immutable Analysis.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/report.h"

namespace verbinder::network_insights {

struct SectorHealth {
  std::string sector;
  int64_t members = 0;
  int64_t ties_inside = 0, ties_outside = 0;
  int64_t real_inside = 0, real_outside = 0;
  double ei = 0;  // (outside - inside) / (outside + inside); NaN without ties
};

struct Health {
  int64_t real_ties = 0;
  int64_t cross_sector_ties = 0;
  int64_t cross_sector_real_ties = 0;
  std::vector<SectorHealth> sectors;  // in the graph's sector order
};

Health SummarizeHealth(const analysis::Analysis& analysis);

// "isolated", "small_group", "online_only" or "fading" (the engine's order of
// reasons, suggestions.h); "" when the member is not in the graph.
std::string InviteKind(const analysis::Analysis& analysis, const analysis::Invite& invite);

// What a suggested introduction rests on, for the web UI to word in the
// reader's language (the engine's `reason` is an English sentence for API
// clients): the contacts the two share, and whether they are in different
// sectors (keys, as in the graph) and different communities of the network.
struct IntroductionFacts {
  int64_t common_contacts = 0;
  std::string sector_a, sector_b;  // sector keys; "" = none
  bool different_sectors = false;
  bool different_communities = false;
};
IntroductionFacts FactsOf(const analysis::Analysis& analysis, const analysis::Introduction& introduction);

}  // namespace verbinder::network_insights
