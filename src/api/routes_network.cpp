// /api/v1/connections, /api/v1/interactions (the ledger), ties.
#include "api/app.h"
#include "domain/json_codec.h"

namespace verbinder::api {
namespace {

std::optional<model::ConnectionStatus> ParseConnectionStatus(const std::string& s) {
  for (auto st :
       {model::ConnectionStatus::kPending, model::ConnectionStatus::kAccepted, model::ConnectionStatus::kDeclined,
        model::ConnectionStatus::kWithdrawn, model::ConnectionStatus::kRemoved})
    if (model::ToString(st) == s) return st;
  return std::nullopt;
}

}  // namespace

void RegisterNetworkRoutes(App& app) {
  app.Add(Method::kGet, "/api/v1/connections", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"status", "limit", "offset"}));
    std::optional<model::ConnectionStatus> status;
    if (std::string s = QueryString(ctx.req, "status"); !s.empty()) {
      status = ParseConnectionStatus(s);
      if (!status) return InvalidArgument("must be pending, accepted, declined, withdrawn or removed", "status");
    }
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(int offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto page, app.network().Connections(ctx.viewer, status, limit, offset));
    return Response::JsonBody(domain::PageToJson(page, [](const model::Connection& c) { return domain::ToJson(c); }));
  });

  app.Add(Method::kPost, "/api/v1/connections", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"to", "message"}));
    VB_ASSIGN_OR_RETURN(int64_t to, domain::GetInt(body, "to", true));
    VB_ASSIGN_OR_RETURN(std::string message, domain::GetString(body, "message", false));
    VB_ASSIGN_OR_RETURN(auto c, app.network().RequestConnection(ctx.viewer, to, message));
    return Response::JsonBody(domain::ToJson(c), 201);
  });

  struct Action {
    const char* name;
    Result<model::Connection> (domain::NetworkService::*fn)(const domain::Viewer&, model::Id);
  };
  for (Action a : {Action{"accept", &domain::NetworkService::AcceptConnection},
                   Action{"decline", &domain::NetworkService::DeclineConnection},
                   Action{"withdraw", &domain::NetworkService::WithdrawConnection},
                   Action{"remove", &domain::NetworkService::RemoveConnection}}) {
    app.Add(Method::kPost, std::string("/api/v1/connections/:id/") + a.name, Access::kMember,
            [&app, a](Ctx& ctx) -> Result<Response> {
              VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
              VB_ASSIGN_OR_RETURN(auto c, (app.network().*a.fn)(ctx.viewer, id));
              return Response::JsonBody(domain::ToJson(c));
            });
  }

  app.Add(Method::kGet, "/api/v1/interactions", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"member", "kind", "limit", "offset"}));
    domain::LedgerFilter f;
    if (std::string k = QueryString(ctx.req, "kind"); !k.empty()) {
      f.kind = model::ParseInteractionKind(k);
      if (!f.kind)
        return InvalidArgument("must be connected, answered, met_at_event, meeting_held or visit_held", "kind");
    }
    VB_ASSIGN_OR_RETURN(int member, QueryInt(ctx.req, "member", 0, 0, 2'000'000'000));
    f.member_id = member;
    VB_ASSIGN_OR_RETURN(f.limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(f.offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto page, app.network().Ledger(ctx.viewer, f));
    return Response::JsonBody(domain::PageToJson(page, [](const model::Interaction& i) { return domain::ToJson(i); }));
  });

  app.Add(Method::kPost, "/api/v1/interactions", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"a", "b", "kind", "at", "source", "event_id"}));
    model::Interaction in;
    VB_ASSIGN_OR_RETURN(in.a, domain::GetInt(body, "a", true));
    VB_ASSIGN_OR_RETURN(in.b, domain::GetInt(body, "b", true));
    VB_ASSIGN_OR_RETURN(std::string kind, domain::GetString(body, "kind", true));
    auto k = model::ParseInteractionKind(kind);
    if (!k) return InvalidArgument("must be connected, answered, met_at_event, meeting_held or visit_held", "kind");
    in.kind = *k;
    VB_ASSIGN_OR_RETURN(in.at, domain::GetInt(body, "at", false, 0));
    if (in.at < 0) return InvalidArgument("must be a Unix time in seconds", "at");
    VB_ASSIGN_OR_RETURN(in.source, domain::GetString(body, "source", false));
    if (in.source.empty()) in.source = "api";
    VB_ASSIGN_OR_RETURN(in.event_id, domain::GetInt(body, "event_id", false, 0));
    VB_ASSIGN_OR_RETURN(auto stored, app.network().Record(ctx.viewer, in));
    return Response::JsonBody(domain::ToJson(stored), 201);
  });

  app.Add(Method::kGet, "/api/v1/members/:id/ties", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"real", "limit", "offset"}));
    std::string real = QueryString(ctx.req, "real");
    if (!real.empty() && real != "true" && real != "false") return InvalidArgument("must be true or false", "real");
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(int offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto ties, app.network().TiesOf(ctx.viewer, id));
    domain::Page<model::Tie> page;
    std::vector<model::Tie> filtered;
    for (const auto& t : ties)
      if (real.empty() || t.real == (real == "true")) filtered.push_back(t);
    page.total = static_cast<int64_t>(filtered.size());
    page.limit = limit;
    page.offset = offset;
    for (size_t i = offset; i < filtered.size() && page.items.size() < static_cast<size_t>(limit); ++i)
      page.items.push_back(filtered[i]);
    return Response::JsonBody(domain::PageToJson(page, [&](const model::Tie& t) {
      Json j = domain::ToJson(t);
      j["member"] = t.a == id ? t.b : t.a;
      return j;
    }));
  });

  app.Add(Method::kGet, "/api/v1/ties/:a/:b", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t a, PathId(ctx, "a"));
    VB_ASSIGN_OR_RETURN(int64_t b, PathId(ctx, "b"));
    VB_ASSIGN_OR_RETURN(auto history, app.network().TieHistory(ctx.viewer, a, b));
    auto ties = model::DeriveTies(history);
    Json j =
        ties.empty()
            ? Json{{"a", std::min(a, b)}, {"b", std::max(a, b)}, {"strength", 0}, {"real", false}, {"interactions", 0}}
            : domain::ToJson(ties[0]);
    j["history"] = Json::array();
    for (const auto& in : history) j["history"].push_back(domain::ToJson(in));
    return Response::JsonBody(j);
  });
}

}  // namespace verbinder::api
