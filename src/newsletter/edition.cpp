#include "newsletter/edition.h"

#include <set>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "storage/transaction.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

using model::Id;

constexpr int kMaxCandidateArticles = 100;
constexpr int kMaxCandidateEvents = 50;

struct EventRow {
  EventItem item;
  bool is_public = false;
};

std::optional<EventRow> ReadEvent(soci::session& sql, Id id) {
  EventRow r;
  long long starts = 0, want = id;
  int price = 0, pub = 0;
  sql << "SELECT title, kind, starts_at, location, price_cents, is_public FROM events WHERE id = :id", soci::use(want),
      soci::into(r.item.title), soci::into(r.item.kind), soci::into(starts), soci::into(r.item.location),
      soci::into(price), soci::into(pub);
  if (!sql.got_data()) return std::nullopt;
  r.item.id = id;
  r.item.starts_at = starts;
  r.item.free = price == 0;
  r.is_public = pub != 0;
  return r;
}

std::string Field(const char* list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

}  // namespace

Result<std::optional<Edition>> LoadEdition(storage::Database& db, const std::string& month) {
  VB_RETURN_IF_ERROR(MonthRange(month).status());
  return domain::WithSession<std::optional<Edition>>(db, [&](soci::session& sql) -> Result<std::optional<Edition>> {
    Edition e;
    e.month = month;
    long long at = 0;
    soci::indicator by_ind = soci::i_null;
    long long by = 0;
    sql << "SELECT intro_nl, intro_en, updated_by, updated_at FROM newsletter_editions WHERE month = :m",
        soci::use(month), soci::into(e.intro_nl), soci::into(e.intro_en), soci::into(by, by_ind), soci::into(at);
    if (!sql.got_data()) return std::optional<Edition>{};
    e.updated_by = by_ind == soci::i_ok ? by : 0;
    e.updated_at = at;
    std::string kind;
    long long item = 0;
    soci::statement st = (sql.prepare << "SELECT kind, item_id FROM newsletter_edition_items WHERE month = :m "
                                         "ORDER BY kind, position",
                          soci::use(month), soci::into(kind), soci::into(item));
    st.execute();
    while (st.fetch()) (kind == "article" ? e.article_ids : e.event_ids).push_back(item);
    return std::optional<Edition>{std::move(e)};
  });
}

Result<Edition> SaveEdition(storage::Database& db, const Clock& clock, Edition e, Id by) {
  VB_RETURN_IF_ERROR(MonthRange(e.month).status());
  for (auto [text, field] : {std::pair{&e.intro_nl, "intro_nl"}, std::pair{&e.intro_en, "intro_en"}}) {
    if (text->size() > kMaxIntroBytes)
      return InvalidArgument("is too long (at most " + std::to_string(kMaxIntroBytes) + " bytes)", field)
          .WithReason("field.too_long", {{"max", std::to_string(kMaxIntroBytes)}});
    if (!IsValidUtf8(*text)) return InvalidArgument("must be UTF-8 text", field).WithReason("field.invalid_characters");
    *text = std::string(Trim(*text));
  }
  if (e.article_ids.size() > kMaxEditionArticles)
    return InvalidArgument("at most " + std::to_string(kMaxEditionArticles) + " articles", "articles")
        .WithReason("field.too_many", {{"max", std::to_string(kMaxEditionArticles)}});
  if (e.event_ids.size() > static_cast<size_t>(kMaxEvents))
    return InvalidArgument("at most " + std::to_string(kMaxEvents) + " events", "events")
        .WithReason("field.too_many", {{"max", std::to_string(kMaxEvents)}});
  ArticleService articles(db, clock);
  std::set<Id> seen;
  for (size_t i = 0; i < e.article_ids.size(); ++i) {
    if (!seen.insert(e.article_ids[i]).second)
      return InvalidArgument("is listed twice", Field("articles", i)).WithReason("field.duplicate");
    // Read as an anonymous reader: only published articles can go into the issue.
    auto a = articles.Get(domain::Viewer{}, e.article_ids[i]);
    if (!a)
      return InvalidArgument("no published article with id " + std::to_string(e.article_ids[i]), Field("articles", i))
          .WithReason("edition.article_not_published");
  }
  const int64_t now = clock.Now();
  e.updated_by = by;
  e.updated_at = now;
  return domain::WithSession<Edition>(db, [&](soci::session& sql) -> Result<Edition> {
    storage::Transaction tr(sql);
    std::set<Id> seen_events;
    for (size_t i = 0; i < e.event_ids.size(); ++i) {
      if (!seen_events.insert(e.event_ids[i]).second)
        return InvalidArgument("is listed twice", Field("events", i)).WithReason("field.duplicate");
      auto ev = ReadEvent(sql, e.event_ids[i]);
      if (!ev)
        return InvalidArgument("no event with id " + std::to_string(e.event_ids[i]), Field("events", i))
            .WithReason("edition.event_not_found");
      if (!ev->is_public)
        return InvalidArgument("is not a public event", Field("events", i)).WithReason("edition.event_not_public");
      if (ev->item.starts_at < now)
        return InvalidArgument("has already started", Field("events", i)).WithReason("edition.event_started");
    }
    sql << "DELETE FROM newsletter_edition_items WHERE month = :m", soci::use(e.month);
    sql << "DELETE FROM newsletter_editions WHERE month = :m", soci::use(e.month);
    long long at = now, who = by;
    soci::indicator who_ind = by > 0 ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO newsletter_editions (month, intro_nl, intro_en, updated_by, updated_at) "
           "VALUES (:m, :nl, :en, :by, :at)",
        soci::use(e.month), soci::use(e.intro_nl), soci::use(e.intro_en), soci::use(who, who_ind), soci::use(at);
    for (const char* kind : {"article", "event"}) {
      const auto& ids = std::string(kind) == "article" ? e.article_ids : e.event_ids;
      for (size_t i = 0; i < ids.size(); ++i) {
        std::string k = kind;
        int pos = static_cast<int>(i);
        long long item = ids[i];
        sql << "INSERT INTO newsletter_edition_items (month, kind, position, item_id) VALUES (:m, :k, :p, :i)",
            soci::use(e.month), soci::use(k), soci::use(pos), soci::use(item);
      }
    }
    tr.commit();
    return e;
  });
}

Result<EditionCandidates> LoadCandidates(storage::Database& db, const Clock& clock) {
  EditionCandidates c;
  ArticleFilter f;
  f.status = ArticleStatus::kPublished;
  f.limit = kMaxCandidateArticles;
  VB_ASSIGN_OR_RETURN(auto page, ArticleService(db, clock).List(domain::Viewer{}, f));
  c.articles = std::move(page.items);
  const long long now = clock.Now();
  auto events =
      domain::WithSession<std::vector<EventItem>>(db, [&](soci::session& sql) -> Result<std::vector<EventItem>> {
        std::vector<EventItem> out;
        EventItem e;
        long long id = 0, starts = 0;
        int price = 0;
        soci::statement st = (sql.prepare << "SELECT id, title, kind, starts_at, location, price_cents FROM events "
                                             "WHERE is_public = 1 AND starts_at >= :f ORDER BY starts_at, id LIMIT " +
                                                 std::to_string(kMaxCandidateEvents),
                              soci::use(now), soci::into(id), soci::into(e.title), soci::into(e.kind),
                              soci::into(starts), soci::into(e.location), soci::into(price));
        st.execute();
        while (st.fetch()) {
          e.id = id;
          e.starts_at = starts;
          e.free = price == 0;
          out.push_back(e);
        }
        return out;
      });
  if (!events) return events.status();
  c.events = std::move(*events);
  return c;
}

Result<std::vector<EventItem>> EventsById(storage::Database& db, const std::vector<Id>& ids) {
  return domain::WithSession<std::vector<EventItem>>(db, [&](soci::session& sql) -> Result<std::vector<EventItem>> {
    std::vector<EventItem> out;
    for (Id id : ids)
      if (auto ev = ReadEvent(sql, id); ev && ev->is_public) out.push_back(ev->item);
    return out;
  });
}

}  // namespace verbinder::newsletter
