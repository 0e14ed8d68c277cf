// JSON text written straight into a string, exactly as nlohmann::json::dump()
// writes the same values (numbers by the same shortest round-trip algorithm,
// strings escaped alike), without building a DOM node per value. For the
// largest output, the map of a million ties.
//
//   std::string text;
//   AppendJson(text, "Anja");      // "Anja"
//   AppendJson(text, 0.25);        // 0.25 (NaN and infinities: null)
//   WriteMapJsonText(analysis, layout, out);   // == MapToJson(analysis, layout).dump()
//
// Thread-safety: pure functions; each call writes only its own string/stream.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "analysis/layout.h"
#include "analysis/report.h"

namespace verbinder::analysis {

// A string value: plain printable ASCII is copied as is, anything else goes
// through nlohmann's own escaping (which throws on invalid UTF-8, as dump() does).
void AppendJson(std::string& out, std::string_view text);
// A number: nlohmann's dump of a double (null when not finite).
void AppendJson(std::string& out, double value);
void AppendJson(std::string& out, int64_t value);

// The map JSON of export.h's MapToJson(analysis, layout).dump(), byte for byte:
// {"nodes": [{id, name, sector, community, x, y, degree, betweenness}],
//  "edges": [{source, target, weight, real}], "sectors": [...], "communities": K},
// nodes and ties serialised in slices on all cores.
void WriteMapJsonText(const Analysis& analysis, const Layout& layout, std::ostream& out);

}  // namespace verbinder::analysis
