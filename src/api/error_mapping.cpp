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

Response ErrorResponse(const Status& status) {
  // Internal details stay in the log, not in the response.
  const std::string message = status.code() == Code::kInternal ? "internal error" : status.message();
  Response r = ErrorResponse(HttpStatusFor(status.code()), CodeName(status.code()), message, status.field());
  if (status.code() == Code::kUnavailable) r.SetHeader("Retry-After", std::to_string(kRetryAfterSeconds));
  if (status.code() == Code::kTooManyRequests) r.SetHeader("Retry-After", std::to_string(domain::kThrottleWindow));
  return r;
}

Response ErrorResponse(int http_status, std::string_view code, const std::string& message, const std::string& field) {
  Json err = {{"code", code}, {"message", message}};
  err["field"] = field.empty() ? Json(nullptr) : Json(field);
  return Response::JsonBody({{"error", err}}, http_status);
}

}  // namespace verbinder::api
