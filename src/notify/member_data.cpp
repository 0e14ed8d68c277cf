// notify's MemberDataOwner: erases and exports a member's notifications,
// preferences and outbox mails (member_data.h).
#include "notify/member_data.h"

namespace verbinder::notify {
namespace {

using Json = nlohmann::json;

class NotifyMemberData : public domain::MemberDataOwner {
 public:
  std::string Name() const override { return "notify"; }

  Status Erase(soci::session& sql, const domain::MemberRecord& who, int64_t) override {
    long long m = who.id;
    std::string email = who.email;
    sql << "DELETE FROM event_notifications WHERE member_id = :m", soci::use(m);
    sql << "DELETE FROM notification_prefs WHERE member_id = :m", soci::use(m);
    // Mails are kept by address, not by member id.
    sql << "DELETE FROM outbox WHERE to_email = :e", soci::use(email);
    return Status::Ok();
  }

  Result<std::vector<domain::ExportPart>> Export(soci::session& sql, const domain::MemberRecord& who) override {
    std::vector<domain::ExportPart> parts;
    parts.push_back(
        {"notifications",
         domain::RowsAsJson(sql, "SELECT * FROM event_notifications WHERE member_id = :m ORDER BY id", who.id),
         {}});
    parts.push_back({"notification_preferences",
                     domain::RowsAsJson(sql, "SELECT * FROM notification_prefs WHERE member_id = :m", who.id),
                     {}});
    // The mails, without their bodies (live links must not leave in an export).
    Json rows = Json::array();
    long long id = 0, created = 0, sent = 0;
    std::string kind, subject, status, email = who.email;
    soci::statement st = (sql.prepare << "SELECT id, kind, subject, status, created_at, sent_at FROM outbox "
                                         "WHERE to_email = :e ORDER BY id",
                          soci::use(email), soci::into(id), soci::into(kind), soci::into(subject), soci::into(status),
                          soci::into(created), soci::into(sent));
    st.execute();
    while (st.fetch())
      rows.push_back({{"id", id},
                      {"kind", kind},
                      {"subject", subject},
                      {"status", status},
                      {"created_at", created},
                      {"sent_at", sent}});
    parts.push_back({"mails", std::move(rows), {}});
    return parts;
  }
};

}  // namespace

void RegisterMemberData(domain::MemberDataRegistry& registry) {
  registry.Register(std::make_shared<NotifyMemberData>());
}

}  // namespace verbinder::notify
