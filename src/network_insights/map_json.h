// The JSON the web UI draws the leader's map from: every node with its layout
// position, sector, community and the measures the map sizes by; the chosen
// ties (analysis::ChooseTies) once each, with whether the pair met face to face.
//
//   std::string body = MapJsonOpen(analysis, layout, /*compact=*/true, kMapMaxTies, now);
//   body += ",\"age_seconds\":0}";   // the caller closes it
//
// Thread-safety: a pure function.
#pragma once

#include <cstdint>
#include <string>

#include "analysis/layout.h"
#include "analysis/report.h"

namespace verbinder::network_insights {

inline constexpr int kMapMaxTies = 40000;  // the default tie budget (the page's)
inline constexpr int kMapPerMember = 3;    // strongest ties per member drawn first

// Returned without its closing brace: the request appends its age. Compact:
// edges as [source node index, target node index, 1 if real else 0]; else
// {source, target, weight, real} with member ids.
std::string MapJsonOpen(const analysis::Analysis& analysis, const analysis::Layout& layout, bool compact,
                        int64_t budget, int64_t computed_at);

}  // namespace verbinder::network_insights
