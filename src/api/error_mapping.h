// The one place where error codes become HTTP statuses and JSON error bodies:
//   {"error": {"code": "invalid_argument", "message": "...", "field": "email"}}
#pragma once

#include "api/http.h"
#include "util/status.h"

namespace verbinder::api {

int HttpStatusFor(Code code);
Response ErrorResponse(const Status& status);

}  // namespace verbinder::api
