// Routes of questions to the network (vraagstukken): ask (routed at once, the
// answer says to whom and why), list and search, one question with answers,
// answer, mark the helpful answer. The handlers parse input and map records
// to JSON; questions::QuestionService enforces every rule and visibility.
#include <memory>

#include "api/app.h"
#include "domain/json_codec.h"
#include "questions/questions.h"

namespace verbinder::api {
namespace {

Json ToJson(const questions::Question& q) {
  return {{"id", q.id},
          {"asker", {{"id", q.asker_id}, {"name", q.asker_name}}},
          {"title", q.title},
          {"text", q.text},
          {"tags", q.tags},
          {"sector", q.sector.empty() ? Json(nullptr) : Json(q.sector)},
          {"status", q.status},
          {"helpful_answer_id", q.helpful_answer_id ? Json(q.helpful_answer_id) : Json(nullptr)},
          {"answer_count", q.answer_count},
          {"routed_to_me", q.routed_to_me},
          {"challenge_id", q.challenge_id ? Json(q.challenge_id) : Json(nullptr)},
          {"created_at", q.created_at},
          {"updated_at", q.updated_at}};
}

Json ToJson(const questions::Answer& a) {
  Json author = a.author_id ? Json{{"id", a.author_id}, {"name", a.author_name}} : Json(nullptr);
  return {{"id", a.id},     {"question_id", a.question_id}, {"author", author},
          {"text", a.text}, {"helpful", a.helpful},         {"created_at", a.created_at}};
}

Json ToJson(const questions::QuestionDetail& d) {
  Json j = ToJson(d.question);
  Json answers = Json::array();
  for (const auto& a : d.answers) answers.push_back(ToJson(a));
  Json routes = Json::array();
  for (const auto& r : d.routes)
    routes.push_back({{"member", {{"id", r.member_id}, {"name", r.name}}},
                      {"sector", r.sector.empty() ? Json(nullptr) : Json(r.sector)},
                      {"position", r.position},
                      {"score", r.score},
                      {"reason", {{"en", r.reason_en}, {"nl", r.reason_nl}}}});
  j["answers"] = answers;
  j["routed_to"] = routes;
  return j;
}

Result<bool> QueryFlag(const Request& req, const std::string& name) {
  std::string v = QueryString(req, name);
  if (v.empty() || v == "false") return false;
  if (v == "true") return true;
  return InvalidArgument("must be true or false", name);
}

Status ParseQuestionInput(const Json& body, questions::QuestionInput& in) {
  VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"title", "text", "tags", "sector", "challenge_id"}));
  VB_ASSIGN_OR_RETURN(in.title, domain::GetString(body, "title", true));
  VB_ASSIGN_OR_RETURN(in.text, domain::GetString(body, "text", false));
  if (body.contains("tags") && !body["tags"].is_null()) {
    if (!body["tags"].is_array()) return InvalidArgument("must be an array of strings", "tags");
    for (size_t i = 0; i < body["tags"].size(); ++i) {
      if (!body["tags"][i].is_string()) return InvalidArgument("must be a string", "tags[" + std::to_string(i) + "]");
      in.tags.push_back(body["tags"][i].get<std::string>());
    }
  }
  if (body.contains("sector") && !body["sector"].is_null()) {
    VB_ASSIGN_OR_RETURN(std::string s, domain::GetString(body, "sector", false));
    in.sector = s;
  }
  if (body.contains("challenge_id") && !body["challenge_id"].is_null()) {
    VB_ASSIGN_OR_RETURN(int64_t c, domain::GetInt(body, "challenge_id", false));
    if (c <= 0) return InvalidArgument("must be the id of one of your challenges", "challenge_id");
    in.challenge_id = c;
  }
  return Status::Ok();
}

}  // namespace

void RegisterQuestionsRoutes(App& app) {
  questions::QuestionService* qs = &app.services().questions;

  app.Add(Method::kGet, "/api/v1/questions", Access::kMember, [qs](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(
        CheckQueryParams(ctx.req, {"status", "q", "mine", "routed_to_me", "unanswered_by_me", "limit", "offset"}));
    questions::QuestionFilter f;
    f.status = QueryString(ctx.req, "status");
    f.q = QueryString(ctx.req, "q");
    VB_ASSIGN_OR_RETURN(f.mine, QueryFlag(ctx.req, "mine"));
    VB_ASSIGN_OR_RETURN(f.routed_to_me, QueryFlag(ctx.req, "routed_to_me"));
    VB_ASSIGN_OR_RETURN(f.unanswered_by_me, QueryFlag(ctx.req, "unanswered_by_me"));
    VB_ASSIGN_OR_RETURN(f.limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(f.offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto page, qs->List(ctx.viewer, f));
    return Response::JsonBody(domain::PageToJson(page, [](const questions::Question& q) { return ToJson(q); }));
  });

  app.Add(Method::kPost, "/api/v1/questions", Access::kMember, [qs](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    if (!body.is_object()) return InvalidArgument("must be a JSON object", "body");
    questions::QuestionInput in;
    VB_RETURN_IF_ERROR(ParseQuestionInput(body, in));
    VB_ASSIGN_OR_RETURN(auto d, qs->Ask(ctx.viewer, std::move(in)));
    Response r = Response::JsonBody(ToJson(d), 201);
    r.headers.push_back({"Location", "/api/v1/questions/" + std::to_string(d.question.id)});
    return r;
  });

  app.Add(Method::kGet, "/api/v1/questions/:id", Access::kMember, [qs](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto d, qs->Get(ctx.viewer, id));
    return Response::JsonBody(ToJson(d));
  });

  app.Add(Method::kPost, "/api/v1/questions/:id/answers", Access::kMember, [qs](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    if (!body.is_object()) return InvalidArgument("must be a JSON object", "body");
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"text"}));
    VB_ASSIGN_OR_RETURN(std::string text, domain::GetString(body, "text", true));
    VB_ASSIGN_OR_RETURN(auto a, qs->AddAnswer(ctx.viewer, id, text));
    return Response::JsonBody(ToJson(a), 201);
  });

  app.Add(Method::kPost, "/api/v1/questions/:id/helpful", Access::kMember, [qs](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    if (!body.is_object()) return InvalidArgument("must be a JSON object", "body");
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"answer_id"}));
    VB_ASSIGN_OR_RETURN(int64_t answer, domain::GetInt(body, "answer_id", true));
    VB_ASSIGN_OR_RETURN(auto d, qs->MarkHelpful(ctx.viewer, id, answer));
    return Response::JsonBody(ToJson(d));
  });
}

}  // namespace verbinder::api
