// Serialising an analysis: the report JSON of issue 5 (other tools read it, so
// its names are fixed), a CSV row per member, GraphML and GEXF for Gephi,
// NetworkX and friends, and the JSON the web UI draws the map from.
//
//   Result<Analysis> a = Analyze(input, options);
//   WriteReport(*a, ExportFormat::kGraphMl, std::cout);
//
// NaN (undefined) values are null in JSON, empty in CSV and "NaN" in XML.
// Thread-safety: pure functions; writing to one stream from several threads is
// the caller's business.
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>
#include <string_view>

#include "analysis/layout.h"
#include "analysis/report.h"
#include "util/status.h"

namespace verbinder::analysis {

enum class ExportFormat { kJson, kCsv, kGraphMl, kGexf };
// "json", "csv", "graphml", "gexf"; InvalidArgument otherwise.
Result<ExportFormat> ParseExportFormat(std::string_view name);

// The issue-5 JSON. Extra top-level keys (kept out of the fixed names):
// "online_only", "fading", "events", "co_attendance", "betweenness", "passes".
// "co_attendance" is {events, attendees, pairs, pairs_with_tie,
// pairs_with_real_tie, pairs_without_tie, exact, counted_as_ties}, or null when
// its pass was switched off.
nlohmann::ordered_json ReportToJson(const Report& report);
nlohmann::ordered_json PositionToJson(const MemberPosition& position);
nlohmann::ordered_json IntroductionToJson(const Introduction& introduction);
// {"nodes": [{id, name, sector, community, x, y, degree, betweenness}], "edges":
//  [{source, target, weight, real}], "sectors": [...], "communities": K}
nlohmann::ordered_json MapToJson(const Analysis& analysis, const Layout& layout);
// The same texts as ReportToJson(report).dump(1) and MapToJson(...).dump(),
// written in slices on all cores without one DOM of the whole (the CLI's path
// for 100,000 members and a million ties).
void WriteReportJson(const Report& report, std::ostream& out);
void WriteMapJson(const Analysis& analysis, const Layout& layout, std::ostream& out);

// One row per member: the node attributes below, then co_attendees and
// co_attendees_without_tie (empty when not counted; see CoAttendance).
void WriteMembersCsv(const Analysis& analysis, std::ostream& out);
// GraphML and GEXF: nodes with their metrics, edges = the graph's ties with
// weight, real and co_attendance (events the pair attended together, 0 if
// none). Pairs who only attended together are no edges unless with_attendance.
void WriteGraphMl(const Analysis& analysis, std::ostream& out);
void WriteGexf(const Analysis& analysis, std::ostream& out);
void WriteReport(const Analysis& analysis, ExportFormat format, std::ostream& out);

}  // namespace verbinder::analysis
