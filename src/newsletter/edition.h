// The leader's editorial choices for one month's newsletter (issue #17): an
// introduction in Dutch and English (Markdown), and which articles and events
// the issue carries, in the leader's order (table newsletter_editions,
// migration 0016). Composer::LoadIssue uses a saved edition instead of its
// automatic choice (the month's published articles, the next events).
//
//   VB_ASSIGN_OR_RETURN(auto saved, SaveEdition(db, clock, edition, viewer.member_id));
//   VB_ASSIGN_OR_RETURN(std::optional<Edition> e, LoadEdition(db, "2026-11"));
//
// Thread-safety: free functions over the given database; safe from many threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "newsletter/compose.h"

namespace verbinder::newsletter {

struct Edition {
  std::string month;                   // "2026-11"
  std::string intro_nl, intro_en;      // Markdown; either may be empty
  std::vector<model::Id> article_ids;  // published articles, in the order of the issue
  std::vector<model::Id> event_ids;    // public events not yet started, in the order of the issue
  model::Id updated_by = 0;
  int64_t updated_at = 0;
};

inline constexpr size_t kMaxIntroBytes = 20'000;
inline constexpr size_t kMaxEditionArticles = 30;

// The saved edition of `month`, or nullopt when the leader saved none.
// InvalidArgument("month") for a malformed month.
Result<std::optional<Edition>> LoadEdition(storage::Database& db, const std::string& month);

// Validates and stores `e`, replacing the month's earlier choice (one
// transaction; nothing is written on a failure). Errors name the field:
// month; intro_nl / intro_en (too long, not UTF-8); articles[i] (unknown, not
// published, or listed twice; at most kMaxEditionArticles); events[i]
// (unknown, not public, already started, or listed twice; at most kMaxEvents).
Result<Edition> SaveEdition(storage::Database& db, const Clock& clock, Edition e, model::Id by);

// What the leader can choose from: published articles (newest first, at most
// 100) and public events that have not started (soonest first, at most 50).
struct EditionCandidates {
  std::vector<Article> articles;
  std::vector<EventItem> events;
};
Result<EditionCandidates> LoadCandidates(storage::Database& db, const Clock& clock);

// Events by id in the given order (unknown ids are left out): what a saved
// edition's events look like when the issue is composed.
Result<std::vector<EventItem>> EventsById(storage::Database& db, const std::vector<model::Id>& ids);

}  // namespace verbinder::newsletter
