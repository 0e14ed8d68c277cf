// Questions to the network (vraagstukken): a member asks (title, text, tags,
// own sector); the question is routed at once to the members best placed to
// answer (routing.h), each with a plain-words reason the asker sees, and each
// routed member gets a notification (notify::Notify, e-mail per their
// choice). Members answer; the asker marks the helpful answer, which solves
// the question and writes an `answered` interaction (asker, helper) to the
// ledger; the asker is notified of each answer.
//
//   QuestionService qs(db, clock);
//   auto q = qs.Ask(anja, {.title = "Hoe plannen jullie diensten?", .text = "...", .tags = {"roosters"}});
//   q->routes;                                   // whom it went to, and why
//   auto a = qs.AddAnswer(pieter, q->question.id, "Wij werken met ...");
//   qs.MarkHelpful(anja, q->question.id, a->id);
//
// Visibility: a question is visible to whoever may see its asker's profile
// (domain::Viewer::CanSee); it is routed only to members who consented to
// matchmaking and who may see the asker and be seen by them. An answer's
// author is shown only to viewers who may see the author (otherwise author_id
// 0 and no name). Routes (whom and why) are shown to the asker and organizers;
// a routed member sees only their own route.
//
// Errors (nothing changes): InvalidArgument naming the field (title 3..200,
// text ≤ 4000, ≤ 10 tags of ≤ 60, unknown sector, empty answer, answering your
// own question → "question_id", an answer of another question → "answer_id",
// a challenge that is not the asker's own → "challenge_id"),
// NotFound for a question or answer the viewer may not see, PermissionDenied
// when someone other than the asker marks an answer, Conflict when another
// answer was already marked helpful, or when the asker already has an open
// question about the same challenge (field "challenge_id", param
// "question_id": that question).
//
// Thread-safety: safe for concurrent use (pooled sessions; one analyzer per call).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/members.h"
#include "domain/viewer.h"
#include "storage/database.h"
#include "util/clock.h"

namespace verbinder::questions {

inline constexpr size_t kMaxTitle = 200;
inline constexpr size_t kMaxQuestionText = 4000;
inline constexpr size_t kMaxAnswerText = 4000;
inline constexpr size_t kMaxQuestionTags = 10;

struct QuestionInput {
  std::string title;
  std::string text;
  std::vector<std::string> tags;
  std::optional<std::string> sector;  // default: the asker's own sector
  // The asker's own profile challenge this question puts to the network
  // (the home page's "Ask the network"); 0 or absent: none.
  std::optional<int64_t> challenge_id = std::nullopt;
};

struct Route {
  int64_t member_id = 0;
  std::string name;
  std::string sector;
  int position = 0;  // 1 = best placed
  double score = 0;
  std::string reason_en, reason_nl;
};

struct Question {
  int64_t id = 0;
  int64_t asker_id = 0;
  std::string asker_name;
  std::string title, text;
  std::vector<std::string> tags;
  std::string sector;
  std::string status;  // open | solved
  int64_t helpful_answer_id = 0;
  int answer_count = 0;
  int64_t created_at = 0, updated_at = 0;
  int64_t challenge_id = 0;   // the asker's challenge it was asked about; 0: none
  bool routed_to_me = false;  // for the viewer
};

struct Answer {
  int64_t id = 0;
  int64_t question_id = 0;
  int64_t author_id = 0;  // 0 when the viewer may not see the author
  std::string author_name;
  std::string text;
  bool helpful = false;
  int64_t created_at = 0;
};

struct QuestionDetail {
  Question question;
  std::vector<Answer> answers;  // oldest first
  std::vector<Route> routes;    // asker/organizers: all; a routed member: their own
};

struct QuestionFilter {
  std::string status;         // "" | open | solved
  std::string q;              // words that must all occur in title, text or tags
  bool mine = false;          // asked by the viewer
  bool routed_to_me = false;  // routed to the viewer
  // Not answered by the viewer (yet). With routed_to_me and status "open":
  // the questions waiting for them — the home page's "Questions you could
  // answer" and the newsletter's (newsletter::Composer::Personal).
  bool unanswered_by_me = false;
  int limit = domain::kDefaultPageSize;
  int offset = 0;
};

class QuestionService {
 public:
  QuestionService(storage::Database& db, const Clock& clock, int route_count = 5)
      : db_(db), clock_(clock), route_count_(route_count) {}

  Result<QuestionDetail> Ask(const domain::Viewer& viewer, QuestionInput input);
  Result<QuestionDetail> Get(const domain::Viewer& viewer, int64_t id);
  Result<domain::Page<Question>> List(const domain::Viewer& viewer, const QuestionFilter& filter);
  Result<Answer> AddAnswer(const domain::Viewer& viewer, int64_t question_id, std::string text);
  Result<QuestionDetail> MarkHelpful(const domain::Viewer& viewer, int64_t question_id, int64_t answer_id);

 private:
  storage::Database& db_;
  const Clock& clock_;
  int route_count_;
};

}  // namespace verbinder::questions
