// CSV imports: members (our own column set) and a member's LinkedIn
// "Connections.csv" export (as online ties). Parsing and validation are pure
// (file bytes in, records and per-row errors out); Apply* writes to the database.
//
//   auto plan = PlanMemberImport(file_bytes, sector_keys, existing_emails);
//   if (!plan->errors.empty() && !skip_bad) → report plan->errors, write nothing
//   auto n = ApplyMemberImport(db, *plan, clock, progress);
//
// Both read the files people really have (import_text.h): UTF-8 with or
// without a BOM, UTF-16 LE/BE with a BOM (Excel's "Unicode text"), comma,
// semicolon or tab separated; text is NFC. A file cut off in its last row is
// an error naming that line, so nothing of it is imported.
//
// Policy: by default a file with any bad row is rejected whole and every bad
// row is reported with its line; with skip_bad the good rows are imported and
// each bad row is reported. A write is one transaction: all or nothing.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/bulk_load.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::importers {

struct RowError {
  int line = 0;
  std::string field;
  std::string message;
  std::string ToString() const;  // "line 12: email: is not a valid e-mail address"
};

// Member CSV columns (header names, case-insensitive; name and email required):
//   name, email, organization, title, sector, region, languages ("nl;en"),
//   bio, expertise_tags ("lean;flow"), expertise_text, challenges (titles,
//   separated by "|"), hosts_visits (yes/no/true/false/1/0/ja/nee),
//   visit_location, visibility (members/organizers/hidden), linkedin_url
inline constexpr const char* kMemberColumns[] = {"name",           "email",          "organization", "title",
                                                 "sector",         "region",         "languages",    "bio",
                                                 "expertise_tags", "expertise_text", "challenges",   "hosts_visits",
                                                 "visit_location", "visibility",     "linkedin_url"};

struct MemberImportPlan {
  model::Network network;        // the good rows, ready for LoadNetwork
  std::vector<int> lines;        // source line of each member in network.members
  std::vector<RowError> errors;  // one per bad row
  int rows = 0;                  // data rows read
};

// Fails (whole file) on unreadable CSV (see ReadImportCsv: encoding, binary,
// a truncated last row, a wrong field count), a missing required column or an
// unknown column; row-level problems go into errors. Duplicate e-mails within
// the file and e-mails already in `existing_emails` are row errors; so is a
// linkedin_url that is not a LinkedIn profile URL (others are stored in
// NormalizeLinkedInUrl's canonical form).
Result<MemberImportPlan> PlanMemberImport(const std::string& csv_text, const std::set<std::string>& sectors,
                                          const std::set<std::string>& existing_emails);

Result<domain::LoadStats> ApplyMemberImport(storage::Database& db, const MemberImportPlan& plan, const Clock& clock,
                                            const domain::ProgressFn& progress = {});

// LinkedIn Connections.csv: preamble lines ("Notes:", ...) before the header
// are skipped unparsed. Columns: First Name, Last Name, URL, Email Address,
// Company, Position, Connected On ("05 Mar 2024", "Mar 5, 2024" or "2024-03-05").
struct LinkedInRow {
  int line = 0;
  std::string first_name, last_name, url, email, company, position;  // url canonical when it is a profile URL
  int64_t connected_on = 0;  // Unix seconds (noon UTC of that day); always set by the parser
};

struct LinkedInPlan {
  std::vector<LinkedInRow> rows;
  std::vector<RowError> errors;
};

// Whole-file errors: see ReadImportCsv (encoding, binary, no header, a last
// row with fewer fields or an open quote), plus a last row whose date is not
// a date and that has no line break after it (cut off after its last comma).
// Row errors (reported, the row skipped): too many or too few fields, no
// name, a bad e-mail, a missing or unreadable Connected On.
Result<LinkedInPlan> ParseLinkedInConnections(const std::string& csv_text);

struct LinkedInResult {
  int matched = 0;      // rows that are verbinder members
  int added = 0;        // new `connected` interactions written
  int already = 0;      // matched, but this import was done before
  int not_members = 0;  // rows that are not (yet) members: nothing is created for them
  // Rows not linked because their URL or name fits several members (each
  // names the line and the members' ids); not counted in not_members.
  std::vector<RowError> ambiguous;
};

// Matches each row to a member — by e-mail, else LinkedIn URL (both sides
// through NormalizeLinkedInUrl, slug case-folded), else name (FoldName: NFC,
// case- and accent-insensitive) — a URL or name only when exactly one member
// has it — and appends a `connected` interaction (source "import:linkedin",
// dated the row's Connected On) between `member_id` and each match, once.
// A row without a date fails the whole call before anything is written;
// `clock` is not used (kept for callers).
Result<LinkedInResult> ApplyLinkedInImport(storage::Database& db, model::Id member_id, const LinkedInPlan& plan,
                                           const Clock& clock);

// Parses "12 Mar 2024", "Mar 12, 2024" or "2024-03-12" (also Dutch month
// abbreviations: mrt, mei, okt); nullopt otherwise.
std::optional<int64_t> ParseLinkedInDate(const std::string& s);

}  // namespace verbinder::importers
