// Knowledge articles: members and leaders write Markdown; what members
// submit is published once a leader approves it. The rendered HTML is stored
// beside the Markdown and is always sanitised (markdown/markdown.h).
//
//   ArticleService articles(db, clock);
//   auto a = articles.Create(viewer, {.title = "Lean in de wijkzorg", .body_md = "...",
//                                     .status = ArticleStatus::kSubmitted});
//   articles.Publish(leader, a->id, 0);   // the leader approves; 0 = now
//
// Who sees what: published articles are public (the newsletter goes to
// anonymous subscribers too); drafts and submissions only to their author and
// organizers. Thread-safety: safe for concurrent use (one session per call).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/members.h"
#include "domain/viewer.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::newsletter {

enum class ArticleStatus { kDraft, kSubmitted, kPublished };
std::string_view ToString(ArticleStatus s);  // "draft", "submitted", "published"
std::optional<ArticleStatus> ParseArticleStatus(std::string_view s);

struct Article {
  model::Id id = 0;
  model::Id author_id = 0;  // 0 = none (system, or the author was deleted)
  std::string author_name;  // read-only, empty when the author is hidden from the viewer
  std::string title;
  std::string summary;
  std::string body_md;
  std::string body_html;  // read-only: rendered and sanitised from body_md
  std::vector<std::string> tags;
  std::string language = "nl";  // "nl" or "en"
  ArticleStatus status = ArticleStatus::kDraft;
  model::UnixTime published_at = 0;
  model::UnixTime created_at = 0;
  model::UnixTime updated_at = 0;
};

inline constexpr size_t kMaxArticleBody = 100'000;
inline constexpr size_t kMaxSummary = 500;

struct ArticleFilter {
  std::string q;  // words in title or summary (case-insensitive, ASCII folding)
  std::string tag;
  std::optional<ArticleStatus> status;                   // organizers: any; others: published, or their own
  model::UnixTime published_from = 0, published_to = 0;  // [from, to) when to > 0
  int limit = domain::kDefaultPageSize;
  int offset = 0;
};

// Validates and normalises every writable field (names the field).
Status ValidateArticle(Article& a);

class ArticleService {
 public:
  ArticleService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Signed-in members create drafts or submissions; organizers may publish
  // directly (published_at 0 = now). PermissionDenied for a member publishing.
  Result<Article> Create(const domain::Viewer& viewer, Article a);
  // The author while unpublished, or organizers. The status may move between
  // draft and submitted; publishing goes through Publish().
  Result<Article> Update(const domain::Viewer& viewer, Article a);
  // Leader approval: organizers publish a draft or submission. Conflict when
  // already published.
  Result<Article> Publish(const domain::Viewer& viewer, model::Id id, model::UnixTime at);
  // NotFound for drafts the viewer may not see.
  Result<Article> Get(const domain::Viewer& viewer, model::Id id);
  Result<domain::Page<Article>> List(const domain::Viewer& viewer, const ArticleFilter& filter);
  // The author or organizers.
  Status Delete(const domain::Viewer& viewer, model::Id id);
  // The member with this e-mail address (case-insensitive) as the viewer an
  // article is written as (`verbinder newsletter articles add --author-email`):
  // their member id and account role; a member without an account, or whose
  // account is disabled, writes as a member. Organizers only (PermissionDenied);
  // NotFound (field "email") when no member has the address.
  Result<domain::Viewer> AuthorByEmail(const domain::Viewer& viewer, const std::string& email);

 private:
  bool CanSee(const domain::Viewer& viewer, const Article& a) const;

  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::newsletter
