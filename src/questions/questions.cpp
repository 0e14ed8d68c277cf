#include "questions/questions.h"

#include <cmath>
#include <set>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "domain/member_ref.h"
#include "domain/network.h"
#include "domain/validation.h"
#include "events/learned_links.h"
#include "notify/notifications.h"
#include "questions/routing.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::questions {
namespace {

using domain::Viewer;
using domain::WithSession;

Status RequireMember(const Viewer& v) {
  if (!v.authenticated() || v.member_id <= 0) return Unauthenticated("sign in first");
  return Status::Ok();
}

std::vector<std::string> SplitTags(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  for (auto& t : Split(s, ',')) out.push_back(t);
  return out;
}

struct Row {
  Question q;
  model::Visibility asker_visibility = model::Visibility::kMembers;
};

const char* kQuestionCols =
    "q.id, q.asker_id, m.name, m.visibility, q.title, q.text, q.tags, q.sector, q.status, q.helpful_answer_id, "
    "q.answer_count, q.created_at, q.updated_at, q.challenge_id";

// Reads question rows of `where` (with its bound params), in `order`.
std::vector<Row> QueryQuestions(soci::session& sql, const std::string& tail, std::vector<std::string> params) {
  std::vector<Row> out;
  long long id = 0, asker = 0, helpful = 0, created = 0, updated = 0, challenge = 0;
  int answers = 0;
  std::string name, vis, title, text, tags, sector, status;
  domain::DynStatement st(
      sql, std::string("SELECT ") + kQuestionCols + " FROM questions q JOIN members m ON m.id = q.asker_id " + tail,
      std::move(params));
  st.Into(id);
  st.Into(asker);
  st.Into(name);
  st.Into(vis);
  st.Into(title);
  st.Into(text);
  st.Into(tags);
  st.Into(sector);
  st.Into(status);
  st.Into(helpful);
  st.Into(answers);
  st.Into(created);
  st.Into(updated);
  st.Into(challenge);
  if (!st.Execute()) return out;
  do {
    Row r;
    r.q.id = id;
    r.q.asker_id = asker;
    r.q.asker_name = name;
    r.asker_visibility = model::ParseVisibility(vis).value_or(model::Visibility::kHidden);
    r.q.title = title;
    r.q.text = text;
    r.q.tags = SplitTags(tags);
    r.q.sector = sector;
    r.q.status = status;
    r.q.helpful_answer_id = helpful;
    r.q.answer_count = answers;
    r.q.created_at = created;
    r.q.updated_at = updated;
    r.q.challenge_id = challenge;
    out.push_back(std::move(r));
  } while (st.Fetch());
  return out;
}

// The question if the viewer may see it, else NotFound.
Result<Question> LoadVisible(soci::session& sql, const Viewer& viewer, int64_t id) {
  auto rows = QueryQuestions(sql, "WHERE q.id = " + std::to_string(id), {});
  if (rows.empty() || !viewer.CanSee(rows[0].q.asker_id, rows[0].asker_visibility))
    return NotFound("no such question", "id").WithReason("question.not_found");
  Question q = rows[0].q;
  long long qid = id, me = viewer.member_id, n = 0;
  sql << "SELECT count(*) FROM question_routes WHERE question_id = :q AND member_id = :m", soci::use(qid),
      soci::use(me), soci::into(n);
  q.routed_to_me = n > 0;
  return q;
}

// The asker's own challenge (any status: a solved one may be asked about
// again), else InvalidArgument naming "challenge_id". Another member's
// challenge is "not yours" without saying whether it exists.
Status CheckOwnChallenge(soci::session& sql, long long me, long long challenge) {
  if (challenge < 0) return InvalidArgument("must be the id of one of your challenges", "challenge_id");
  long long owner = 0;
  soci::indicator oi = soci::i_null;
  sql << "SELECT member_id FROM challenges WHERE id = :c", soci::use(challenge), soci::into(owner, oi);
  if (oi != soci::i_ok || owner != me)
    return InvalidArgument("is not one of your challenges", "challenge_id").WithReason("question.challenge_not_yours");
  return Status::Ok();
}

// Conflict when the asker already has an open question about this challenge;
// its id goes along as "question_id", so the form can link to it.
Status CheckNotAskedYet(soci::session& sql, long long me, long long challenge) {
  long long open = 0;
  soci::indicator oi = soci::i_null;
  sql << "SELECT min(id) FROM questions WHERE asker_id = :a AND challenge_id = :c AND status = 'open'", soci::use(me),
      soci::use(challenge), soci::into(open, oi);
  if (oi != soci::i_ok) return Status::Ok();
  return Conflict("you already asked the network about this challenge: question " + std::to_string(open),
                  "challenge_id")
      .WithReason("question.challenge_asked", {{"question_id", std::to_string(open)}});
}

std::vector<Route> LoadRoutes(soci::session& sql, int64_t qid, int64_t only_member) {
  std::vector<Route> out;
  long long q = qid, mid = 0, only = only_member;
  int pos = 0, milli = 0;
  std::string name, sector, en, nl;
  soci::indicator si = soci::i_null;
  soci::statement st = (sql.prepare << "SELECT r.member_id, m.name, m.sector, r.position, r.score_milli, r.reason_en, "
                                       "r.reason_nl FROM question_routes r JOIN members m ON m.id = r.member_id "
                                       "WHERE r.question_id = :q AND (:only = 0 OR r.member_id = :only2) "
                                       "ORDER BY r.position",
                        soci::use(q), soci::use(only), soci::use(only), soci::into(mid), soci::into(name),
                        soci::into(sector, si), soci::into(pos), soci::into(milli), soci::into(en), soci::into(nl));
  st.execute(false);
  while (st.fetch()) out.push_back({mid, name, si == soci::i_ok ? sector : "", pos, milli / 1000.0, en, nl});
  return out;
}

std::vector<Answer> LoadAnswers(soci::session& sql, const Viewer& viewer, int64_t qid, int64_t only_id) {
  std::vector<Answer> out;
  long long q = qid, id = 0, author = 0, created = 0, only = only_id;
  int helpful = 0;
  std::string name, vis, text;
  soci::statement st = (sql.prepare << "SELECT a.id, a.author_id, m.name, m.visibility, a.text, a.helpful, "
                                       "a.created_at FROM question_answers a JOIN members m ON m.id = a.author_id "
                                       "WHERE a.question_id = :q AND (:only = 0 OR a.id = :only2) ORDER BY a.id",
                        soci::use(q), soci::use(only), soci::use(only), soci::into(id), soci::into(author),
                        soci::into(name), soci::into(vis), soci::into(text), soci::into(helpful), soci::into(created));
  st.execute(false);
  while (st.fetch()) {
    Answer a;
    a.id = id;
    a.question_id = qid;
    a.text = text;
    a.helpful = helpful != 0;
    a.created_at = created;
    if (viewer.CanSee(author, model::ParseVisibility(vis).value_or(model::Visibility::kHidden))) {
      a.author_id = author;
      a.author_name = name;
    }
    out.push_back(std::move(a));
  }
  return out;
}

QuestionDetail LoadDetail(soci::session& sql, const Viewer& viewer, const Question& q) {
  QuestionDetail d;
  d.question = q;
  d.answers = LoadAnswers(sql, viewer, q.id, 0);
  if (viewer.member_id == q.asker_id || viewer.IsOrganizer())
    d.routes = LoadRoutes(sql, q.id, 0);
  else if (q.routed_to_me)
    d.routes = LoadRoutes(sql, q.id, viewer.member_id);
  // The one projection (domain/member_ref.h): routes to members the viewer may
  // not see (e.g. who hid their profile since) are left out.
  std::vector<int64_t> ids;
  for (const auto& r : d.routes) ids.push_back(r.member_id);
  auto visible = domain::VisibleAmong(sql, viewer, ids);
  std::set<int64_t> ok(visible.begin(), visible.end());
  std::erase_if(d.routes, [&](const Route& r) { return !ok.count(r.member_id); });
  return d;
}

std::string Quote(const std::string& s) {
  // A short excerpt for notification texts.
  if (Utf8Length(s) <= 120) return s;
  std::string out;
  size_t cps = 0;
  for (size_t i = 0; i < s.size() && cps < 117; ++cps) {
    size_t len = 1;
    unsigned char c = s[i];
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    out += s.substr(i, len);
    i += len;
  }
  return out + "...";
}

}  // namespace

Result<QuestionDetail> QuestionService::Ask(const Viewer& viewer, QuestionInput in) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  in.title = Trim(in.title);
  in.text = Trim(in.text);
  VB_RETURN_IF_ERROR(domain::CheckText("title", in.title, 3, kMaxTitle));
  VB_RETURN_IF_ERROR(domain::CheckText("text", in.text, 0, kMaxQuestionText, true));
  if (in.tags.size() > kMaxQuestionTags)
    return InvalidArgument("at most " + std::to_string(kMaxQuestionTags) + " tags", "tags")
        .WithReason("field.too_many", {{"max", std::to_string(kMaxQuestionTags)}});
  std::vector<std::string> tags;
  for (size_t i = 0; i < in.tags.size(); ++i) {
    std::string t = AsciiLower(Trim(in.tags[i]));
    std::string f = "tags[" + std::to_string(i) + "]";
    VB_RETURN_IF_ERROR(domain::CheckText(f, t, 1, domain::kMaxTag));
    if (t.find(',') != std::string::npos)
      return InvalidArgument("must not contain a comma", f).WithReason("field.no_comma");
    if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
  }
  return WithSession<QuestionDetail>(db_, [&](soci::session& sql) -> Result<QuestionDetail> {
    long long me = viewer.member_id;
    std::string my_sector, my_vis;
    soci::indicator si = soci::i_null, vi = soci::i_null;
    sql << "SELECT sector, visibility FROM members WHERE id = :m", soci::use(me), soci::into(my_sector, si),
        soci::into(my_vis, vi);
    if (vi != soci::i_ok) return NotFound("your member profile does not exist", "asker");
    if (si != soci::i_ok) my_sector.clear();
    auto asker_vis = model::ParseVisibility(my_vis).value_or(model::Visibility::kHidden);
    std::map<std::string, SectorLabel> labels;
    {
      std::string key, nl, en;
      soci::statement st = (sql.prepare << "SELECT key, label_nl, label_en FROM sectors", soci::into(key),
                            soci::into(nl), soci::into(en));
      st.execute(false);
      while (st.fetch()) labels[key] = {en, nl};
    }
    std::string sector = in.sector ? Trim(*in.sector) : my_sector;
    if (!sector.empty() && !labels.count(sector))
      return InvalidArgument("unknown sector", "sector").WithReason("field.unknown_sector");
    long long challenge = in.challenge_id.value_or(0);
    if (challenge != 0) {
      VB_RETURN_IF_ERROR(CheckOwnChallenge(sql, me, challenge));
      VB_RETURN_IF_ERROR(CheckNotAskedYet(sql, me, challenge));  // before routing: a double tap costs no engine run
    }

    // Candidates: consented, not the asker, visible to the asker and able to see the asker.
    std::vector<RoutingCandidate> candidates;
    std::map<int64_t, std::string> names;
    {
      long long id = 0;
      std::string name, csector, vis, etags, etext, role;
      soci::indicator csi = soci::i_null, ri = soci::i_null;
      soci::statement st = (sql.prepare << "SELECT m.id, m.name, m.sector, m.visibility, m.expertise_tags, "
                                           "m.expertise_text, a.role FROM members m LEFT JOIN accounts a ON "
                                           "a.member_id = m.id WHERE m.consent_matchmaking = 1 AND m.id <> :me AND " +
                                               viewer.VisibleSql("m") + " ORDER BY m.id",
                            soci::use(me), soci::into(id), soci::into(name), soci::into(csector, csi), soci::into(vis),
                            soci::into(etags), soci::into(etext), soci::into(role, ri));
      st.execute(false);
      while (st.fetch()) {
        if (ri == soci::i_ok) {
          // A disabled or absent account still gets the notification; the role decides what they may see.
        }
        Viewer them{id,
                    ri == soci::i_ok ? model::ParseRole(role).value_or(model::Role::kMember) : model::Role::kMember};
        if (!them.CanSee(me, asker_vis)) continue;
        candidates.push_back({id, csi == soci::i_ok ? csector : "", SplitTags(etags), etext});
        names[id] = name;
      }
    }
    // Ranked by the engine that makes the suggestions, with what the network's useful meetings taught it.
    matching::TextAnalyzer analyzer;
    VB_ASSIGN_OR_RETURN(std::vector<RoutedMember> routed,
                        RouteQuestion({in.title, in.text, tags, sector}, candidates, route_count_, analyzer, labels,
                                      events::LoadNetworkLearning(sql)));

    long long now = clock_.Now();
    std::string tag_text = Join(tags, ",");
    storage::Transaction tr(sql);
    // Checked again under the write lock: a double tap must not ask twice. On
    // PostgreSQL the no-op update locks the challenge's row until commit, so
    // concurrent asks about it take turns and the later ones see the first
    // (the unique index questions_open_challenge is the last guard).
    if (challenge != 0) {
      sql << "UPDATE challenges SET updated_at = updated_at WHERE id = :c", soci::use(challenge);
      VB_RETURN_IF_ERROR(CheckNotAskedYet(sql, me, challenge));
    }
    sql << "INSERT INTO questions (asker_id, title, text, tags, sector, status, created_at, updated_at, "
           "challenge_id) VALUES (:a, :t, :x, :g, :s, 'open', :c, :u, :ch)",
        soci::use(me), soci::use(in.title), soci::use(in.text), soci::use(tag_text), soci::use(sector), soci::use(now),
        soci::use(now), soci::use(challenge);
    long long qid = 0;
    sql << "SELECT max(id) FROM questions WHERE asker_id = :a", soci::use(me), soci::into(qid);
    std::string asker_name;
    sql << "SELECT name FROM members WHERE id = :m", soci::use(me), soci::into(asker_name);
    int pos = 0;
    for (const auto& r : routed) {
      long long mid = r.id;
      int p = ++pos, milli = static_cast<int>(std::lround(r.score * 1000));
      sql << "INSERT INTO question_routes (question_id, member_id, position, score_milli, reason_en, reason_nl) "
             "VALUES (:q, :m, :p, :s, :en, :nl)",
          soci::use(qid), soci::use(mid), soci::use(p), soci::use(milli), soci::use(r.reason_en),
          soci::use(r.reason_nl);
      notify::Notify(
          sql, r.id, "question_routed",
          {asker_name + " asks the network: \"" + Quote(in.title) + "\" — you may be the one to help. " + r.reason_en,
           asker_name + " vraagt het netwerk: \"" + Quote(in.title) + "\" — misschien kun jij helpen. " + r.reason_nl},
          "question:" + std::to_string(qid), now, viewer.member_id);
    }
    auto q = LoadVisible(sql, viewer, qid);
    if (!q.ok()) return q.status();
    auto d = LoadDetail(sql, viewer, *q);
    tr.commit();
    return d;
  });
}

Result<QuestionDetail> QuestionService::Get(const Viewer& viewer, int64_t id) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  return WithSession<QuestionDetail>(db_, [&](soci::session& sql) -> Result<QuestionDetail> {
    VB_ASSIGN_OR_RETURN(Question q, LoadVisible(sql, viewer, id));
    return LoadDetail(sql, viewer, q);
  });
}

Result<domain::Page<Question>> QuestionService::List(const Viewer& viewer, const QuestionFilter& f) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  if (!f.status.empty() && f.status != "open" && f.status != "solved")
    return InvalidArgument("must be open or solved", "status").WithReason("field.invalid_choice");
  VB_RETURN_IF_ERROR(domain::CheckText("q", f.q, 0, 200));
  return WithSession<domain::Page<Question>>(db_, [&](soci::session& sql) -> Result<domain::Page<Question>> {
    std::vector<std::string> params;
    std::string me = std::to_string(viewer.member_id);
    std::string where = "WHERE " + viewer.VisibleSql("m");
    if (!f.status.empty()) where += " AND q.status = " + domain::Bind(params, f.status);
    if (f.mine) where += " AND q.asker_id = " + me;
    if (f.routed_to_me)
      where += " AND EXISTS (SELECT 1 FROM question_routes r WHERE r.question_id = q.id AND r.member_id = " + me + ")";
    if (f.unanswered_by_me)
      where +=
          " AND NOT EXISTS (SELECT 1 FROM question_answers a WHERE a.question_id = q.id AND a.author_id = " + me + ")";
    for (const auto& word : Split(AsciiLower(f.q), ' ')) {
      std::string w = Trim(word);
      if (w.empty()) continue;
      std::string esc;
      for (char c : w) {
        if (c == '%' || c == '_' || c == '\\') esc += '\\';
        esc += c;
      }
      std::string p = "%" + esc + "%";
      where += " AND (lower(q.title) LIKE " + domain::Bind(params, p) + " ESCAPE '\\' OR lower(q.text) LIKE " +
               domain::Bind(params, p) + " ESCAPE '\\' OR q.tags LIKE " + domain::Bind(params, p) + " ESCAPE '\\')";
    }
    domain::Page<Question> page;
    page.limit = f.limit;
    page.offset = f.offset;
    page.total =
        domain::CountOf(sql, "SELECT count(*) FROM questions q JOIN members m ON m.id = q.asker_id " + where, params);
    auto rows = QueryQuestions(
        sql, where + " ORDER BY q.id DESC LIMIT " + std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset),
        params);
    std::set<long long> routed;
    {
      long long qid = 0, m = viewer.member_id;
      soci::statement st = (sql.prepare << "SELECT question_id FROM question_routes WHERE member_id = :m", soci::use(m),
                            soci::into(qid));
      st.execute(false);
      while (st.fetch()) routed.insert(qid);
    }
    for (auto& r : rows) {
      r.q.routed_to_me = routed.count(r.q.id) > 0;
      page.items.push_back(std::move(r.q));
    }
    return page;
  });
}

Result<Answer> QuestionService::AddAnswer(const Viewer& viewer, int64_t question_id, std::string text) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  text = Trim(text);
  VB_RETURN_IF_ERROR(domain::CheckText("text", text, 1, kMaxAnswerText, true));
  return WithSession<Answer>(db_, [&](soci::session& sql) -> Result<Answer> {
    storage::Transaction tr(sql);
    VB_ASSIGN_OR_RETURN(Question q, LoadVisible(sql, viewer, question_id));
    if (q.asker_id == viewer.member_id)
      return InvalidArgument("you cannot answer your own question; edit its text instead", "question_id")
          .WithReason("question.own_answer");
    long long me = viewer.member_id, qid = question_id, now = clock_.Now();
    sql << "INSERT INTO question_answers (question_id, author_id, text, created_at) VALUES (:q, :a, :t, :c)",
        soci::use(qid), soci::use(me), soci::use(text), soci::use(now);
    long long aid = 0;
    sql << "SELECT max(id) FROM question_answers WHERE question_id = :q AND author_id = :a", soci::use(qid),
        soci::use(me), soci::into(aid);
    sql << "UPDATE questions SET answer_count = answer_count + 1, updated_at = :u WHERE id = :q", soci::use(now),
        soci::use(qid);
    std::string name;
    sql << "SELECT name FROM members WHERE id = :m", soci::use(me), soci::into(name);
    notify::Notify(sql, q.asker_id, "question_answered",
                   {name + " answered your question \"" + Quote(q.title) + "\".",
                    name + " heeft je vraag \"" + Quote(q.title) + "\" beantwoord."},
                   "question:" + std::to_string(qid), now, me);
    auto rows = LoadAnswers(sql, viewer, qid, aid);
    if (rows.empty()) return Internal("answer vanished");
    tr.commit();
    return rows.front();
  });
}

Result<QuestionDetail> QuestionService::MarkHelpful(const Viewer& viewer, int64_t question_id, int64_t answer_id) {
  VB_RETURN_IF_ERROR(RequireMember(viewer));
  return WithSession<QuestionDetail>(db_, [&](soci::session& sql) -> Result<QuestionDetail> {
    storage::Transaction tr(sql);
    VB_ASSIGN_OR_RETURN(Question q, LoadVisible(sql, viewer, question_id));
    if (q.asker_id != viewer.member_id)
      return PermissionDenied("only the asker marks the helpful answer").WithReason("question.only_asker_marks");
    long long aid = answer_id, qid = question_id, author = 0, of_question = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT author_id, question_id FROM question_answers WHERE id = :a", soci::use(aid), soci::into(author, ind),
        soci::into(of_question);
    if (ind != soci::i_ok) return NotFound("no such answer", "answer_id").WithReason("question.answer_not_found");
    if (of_question != qid)
      return InvalidArgument("this answer belongs to another question", "answer_id")
          .WithReason("question.answer_not_found");
    if (q.helpful_answer_id == answer_id) {  // idempotent
      auto d = LoadDetail(sql, viewer, q);
      tr.commit();
      return d;
    }
    if (q.helpful_answer_id != 0)
      return Conflict("answer " + std::to_string(q.helpful_answer_id) + " is already marked helpful", "answer_id")
          .WithReason("question.helpful_already");
    long long now = clock_.Now();
    soci::statement st = (sql.prepare << "UPDATE questions SET status = 'solved', helpful_answer_id = :a, "
                                         "updated_at = :u WHERE id = :q AND helpful_answer_id = 0",
                          soci::use(aid), soci::use(now), soci::use(qid));
    st.execute(true);
    if (st.get_affected_rows() != 1)
      return Conflict("another answer was marked helpful meanwhile; reload", "answer_id")
          .WithReason("question.helpful_already");
    sql << "UPDATE question_answers SET helpful = 1 WHERE id = :a", soci::use(aid);
    model::Interaction in{
        0, q.asker_id, author, model::InteractionKind::kAnswered, now, "question:" + std::to_string(qid), 0};
    domain::AppendInteraction(sql, in);
    notify::Notify(sql, author, "answer_helpful",
                   {q.asker_name + " marked your answer to \"" + Quote(q.title) + "\" as the helpful one.",
                    q.asker_name + " vond jouw antwoord op \"" + Quote(q.title) + "\" het meest behulpzaam."},
                   "question:" + std::to_string(qid), now, q.asker_id);
    VB_ASSIGN_OR_RETURN(Question after, LoadVisible(sql, viewer, question_id));
    auto d = LoadDetail(sql, viewer, after);
    tr.commit();
    return d;
  });
}

}  // namespace verbinder::questions
