// The web UI's static files, embedded in the binary at build time
// (scripts/build-web.sh builds web/ into web/dist; src/web/embed_web.cmake embeds it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verbinder::web {

struct Asset {
  std::string_view content_type;
  std::string_view body;
};

// The asset at a URL path ("/", "/index.html", "/assets/main-3F2A.js", ...), or nullopt.
// "/" is the single-page app's index.html.
std::optional<Asset> FindAsset(std::string_view path);

// Every embedded URL path, sorted (includes "/index.html").
std::vector<std::string_view> AssetPaths();

// True for paths whose name carries a content hash (under /assets/): cacheable forever.
bool IsImmutable(std::string_view path);

}  // namespace verbinder::web
