// Helpers shared by the MemberDataOwner implementations (member_data.h).
#include "domain/member_data.h"

#include <cctype>
#include <set>

namespace verbinder::domain {

nlohmann::json RowsAsJson(soci::session& sql, const std::string& query, model::Id member_id, int uses) {
  static const std::set<std::string> kSecret = {"token_hash", "password_hash", "csrf_token", "text_body",
                                                "html_body",  "lock_owner",    "lock_until"};
  nlohmann::json out = nlohmann::json::array();
  soci::row row;
  long long m1 = member_id, m2 = member_id;
  soci::statement st = uses == 2 ? (sql.prepare << query, soci::use(m1), soci::use(m2), soci::into(row))
                                 : (sql.prepare << query, soci::use(m1), soci::into(row));
  st.execute(false);
  while (st.fetch()) {
    nlohmann::json o = nlohmann::json::object();
    for (std::size_t i = 0; i < row.size(); ++i) {
      const auto& p = row.get_properties(i);
      std::string name = p.get_name();
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (kSecret.count(name)) continue;
      if (row.get_indicator(i) == soci::i_null) {
        o[name] = nullptr;
        continue;
      }
      switch (p.get_data_type()) {
        case soci::dt_string:
          o[name] = row.get<std::string>(i);
          break;
        case soci::dt_integer:
          o[name] = row.get<int>(i);
          break;
        case soci::dt_long_long:
          o[name] = row.get<long long>(i);
          break;
        case soci::dt_unsigned_long_long:
          o[name] = row.get<unsigned long long>(i);
          break;
        case soci::dt_double:
          o[name] = row.get<double>(i);
          break;
        default:
          o[name] = nullptr;
          break;
      }
    }
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace verbinder::domain
