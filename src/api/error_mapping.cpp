#include "api/error_mapping.h"

#include "domain/accounts.h"

namespace verbinder::api {

int HttpStatusFor(Code code) {
  switch (code) {
    case Code::kOk:
      return 200;
    case Code::kInvalidArgument:
      return 400;
    case Code::kUnauthenticated:
      return 401;
    case Code::kPermissionDenied:
      return 403;
    case Code::kNotFound:
      return 404;
    case Code::kAlreadyExists:
      return 409;
    case Code::kConflict:
      return 409;
    case Code::kPayloadTooLarge:
      return 413;
    case Code::kUnsupportedMedia:
      return 415;
    case Code::kTooManyRequests:
      return 429;
    case Code::kUnavailable:
      return 503;
    case Code::kInternal:
      return 500;
  }
  return 500;
}

namespace {
Json ErrorJson(std::string_view code, const std::string& message, const std::string& field) {
  Json err = {{"code", code}, {"message", message}};
  err["field"] = field.empty() ? Json(nullptr) : Json(field);
  return err;
}
}  // namespace

Response ErrorResponse(const Status& status) {
  // Internal details stay in the log, not in the response.
  const bool internal = status.code() == Code::kInternal;
  Json err = ErrorJson(CodeName(status.code()), internal ? "internal error" : status.message(), status.field());
  if (!internal && !status.reason().empty()) {
    // The UI words the reason in the viewer's language (web/src/strings/errors.ts).
    err["reason"] = status.reason();
    Json params = Json::object();
    for (const auto& [name, value] : status.params()) params[name] = value;
    err["params"] = std::move(params);
  }
  Response r = Response::JsonBody({{"error", err}}, HttpStatusFor(status.code()));
  if (status.code() == Code::kUnavailable) r.SetHeader("Retry-After", std::to_string(kRetryAfterSeconds));
  if (status.code() == Code::kTooManyRequests) r.SetHeader("Retry-After", std::to_string(domain::kThrottleWindow));
  return r;
}

Response ErrorResponse(int http_status, std::string_view code, const std::string& message, const std::string& field) {
  return Response::JsonBody({{"error", ErrorJson(code, message, field)}}, http_status);
}

}  // namespace verbinder::api
