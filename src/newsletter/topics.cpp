#include "newsletter/topics.h"

#include <algorithm>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "domain/validation.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::newsletter {

std::vector<Topic> LoadTopics(soci::session& sql) {
  std::vector<Topic> out;
  Topic t;
  std::string tags;
  int pos = 0;
  soci::statement st =
      (sql.prepare << "SELECT key, label_nl, label_en, tags, position FROM newsletter_topics ORDER BY "
                      "position, key",
       soci::into(t.key), soci::into(t.label_nl), soci::into(t.label_en), soci::into(tags), soci::into(pos));
  st.execute();
  while (st.fetch()) {
    t.tags = tags.empty() ? std::vector<std::string>{} : Split(tags, ',');
    t.position = pos;
    out.push_back(t);
  }
  return out;
}

Result<std::vector<Topic>> ListTopics(storage::Database& db) {
  return domain::WithSession<std::vector<Topic>>(
      db, [](soci::session& sql) -> Result<std::vector<Topic>> { return LoadTopics(sql); });
}

Result<Topic> SaveTopic(storage::Database& db, Topic t) {
  t.key = AsciiLower(Trim(t.key));
  if (t.key.empty()) return InvalidArgument("must be 1 to 40 characters", "key").WithReason("field.required");
  if (t.key.size() > 40)
    return InvalidArgument("must be 1 to 40 characters", "key").WithReason("field.too_long", {{"max", "40"}});
  for (char c : t.key)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return InvalidArgument("may hold a-z, 0-9 and '-' only", "key").WithReason("newsletter.topic_key_format");
  VB_RETURN_IF_ERROR(domain::CheckText("label_nl", t.label_nl, 1, 80));
  VB_RETURN_IF_ERROR(domain::CheckText("label_en", t.label_en, 1, 80));
  if (t.tags.size() > 50)
    return InvalidArgument("at most 50 tags", "tags").WithReason("field.too_many", {{"max", "50"}});
  std::vector<std::string> tags;
  for (size_t i = 0; i < t.tags.size(); ++i) {
    std::string tag = AsciiLower(Trim(t.tags[i]));
    VB_RETURN_IF_ERROR(domain::CheckText("tags[" + std::to_string(i) + "]", tag, 1, domain::kMaxTag));
    if (tag.find(',') != std::string::npos)
      return InvalidArgument("a tag cannot contain a comma", "tags[" + std::to_string(i) + "]")
          .WithReason("field.no_comma");
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  }
  t.tags = tags;
  return domain::WithSession<Topic>(db, [&](soci::session& sql) -> Result<Topic> {
    std::string joined = Join(t.tags, ",");
    storage::Transaction tr(sql);
    sql << "DELETE FROM newsletter_topics WHERE key = :k", soci::use(t.key);
    sql << "INSERT INTO newsletter_topics (key, label_nl, label_en, tags, position) VALUES (:k, :n, :e, :t, :p)",
        soci::use(t.key), soci::use(t.label_nl), soci::use(t.label_en), soci::use(joined), soci::use(t.position);
    tr.commit();
    return t;
  });
}

Status DeleteTopic(storage::Database& db, const std::string& raw_key) {
  std::string key = AsciiLower(Trim(raw_key));
  return domain::WithSession<bool>(
             db,
             [&](soci::session& sql) -> Result<bool> {
               soci::statement st = (sql.prepare << "DELETE FROM newsletter_topics WHERE key = :k", soci::use(key));
               st.execute(true);
               if (st.get_affected_rows() == 0) return NotFound("no topic '" + key + "'", "key");
               return true;
             })
      .status();
}

std::vector<std::string> TopicsOf(const Article& a, const std::vector<Topic>& catalogue) {
  std::vector<std::string> out;
  auto add = [&](const std::string& k) {
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  };
  for (const auto& raw : a.tags) {
    std::string tag = AsciiLower(Trim(raw));
    if (tag.empty()) continue;
    if (catalogue.empty()) {
      add(tag);
      continue;
    }
    for (const auto& t : catalogue)
      if (t.key == tag || std::find(t.tags.begin(), t.tags.end(), tag) != t.tags.end()) add(t.key);
  }
  return out;
}

ArticleOrder OrderForSubscriber(const std::vector<Article>& articles, const Subscriber& s,
                                const std::vector<Topic>& catalogue) {
  ArticleOrder o;
  o.personalised = !s.topics.empty();
  std::vector<std::string> wanted;
  for (const auto& t : s.topics) wanted.push_back(AsciiLower(Trim(t)));
  for (size_t i = 0; i < articles.size(); ++i) {
    bool mine = false;
    if (o.personalised)
      for (const auto& k : TopicsOf(articles[i], catalogue))
        mine = mine || std::find(wanted.begin(), wanted.end(), k) != wanted.end();
    if (!o.personalised || mine)
      o.mine.push_back(i);
    else if (!s.topics_only)
      o.others.push_back(i);
  }
  return o;
}

}  // namespace verbinder::newsletter
