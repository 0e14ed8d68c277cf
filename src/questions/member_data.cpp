// questions' MemberDataOwner (member_data.h): answers go with the member and
// the questions' counts follow; the member's own questions and routes go too.
#include "questions/member_data.h"

namespace verbinder::questions {
namespace {

class QuestionsMemberData : public domain::MemberDataOwner {
 public:
  std::string Name() const override { return "questions"; }

  Status Erase(soci::session& sql, const domain::MemberRecord& who, int64_t) override {
    long long mid = who.id;
    std::vector<long long> qs;
    {
      long long q = 0;
      soci::statement st = (sql.prepare << "SELECT DISTINCT question_id FROM question_answers WHERE author_id = :m",
                            soci::use(mid), soci::into(q));
      st.execute();
      while (st.fetch()) qs.push_back(q);
    }
    sql << "DELETE FROM question_answers WHERE author_id = :m", soci::use(mid);
    for (long long q : qs) {
      sql << "UPDATE questions SET answer_count = (SELECT count(*) FROM question_answers WHERE question_id = :q) "
             "WHERE id = :q2",
          soci::use(q), soci::use(q);
      sql << "UPDATE questions SET helpful_answer_id = 0 WHERE id = :q AND helpful_answer_id <> 0 AND NOT EXISTS "
             "(SELECT 1 FROM question_answers a WHERE a.id = questions.helpful_answer_id)",
          soci::use(q);
    }
    // Their own questions take their answers and routes along (ON DELETE CASCADE).
    sql << "DELETE FROM question_routes WHERE member_id = :m", soci::use(mid);
    sql << "DELETE FROM questions WHERE asker_id = :m", soci::use(mid);
    return Status::Ok();
  }

  Result<std::vector<domain::ExportPart>> Export(soci::session& sql, const domain::MemberRecord& who) override {
    using domain::RowsAsJson;
    std::vector<domain::ExportPart> parts;
    parts.push_back(
        {"questions", RowsAsJson(sql, "SELECT * FROM questions WHERE asker_id = :m ORDER BY id", who.id), {}});
    parts.push_back(
        {"answers", RowsAsJson(sql, "SELECT * FROM question_answers WHERE author_id = :m ORDER BY id", who.id), {}});
    parts.push_back(
        {"questions_routed_to_me", RowsAsJson(sql, "SELECT * FROM question_routes WHERE member_id = :m", who.id), {}});
    return parts;
  }
};

}  // namespace

void RegisterMemberData(domain::MemberDataRegistry& registry) {
  registry.Register(std::make_shared<QuestionsMemberData>());
}

}  // namespace verbinder::questions
