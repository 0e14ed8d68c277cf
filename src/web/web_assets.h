// The web UI's static files, embedded in the binary at build time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace verbinder::web {

struct Asset {
  std::string_view content_type;
  std::string_view body;
};

// The asset at a URL path ("/", "/app.js", ...), or nullopt.
std::optional<Asset> FindAsset(std::string_view path);

}  // namespace verbinder::web
