// CSV imports: members (our own column set) and a member's LinkedIn
// "Connections.csv" export (as online ties). Parsing and validation are pure
// (text in, records and per-row errors out); Apply* writes to the database.
//
//   auto plan = PlanMemberImport(csv_text, sector_keys);
//   if (!plan->errors.empty() && !skip_bad) → report plan->errors, write nothing
//   auto n = ApplyMemberImport(db, *plan, clock, progress);
//
// Policy: by default a file with any bad row is rejected whole and every bad
// row is reported with its line; with skip_bad the good rows are imported and
// each bad row is reported. A write is one transaction: all or nothing.
#pragma once

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
inline constexpr const char* kMemberColumns[] = {
    "name", "email", "organization", "title", "sector", "region", "languages", "bio", "expertise_tags",
    "expertise_text", "challenges", "hosts_visits", "visit_location", "visibility", "linkedin_url"};

struct MemberImportPlan {
  model::Network network;        // the good rows, ready for LoadNetwork
  std::vector<int> lines;        // source line of each member in network.members
  std::vector<RowError> errors;  // one per bad row
  int rows = 0;                  // data rows read
};

// Fails (whole file) on unreadable CSV, a missing required column or an
// unknown column; row-level problems go into errors. Duplicate e-mails within
// the file and e-mails already in `existing_emails` are row errors.
Result<MemberImportPlan> PlanMemberImport(const std::string& csv_text, const std::set<std::string>& sectors,
                                          const std::set<std::string>& existing_emails);

Result<domain::LoadStats> ApplyMemberImport(storage::Database& db, const MemberImportPlan& plan, const Clock& clock,
                                            const domain::ProgressFn& progress = {});

// LinkedIn Connections.csv: preamble lines ("Notes:", ...) before the header
// are skipped. Columns: First Name, Last Name, URL, Email Address, Company,
// Position, Connected On ("12 Mar 2024" or "2024-03-12").
struct LinkedInRow {
  int line = 0;
  std::string first_name, last_name, url, email, company, position;
  int64_t connected_on = 0;  // Unix seconds (noon UTC of that day); 0 when absent
};

struct LinkedInPlan {
  std::vector<LinkedInRow> rows;
  std::vector<RowError> errors;
};

Result<LinkedInPlan> ParseLinkedInConnections(const std::string& csv_text);

struct LinkedInResult {
  int matched = 0;      // rows that are verbinder members
  int added = 0;        // new `connected` interactions written
  int already = 0;      // matched, but this import was done before
  int not_members = 0;  // rows that are not (yet) members: nothing is created for them
};

// Matches each row to a member — by e-mail, else LinkedIn URL, else exact name
// when unique — and appends a `connected` interaction (source
// "import:linkedin") between `member_id` and each match, once.
Result<LinkedInResult> ApplyLinkedInImport(storage::Database& db, model::Id member_id, const LinkedInPlan& plan,
                                           const Clock& clock);

// Parses "12 Mar 2024", "Mar 12, 2024" or "2024-03-12"; nullopt otherwise.
std::optional<int64_t> ParseLinkedInDate(const std::string& s);

}  // namespace verbinder::importers
