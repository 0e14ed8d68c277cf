// The analysis engine's input: members, ties and event attendance as plain
// records, and the strict loader that reads them from CSV files (the
// `verbinder analyze` contract) or builds them from the interaction ledger.
//
//   InputPaths paths{.members = "members.csv", .ties = "ties.csv"};
//   Result<NetworkInput> input = LoadNetworkFiles(paths);
//   if (!input) { std::cerr << input.status().message() << "\n"; return 1; }
//
// Every loader error is one line that names the file, the line and the column.
// Thread-safety: stateless functions; the records are plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "util/status.h"

namespace verbinder::analysis {

// Calendar day as days since 1970-01-01 (UTC). kNoDate = unknown.
using Day = int32_t;
inline constexpr Day kNoDate = INT32_MIN;

// Parses "YYYY-MM-DD", optionally followed by 'T' or ' ' and a time (ignored).
std::optional<Day> ParseDay(std::string_view text);
std::string FormatDay(Day day);  // "YYYY-MM-DD"

struct MemberInput {
  std::string id;
  std::string name;
  std::string sector;                   // may be empty: "no sector" is a group of its own
  std::vector<std::string> attributes;  // values for NetworkInput::attribute_names
};

// One row of ties.csv, or one ledger interaction. Undirected; rows for the same
// pair add up (weights sum; realness and dates fold).
struct TieInput {
  std::string source;
  std::string target;
  double weight = 1.0;  // > 0
  model::InteractionKind kind = model::InteractionKind::kConnected;
  bool has_kind = false;  // false: the file had no kind column (counts as online)
  Day date = kNoDate;
  std::string event;  // the event the interaction happened at, or empty
  int line = 0;       // source line for error messages (0 = not from a file)
};

struct AttendanceInput {
  std::string member;
  std::string event;
  Day date = kNoDate;
  int line = 0;
};

struct NetworkInput {
  // When false, members are implied by ties/attendance in order of appearance and
  // have no name or sector; when true, every id in ties/attendance must be a member.
  bool members_given = false;
  std::vector<MemberInput> members;
  std::vector<std::string> attribute_names;  // extra member columns, in file order
  std::vector<TieInput> ties;
  std::vector<AttendanceInput> attendance;
  // Names used in error messages ("ties.csv"); empty when not from files.
  std::string members_source = "members";
  std::string ties_source = "ties";
  std::string attendance_source = "attendance";
};

struct InputPaths {
  std::string members;     // optional if ties or attendance are given
  std::string ties;        // optional if attendance is given
  std::string attendance;  // optional
};

// Reads and validates the CSV files. Errors (InvalidArgument / NotFound): missing
// file, not CSV, empty, missing column, duplicate member id, empty id, weight not a
// positive finite number, unknown kind, bad date. Unknown ids and self-loops are
// reported by BuildGraph, which knows the member list. A plain ties.csv (no
// quotes, valid UTF-8, \n or \r\n line ends) is read in one pass on all cores
// straight into TieInput; any other file, or any bad row, goes through the
// general CSV reader: the same rows, the same errors either way.
Result<NetworkInput> LoadNetworkFiles(const InputPaths& paths);

// Builds input from the ledger (the server path). Interactions become ties with
// weight model::KindWeight(kind), date = their day and event = their event id (if
// any). The caller filters out hidden members and their interactions first.
NetworkInput InputFromLedger(const std::vector<model::Member>& members, const std::vector<model::Interaction>& ledger,
                             const std::vector<std::pair<model::Id, model::Id>>& attendance = {});

}  // namespace verbinder::analysis
