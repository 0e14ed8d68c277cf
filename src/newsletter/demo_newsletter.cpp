#include "newsletter/demo_newsletter.h"

#include <algorithm>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "demo/demo.h"
#include "demo/newsletter_content.h"
#include "domain/db_util.h"
#include "domain/viewer.h"
#include "newsletter/articles.h"
#include "newsletter/compose.h"
#include "newsletter/topics.h"
#include "storage/transaction.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

using model::Id;

struct Author {
  Id id = 0;
  model::Role role = model::Role::kMember;
};

Result<Author> FindAuthor(storage::Database& db, const demo::DemoArticleSpec& spec) {
  return domain::WithSession<Author>(db, [&](soci::session& sql) -> Result<Author> {
    auto by_email = [&](std::string_view email) -> Result<Author> {
      long long id = 0;
      std::string e(email), role;
      sql << "SELECT m.id, COALESCE(a.role, 'member') FROM members m LEFT JOIN accounts a ON a.member_id = m.id "
             "WHERE m.email = :e",
          soci::use(e), soci::into(id), soci::into(role);
      if (!sql.got_data()) return NotFound("the demo has no member " + e + "; load the demo network first", "author");
      return Author{id, model::ParseRole(role).value_or(model::Role::kMember)};
    };
    switch (spec.author) {
      case demo::DemoAuthor::kLeader:
        return by_email(demo::kDemoLeaderEmail);
      case demo::DemoAuthor::kAnja:
        return by_email(demo::kDemoAnjaEmail);
      case demo::DemoAuthor::kPieter:
        return by_email(demo::kDemoPieterEmail);
      case demo::DemoAuthor::kMember:
        break;
    }
    // A member of the organization, visible to members, writing in the article's
    // language if there is one (else any); the story's people are not borrowed.
    std::string org(spec.author_org), lang = std::string(spec.language) + "%";
    std::string leader(demo::kDemoLeaderEmail), admin(demo::kDemoAdminEmail), anja(demo::kDemoAnjaEmail),
        pieter(demo::kDemoPieterEmail);
    for (bool by_language : {true, false}) {
      long long id = 0;
      std::string q =
          "SELECT m.id FROM members m JOIN organizations o ON o.id = m.organization_id WHERE o.name = :o AND "
          "m.visibility = 'members' AND m.email NOT IN (:l, :a, :an, :p)";
      if (by_language) {
        q += " AND m.languages LIKE :lang ORDER BY m.id LIMIT 1";
        sql << q, soci::use(org), soci::use(leader), soci::use(admin), soci::use(anja), soci::use(pieter),
            soci::use(lang), soci::into(id);
      } else {
        q += " ORDER BY m.id LIMIT 1";
        sql << q, soci::use(org), soci::use(leader), soci::use(admin), soci::use(anja), soci::use(pieter),
            soci::into(id);
      }
      if (sql.got_data()) return Author{id, model::Role::kMember};
    }
    return by_email(demo::kDemoLeaderEmail);  // the organization is not in this network
  });
}

// Unix time at fraction `at` of the part of the month `months_ago` back that
// lies before now.
Result<int64_t> PublishedAt(int64_t now, int months_ago, double at) {
  VB_ASSIGN_OR_RETURN(auto range, MonthRange(MonthOf(now)));
  for (int i = 0; i < months_ago; ++i) {
    VB_ASSIGN_OR_RETURN(range, MonthRange(MonthOf(range.first - 1)));
  }
  const int64_t end = std::min(range.second, now);
  return range.first + static_cast<int64_t>(static_cast<double>(std::max<int64_t>(end - range.first, 0)) * at);
}

std::vector<std::string> SplitList(std::string_view csv) {
  return csv.empty() ? std::vector<std::string>{} : Split(std::string(csv), ',');
}

}  // namespace

Result<DemoNewsletterStats> SeedDemoNewsletter(storage::Database& db, const Clock& clock) {
  DemoNewsletterStats stats;
  const int64_t now = clock.Now();

  // 1. The topics subscribers choose from.
  for (const auto& t : demo::DemoNewsletterTopics()) {
    Topic topic{std::string(t.key), std::string(t.label_nl), std::string(t.label_en), SplitList(t.tags), stats.topics};
    VB_RETURN_IF_ERROR(SaveTopic(db, topic).status());
    ++stats.topics;
  }

  // 2. Articles: the leader publishes directly; members submit and the leader
  // approves (the same path as in the web UI). Written a few days before they
  // were published.
  demo::DemoArticleSpec leader_spec{};
  leader_spec.author = demo::DemoAuthor::kLeader;
  VB_ASSIGN_OR_RETURN(Author leader, FindAuthor(db, leader_spec));
  const domain::Viewer leader_viewer{leader.id, leader.role};
  ArticleService articles(db, clock);
  for (const auto& spec : demo::DemoArticles()) {
    long long exists = 0;
    std::string title(spec.title);
    VB_RETURN_IF_ERROR(domain::WithSession<bool>(db, [&](soci::session& sql) -> Result<bool> {
                         sql << "SELECT count(*) FROM articles WHERE title = :t", soci::use(title), soci::into(exists);
                         return true;
                       }).status());
    if (exists) continue;
    VB_ASSIGN_OR_RETURN(Author author, FindAuthor(db, spec));
    VB_ASSIGN_OR_RETURN(int64_t published_at, PublishedAt(now, spec.months_ago, spec.at));
    Article a;
    a.title = title;
    a.summary = std::string(spec.summary);
    a.body_md = std::string(spec.body_md);
    a.tags = SplitList(spec.tags);
    a.language = std::string(spec.language);
    const domain::Viewer writer{author.id, author.role};
    const bool leads = writer.IsOrganizer();
    a.status = spec.published && leads ? ArticleStatus::kPublished : ArticleStatus::kSubmitted;
    a.published_at = published_at;
    VB_ASSIGN_OR_RETURN(Article created, articles.Create(writer, a));
    if (spec.published && !leads) {
      VB_ASSIGN_OR_RETURN(created, articles.Publish(leader_viewer, created.id, published_at));
    }
    // Written before they appeared; a submission waiting for approval was sent in yesterday.
    long long id = created.id, written = spec.published ? published_at - 3 * 86400 : now - 86400,
              updated = spec.published ? published_at : written;
    VB_RETURN_IF_ERROR(domain::WithSession<bool>(db, [&](soci::session& sql) -> Result<bool> {
                         sql << "UPDATE articles SET created_at = :c, updated_at = :u WHERE id = :id",
                             soci::use(written), soci::use(updated), soci::use(id);
                         return true;
                       }).status());
    ++(spec.published ? stats.articles_published : stats.articles_submitted);
  }

  // 3. Subscribers: every member whose profile says yes (confirmed, linked to
  // the member, in their first language; some chose topics), and a few readers
  // who are no members.
  VB_RETURN_IF_ERROR(
      domain::WithSession<bool>(db, [&](soci::session& sql) -> Result<bool> {
        struct M {
          long long id, created;
          std::string email, languages, sector;
        };
        std::vector<M> ms;
        {
          M m{};
          soci::indicator sector_ind = soci::i_null;
          soci::statement st =
              (sql.prepare << "SELECT m.id, m.created_at, m.email, m.languages, m.sector FROM members m "
                              "WHERE m.consent_newsletter = 1 AND NOT EXISTS (SELECT 1 FROM subscribers s "
                              "WHERE s.email = m.email) ORDER BY m.id",
               soci::into(m.id), soci::into(m.created), soci::into(m.email), soci::into(m.languages),
               soci::into(m.sector, sector_ind));
          st.execute();
          while (st.fetch()) {
            if (sector_ind != soci::i_ok) m.sector.clear();
            ms.push_back(m);
          }
        }
        const std::string story[] = {std::string(demo::kDemoLeaderEmail), std::string(demo::kDemoAnjaEmail),
                                     std::string(demo::kDemoPieterEmail)};
        storage::Transaction tr(sql);
        for (const auto& m : ms) {
          std::string language = StartsWith(m.languages, "en") ? "en" : "nl", topics;
          int only = 0;
          // One in five chose the topic of their sector; a third of those only that.
          if (m.id % 5 == 0 && std::find(std::begin(story), std::end(story), m.email) == std::end(story)) {
            topics = m.sector == "care"        ? "zorg"
                     : m.sector == "industry"  ? "industrie"
                     : m.sector == "education" ? "mensen"
                                               : "verbinden";
            only = m.id % 15 == 0 ? 1 : 0;
          }
          long long at = std::min<long long>(m.created + 86400, now);
          sql << "INSERT INTO subscribers (email, member_id, language, topics, topics_only, status, created_at, "
                 "confirmed_at) "
                 "VALUES (:e, :m, :l, :t, :o, 'confirmed', :c, :ca)",
              soci::use(m.email), soci::use(m.id), soci::use(language), soci::use(topics), soci::use(only),
              soci::use(at), soci::use(at);
          ++stats.member_subscribers;
        }
        for (const auto& r : demo::DemoNewsletterReaders()) {
          std::string email(r.email), language(r.language), topics(r.topics), status(r.status);
          long long n = 0;
          sql << "SELECT count(*) FROM subscribers WHERE email = :e", soci::use(email), soci::into(n);
          if (n) continue;
          long long created = now - (30 + 7 * stats.readers) * 86400LL;
          long long confirmed = status == "pending" ? 0 : created + 3600;
          long long unsubscribed = status == "unsubscribed" ? now - 10 * 86400LL : 0;
          sql << "INSERT INTO subscribers (email, language, topics, status, created_at, confirmed_at, unsubscribed_at) "
                 "VALUES (:e, :l, :t, :s, :c, :ca, :u)",
              soci::use(email), soci::use(language), soci::use(topics), soci::use(status), soci::use(created),
              soci::use(confirmed), soci::use(unsubscribed);
          ++stats.readers;
        }
        tr.commit();
        return true;
      }).status());
  return stats;
}

}  // namespace verbinder::newsletter
