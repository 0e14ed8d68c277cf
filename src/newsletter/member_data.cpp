// newsletter's MemberDataOwner (member_data.h): unpublished articles go,
// published ones stay without an author (author_id → NULL by the foreign
// key); subscriptions go, by member and by address.
#include "newsletter/member_data.h"

namespace verbinder::newsletter {
namespace {

using Json = nlohmann::json;

class NewsletterMemberData : public domain::MemberDataOwner {
 public:
  std::string Name() const override { return "newsletter"; }

  Status Erase(soci::session& sql, const domain::MemberRecord& who, int64_t) override {
    long long mid = who.id;
    std::string email = who.email;
    sql << "DELETE FROM articles WHERE author_id = :m AND status <> 'published'", soci::use(mid);
    sql << "DELETE FROM subscribers WHERE member_id = :m OR email = :e", soci::use(mid), soci::use(email);
    return Status::Ok();
  }

  Result<std::vector<domain::ExportPart>> Export(soci::session& sql, const domain::MemberRecord& who) override {
    std::vector<domain::ExportPart> parts;
    parts.push_back(
        {"articles", domain::RowsAsJson(sql, "SELECT * FROM articles WHERE author_id = :m ORDER BY id", who.id), {}});
    Json rows = Json::array();
    long long me = who.id, id = 0, created = 0, confirmed = 0, unsubscribed = 0;
    std::string email = who.email, em, language, topics, status;
    soci::statement st =
        (sql.prepare << "SELECT id, email, language, topics, status, created_at, confirmed_at, "
                        "unsubscribed_at FROM subscribers WHERE member_id = :m OR email = :e",
         soci::use(me), soci::use(email), soci::into(id), soci::into(em), soci::into(language), soci::into(topics),
         soci::into(status), soci::into(created), soci::into(confirmed), soci::into(unsubscribed));
    st.execute();
    while (st.fetch())
      rows.push_back({{"id", id},
                      {"email", em},
                      {"language", language},
                      {"topics", topics},
                      {"status", status},
                      {"created_at", created},
                      {"confirmed_at", confirmed},
                      {"unsubscribed_at", unsubscribed}});
    parts.push_back({"newsletter_subscriptions", std::move(rows), {}});
    return parts;
  }
};

}  // namespace

void RegisterMemberData(domain::MemberDataRegistry& registry) {
  registry.Register(std::make_shared<NewsletterMemberData>());
}

}  // namespace verbinder::newsletter
