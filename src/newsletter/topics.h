// Topics subscribers choose (table newsletter_topics) and the rule that ties
// articles to them:
//
// - An article belongs to topic T when one of its tags (case-insensitive)
//   equals T's key or one of T's `tags`. With no topics defined at all, each
//   tag is a topic of its own (key = the tag in lower case).
// - A subscriber who chose topics gets the month's articles of those topics
//   first (in publication order), then the others under "Ook deze maand" /
//   "Also this month"; with topics_only, only theirs (and "no new articles on
//   your topics" when none). Subscribers without topics get every article.
//   Events and the personal part are never filtered.
//
//   auto topics = LoadTopics(sql);
//   auto order = OrderForSubscriber(issue.articles, sub, topics);   // indexes + where "others" start
//
// Thread-safety: free functions; the service opens one session per call.
#pragma once

#include <string>
#include <vector>

#include "newsletter/articles.h"
#include "newsletter/subscriptions.h"
#include "storage/database.h"
#include "util/status.h"

namespace soci {
class session;
}

namespace verbinder::newsletter {

struct Topic {
  std::string key;  // [a-z0-9-], 1..40
  std::string label_nl;
  std::string label_en;
  std::vector<std::string> tags;  // article tags that map to it (lower case)
  int position = 0;
};

// The catalogue in position, key order.
std::vector<Topic> LoadTopics(soci::session& sql);
Result<std::vector<Topic>> ListTopics(storage::Database& db);
// Creates or replaces a topic. InvalidArgument("key"/"label_nl"/"label_en"/"tags[i]").
Result<Topic> SaveTopic(storage::Database& db, Topic t);
// NotFound("key") when absent. Subscribers keep the key in their list (it no longer matches anything).
Status DeleteTopic(storage::Database& db, const std::string& key);

// The topic keys of an article under the rule above.
std::vector<std::string> TopicsOf(const Article& a, const std::vector<Topic>& catalogue);

struct ArticleOrder {
  std::vector<size_t> mine;    // indexes into the articles: the subscriber's topics
  std::vector<size_t> others;  // the rest (empty with topics_only)
  bool personalised = false;   // the subscriber chose topics
};
ArticleOrder OrderForSubscriber(const std::vector<Article>& articles, const Subscriber& s,
                                const std::vector<Topic>& catalogue);

}  // namespace verbinder::newsletter
