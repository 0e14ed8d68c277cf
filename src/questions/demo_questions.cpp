#include "questions/demo_questions.h"

#include <string>
#include <vector>

#include <soci/soci.h>

#include "demo/demo.h"
#include "domain/db_util.h"
#include "questions/questions.h"

namespace verbinder::questions {
namespace {

// Who asks: a demo account by e-mail, or the first member (by id) of a sector
// whose first language is `lang`, who shows their profile to members.
struct Asker {
  std::string email;  // empty: by sector and language
  std::string sector, lang;
};

struct DemoQuestion {
  Asker asker;
  QuestionInput input;
  // The asker's open challenge it is asked about: the first whose title holds
  // this word (so the home page shows it as asked); empty: none.
  std::string challenge_word = {};
};

std::vector<DemoQuestion> DemoQuestions() {
  return {
      {{std::string(demo::kDemoAnjaEmail), "", ""},
       {"Hoe krijgen we de wachtlijst voor de wijkverpleging korter?",
        "Cliënten wachten steeds langer op hun eerste bezoek. Wie weet hoe je de doorlooptijd verkort of de "
        "capaciteit beter plant?",
        {"wachtlijst", "capaciteit"},
        std::nullopt},
       "wachtlijst"},
      {{"", "education", "en"},
       {"How do we help first-year students become more self-reliant?",
        "Many of our first-year students struggle to organise their own studies and drop out. Who knows how to "
        "build self-reliance step by step?",
        {"self-reliance"},
        std::nullopt}},
      {{"", "government", "nl"},
       {"Welke meldingen van bewoners pakken we als eerste op?",
        "We krijgen honderden meldingen per week. Hoe bepaal je welke het dringendst zijn en wie ze oppakt?",
        {"prioriteren", "triage"},
        std::nullopt}},
  };
}

Result<int64_t> FindAsker(soci::session& sql, const Asker& a) {
  long long id = 0;
  if (!a.email.empty()) {
    sql << "SELECT id FROM members WHERE email = :e", soci::use(a.email), soci::into(id);
  } else {
    const std::string lang = a.lang + "%";
    sql << "SELECT id FROM members WHERE sector = :s AND languages LIKE :l AND visibility = 'members' ORDER BY id "
           "LIMIT 1",
        soci::use(a.sector), soci::use(lang), soci::into(id);
  }
  if (!sql.got_data()) return NotFound("no demo member to ask the question", "asker");
  return static_cast<int64_t>(id);
}

}  // namespace

Result<int> SeedDemoQuestions(storage::Database& db, const Clock& clock) {
  std::vector<std::pair<int64_t, QuestionInput>> asks;
  VB_RETURN_IF_ERROR(domain::WithSession<bool>(db, [&](soci::session& sql) -> Result<bool> {
                       long long existing = 0;
                       sql << "SELECT count(*) FROM questions", soci::into(existing);
                       if (existing > 0) return true;
                       for (DemoQuestion& q : DemoQuestions()) {
                         VB_ASSIGN_OR_RETURN(int64_t asker, FindAsker(sql, q.asker));
                         if (!q.challenge_word.empty()) {
                           long long member = asker, challenge = 0;
                           soci::indicator ci = soci::i_null;
                           std::string like = "%" + q.challenge_word + "%";
                           sql << "SELECT min(id) FROM challenges WHERE member_id = :m AND status = 'open' AND "
                                  "lower(title) LIKE :w",
                               soci::use(member), soci::use(like), soci::into(challenge, ci);
                           if (ci == soci::i_ok && challenge > 0) q.input.challenge_id = challenge;
                         }
                         asks.push_back({asker, std::move(q.input)});
                       }
                       return true;
                     }).status());
  QuestionService qs(db, clock);
  for (auto& [asker, input] : asks) {
    VB_RETURN_IF_ERROR(qs.Ask(domain::Viewer{asker, model::Role::kMember}, std::move(input)).status());
  }
  return static_cast<int>(asks.size());
}

}  // namespace verbinder::questions
