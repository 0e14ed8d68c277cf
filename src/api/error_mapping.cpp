#include "api/error_mapping.h"

namespace verbinder::api {

int HttpStatusFor(Code code) {
  switch (code) {
    case Code::kOk: return 200;
    case Code::kInvalidArgument: return 400;
    case Code::kUnauthenticated: return 401;
    case Code::kPermissionDenied: return 403;
    case Code::kNotFound: return 404;
    case Code::kAlreadyExists: return 409;
    case Code::kConflict: return 409;
    case Code::kPayloadTooLarge: return 413;
    case Code::kUnsupportedMedia: return 415;
    case Code::kTooManyRequests: return 429;
    case Code::kUnavailable: return 503;
    case Code::kInternal: return 500;
  }
  return 500;
}

Response ErrorResponse(const Status& status) {
  Json err = {{"code", CodeName(status.code())}, {"message", status.message()}};
  err["field"] = status.field().empty() ? Json(nullptr) : Json(status.field());
  // Internal details stay in the log, not in the response.
  if (status.code() == Code::kInternal) err["message"] = "internal error";
  return Response::JsonBody({{"error", err}}, HttpStatusFor(status.code()));
}

}  // namespace verbinder::api
