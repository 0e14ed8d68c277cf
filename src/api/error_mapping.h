// The one place where error codes become HTTP statuses and JSON error bodies:
//   {"error": {"code": "invalid_argument", "message": "...", "field": "email"}}
// A 503 carries Retry-After (kRetryAfterSeconds), a 429 the throttle window.
// Messages of internal errors never leave the server: "internal error".
#pragma once

#include <string>
#include <string_view>

#include "api/http.h"
#include "util/status.h"

namespace verbinder::api {

int HttpStatusFor(Code code);
Response ErrorResponse(const Status& status);

// An error the HTTP layer answers itself, with a status that has no Code
// (405 method_not_allowed, 414 uri_too_long, 431 headers_too_large,
// 501 not_implemented, ...), in the same JSON shape.
Response ErrorResponse(int http_status, std::string_view code, const std::string& message,
                       const std::string& field = {});

}  // namespace verbinder::api
