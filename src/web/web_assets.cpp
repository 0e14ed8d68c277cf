#include "web/web_assets.h"

#include "web/embedded.h"

namespace verbinder::web {

std::optional<Asset> FindAsset(std::string_view path) {
  if (path == "/") path = "/index.html";
  for (const auto& f : EmbeddedFiles())
    if (f.path == path) return Asset{f.content_type, f.body};
  return std::nullopt;
}

std::vector<std::string_view> AssetPaths() {
  std::vector<std::string_view> out;
  for (const auto& f : EmbeddedFiles()) out.push_back(f.path);
  return out;
}

bool IsImmutable(std::string_view path) {
  return path.starts_with("/assets/");
}

}  // namespace verbinder::web
