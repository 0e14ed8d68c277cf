#include "newsletter/articles.h"

#include <algorithm>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "domain/validation.h"
#include "markdown/markdown.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::newsletter {
namespace {

using domain::Viewer;
using model::Id;

constexpr const char* kColumns =
    "a.id, COALESCE(a.author_id, 0), a.title, a.summary, a.body_md, a.body_html, a.tags, a.language, a.status, "
    "a.published_at, a.created_at, a.updated_at, COALESCE(m.name, ''), COALESCE(m.visibility, 'hidden')";

struct Row {
  long long id = 0, author = 0, published = 0, created = 0, updated = 0;
  std::string title, summary, md, html, tags, language, status, author_name, author_vis;
};

void Bind(domain::DynStatement& st, Row& r) {
  st.Into(r.id);
  st.Into(r.author);
  st.Into(r.title);
  st.Into(r.summary);
  st.Into(r.md);
  st.Into(r.html);
  st.Into(r.tags);
  st.Into(r.language);
  st.Into(r.status);
  st.Into(r.published);
  st.Into(r.created);
  st.Into(r.updated);
  st.Into(r.author_name);
  st.Into(r.author_vis);
}

Article FromRow(const Row& r, const Viewer& viewer) {
  Article a;
  a.id = r.id;
  a.author_id = r.author;
  a.title = r.title;
  a.summary = r.summary;
  a.body_md = r.md;
  a.body_html = r.html;
  a.tags = r.tags.empty() ? std::vector<std::string>{} : Split(r.tags, ',');
  a.language = r.language;
  a.status = ParseArticleStatus(r.status).value_or(ArticleStatus::kDraft);
  a.published_at = r.published;
  a.created_at = r.created;
  a.updated_at = r.updated;
  auto vis = model::ParseVisibility(r.author_vis).value_or(model::Visibility::kHidden);
  if (r.author && viewer.CanSee(r.author, vis)) a.author_name = r.author_name;
  return a;
}

Result<Article> Load(soci::session& sql, Id id, const Viewer& viewer) {
  Row r;
  domain::DynStatement st(
      sql,
      std::string("SELECT ") + kColumns + " FROM articles a LEFT JOIN members m ON m.id = a.author_id WHERE a.id = :p0",
      {std::to_string(id)});
  Bind(st, r);
  if (!st.Execute()) return NotFound("no article with id " + std::to_string(id), "id");
  return FromRow(r, viewer);
}

}  // namespace

std::string_view ToString(ArticleStatus s) {
  switch (s) {
    case ArticleStatus::kDraft:
      return "draft";
    case ArticleStatus::kSubmitted:
      return "submitted";
    case ArticleStatus::kPublished:
      return "published";
  }
  return "draft";
}

std::optional<ArticleStatus> ParseArticleStatus(std::string_view s) {
  if (s == "draft") return ArticleStatus::kDraft;
  if (s == "submitted") return ArticleStatus::kSubmitted;
  if (s == "published") return ArticleStatus::kPublished;
  return std::nullopt;
}

Status ValidateArticle(Article& a) {
  a.title = Trim(a.title);
  a.summary = Trim(a.summary);
  VB_RETURN_IF_ERROR(domain::CheckText("title", a.title, 1, domain::kMaxShort));
  VB_RETURN_IF_ERROR(domain::CheckText("summary", a.summary, 0, kMaxSummary, true));
  VB_RETURN_IF_ERROR(domain::CheckText("body", a.body_md, 1, kMaxArticleBody, true));
  if (a.language != "nl" && a.language != "en")
    return InvalidArgument("must be 'nl' or 'en'", "language").WithReason("field.invalid_choice");
  if (a.tags.size() > domain::kMaxTags)
    return InvalidArgument("at most 30 tags", "tags")
        .WithReason("field.too_many", {{"max", std::to_string(domain::kMaxTags)}});
  std::vector<std::string> tags;
  for (size_t i = 0; i < a.tags.size(); ++i) {
    std::string t = Trim(a.tags[i]);
    const std::string field = "tags[" + std::to_string(i) + "]";
    VB_RETURN_IF_ERROR(domain::CheckText(field, t, 1, domain::kMaxTag));
    if (t.find(',') != std::string::npos)
      return InvalidArgument("a tag cannot contain a comma", field).WithReason("field.no_comma");
    if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
  }
  a.tags = tags;
  return Status::Ok();
}

bool ArticleService::CanSee(const Viewer& viewer, const Article& a) const {
  if (a.status == ArticleStatus::kPublished) return true;
  return viewer.IsOrganizer() || (viewer.authenticated() && viewer.member_id == a.author_id);
}

Result<Article> ArticleService::Create(const Viewer& viewer, Article a) {
  if (!viewer.authenticated()) return Unauthenticated("sign in to write an article");
  if (a.status == ArticleStatus::kPublished && !viewer.IsOrganizer())
    return PermissionDenied("only the network leader publishes; submit the article for approval")
        .WithReason("article.submit_for_approval");
  VB_RETURN_IF_ERROR(ValidateArticle(a));
  a.body_html = markdown::RenderMarkdown(a.body_md);
  const int64_t now = clock_.Now();
  a.created_at = a.updated_at = now;
  if (a.status == ArticleStatus::kPublished && a.published_at <= 0) a.published_at = now;
  if (a.status != ArticleStatus::kPublished) a.published_at = 0;
  a.author_id = viewer.member_id > 0 ? viewer.member_id : 0;
  return domain::WithSession<Article>(db_, [&](soci::session& sql) -> Result<Article> {
    std::string tags = Join(a.tags, ","), status(ToString(a.status));
    long long pub = a.published_at, t = now;
    soci::indicator author_ind = a.author_id ? soci::i_ok : soci::i_null;
    long long author = a.author_id;
    long long id = 0;
    storage::Transaction tr(sql);
    sql << "INSERT INTO articles (author_id, title, summary, body_md, body_html, tags, language, status, published_at, "
           "created_at, updated_at) VALUES (:au, :ti, :su, :md, :html, :tags, :lang, :st, :pub, :c, :u) RETURNING id",
        soci::use(author, author_ind), soci::use(a.title), soci::use(a.summary), soci::use(a.body_md),
        soci::use(a.body_html), soci::use(tags), soci::use(a.language), soci::use(status), soci::use(pub), soci::use(t),
        soci::use(t), soci::into(id);
    tr.commit();
    return Load(sql, id, viewer);
  });
}

Result<Article> ArticleService::Update(const Viewer& viewer, Article a) {
  VB_ASSIGN_OR_RETURN(Article old, Get(viewer, a.id));
  const bool author = viewer.authenticated() && viewer.member_id == old.author_id;
  if (!viewer.IsOrganizer() && !(author && old.status != ArticleStatus::kPublished))
    return PermissionDenied("only the author (until it is published) or an organizer may edit this article");
  if (a.status == ArticleStatus::kPublished && old.status != ArticleStatus::kPublished)
    return InvalidArgument("publish through POST /api/v1/articles/{id}/publish", "status");
  if (a.status != ArticleStatus::kPublished && old.status == ArticleStatus::kPublished && !viewer.IsOrganizer())
    return PermissionDenied("only organizers may unpublish");
  VB_RETURN_IF_ERROR(ValidateArticle(a));
  a.body_html = markdown::RenderMarkdown(a.body_md);
  if (a.status != ArticleStatus::kPublished) a.published_at = 0;
  return domain::WithSession<Article>(db_, [&](soci::session& sql) -> Result<Article> {
    std::string tags = Join(a.tags, ","), status(ToString(a.status));
    long long id = a.id, pub = a.published_at, t = clock_.Now();
    sql << "UPDATE articles SET title = :ti, summary = :su, body_md = :md, body_html = :html, tags = :tags, "
           "language = :lang, status = :st, published_at = :pub, updated_at = :u WHERE id = :id",
        soci::use(a.title), soci::use(a.summary), soci::use(a.body_md), soci::use(a.body_html), soci::use(tags),
        soci::use(a.language), soci::use(status), soci::use(pub), soci::use(t), soci::use(id);
    return Load(sql, id, viewer);
  });
}

Result<Article> ArticleService::Publish(const Viewer& viewer, Id id, model::UnixTime at) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only organizers approve and publish articles");
  VB_ASSIGN_OR_RETURN(Article a, Get(viewer, id));
  if (a.status == ArticleStatus::kPublished)
    return Conflict("the article is already published", "status").WithReason("article.already_published");
  return domain::WithSession<Article>(db_, [&](soci::session& sql) -> Result<Article> {
    long long aid = id, pub = at > 0 ? at : clock_.Now(), t = clock_.Now();
    sql << "UPDATE articles SET status = 'published', published_at = :p, updated_at = :u WHERE id = :id",
        soci::use(pub), soci::use(t), soci::use(aid);
    return Load(sql, id, viewer);
  });
}

Result<Article> ArticleService::Get(const Viewer& viewer, Id id) {
  VB_ASSIGN_OR_RETURN(Article a,
                      domain::WithSession<Article>(db_, [&](soci::session& sql) { return Load(sql, id, viewer); }));
  if (!CanSee(viewer, a)) return NotFound("no article with id " + std::to_string(id), "id");
  return a;
}

Result<domain::Page<Article>> ArticleService::List(const Viewer& viewer, const ArticleFilter& f) {
  using P = domain::Page<Article>;
  return domain::WithSession<P>(db_, [&](soci::session& sql) -> Result<P> {
    std::vector<std::string> params;
    std::string where = " WHERE 1=1";
    if (f.status) where += " AND a.status = " + domain::Bind(params, std::string(ToString(*f.status)));
    if (!viewer.IsOrganizer()) {
      where += " AND (a.status = 'published'";
      if (viewer.authenticated())
        where += " OR a.author_id = " + domain::Bind(params, std::to_string(viewer.member_id));
      where += ")";
    }
    if (f.published_to > 0) {
      where += " AND a.published_at >= " + domain::Bind(params, std::to_string(f.published_from));
      where += " AND a.published_at < " + domain::Bind(params, std::to_string(f.published_to));
    }
    if (!f.tag.empty()) where += " AND (',' || a.tags || ',') LIKE " + domain::Bind(params, "%," + f.tag + ",%");
    for (const auto& w : domain::Words(f.q))
      where += " AND (lower(a.title) LIKE " + domain::Bind(params, "%" + w + "%") + " OR lower(a.summary) LIKE " +
               domain::Bind(params, "%" + w + "%") + ")";
    // Bound parameters are all strings; cast the numeric ones in SQL.
    std::string q = where;
    P page;
    page.limit = f.limit;
    page.offset = f.offset;
    page.total = domain::CountOf(sql, "SELECT count(*) FROM articles a" + q, params);
    Row r;
    domain::DynStatement st(sql,
                            std::string("SELECT ") + kColumns +
                                " FROM articles a LEFT JOIN members m ON m.id = a.author_id" + q +
                                " ORDER BY a.published_at DESC, a.id DESC LIMIT " + std::to_string(f.limit) +
                                " OFFSET " + std::to_string(f.offset),
                            params);
    Bind(st, r);
    if (st.Execute()) {
      do page.items.push_back(FromRow(r, viewer));
      while (st.Fetch());
    }
    return page;
  });
}

Status ArticleService::Delete(const Viewer& viewer, Id id) {
  VB_ASSIGN_OR_RETURN(Article a, Get(viewer, id));
  if (!viewer.IsOrganizer() && !(viewer.authenticated() && viewer.member_id == a.author_id))
    return PermissionDenied("only the author or an organizer may delete this article");
  auto r = domain::WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long aid = id;
    sql << "DELETE FROM articles WHERE id = :id", soci::use(aid);
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Result<Viewer> ArticleService::AuthorByEmail(const Viewer& viewer, const std::string& email) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only organizers write articles in another member's name");
  const std::string e = AsciiLower(Trim(email));
  if (e.empty()) return InvalidArgument("must not be empty", "email").WithReason("field.required");
  return domain::WithSession<Viewer>(db_, [&](soci::session& sql) -> Result<Viewer> {
    long long id = 0;
    std::string role;
    int disabled = 0;
    sql << "SELECT m.id, COALESCE(a.role, 'member'), COALESCE(a.disabled, 0) FROM members m LEFT JOIN accounts a "
           "ON a.member_id = m.id WHERE m.email = :e",
        soci::use(e), soci::into(id), soci::into(role), soci::into(disabled);
    if (!sql.got_data()) return NotFound("no member with this e-mail address", "email");
    const model::Role r = disabled ? model::Role::kMember : model::ParseRole(role).value_or(model::Role::kMember);
    return Viewer{id, r};
  });
}

}  // namespace verbinder::newsletter
