// The OpenAPI 3 document of the JSON API (src/api/openapi.json, embedded at
// build time). api_test checks it against the route table both ways.
#pragma once

#include <string>

namespace verbinder::api {

const std::string& OpenApiDocument();

}  // namespace verbinder::api
