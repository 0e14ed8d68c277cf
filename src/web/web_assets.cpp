#include "web/web_assets.h"

namespace verbinder::web {

std::optional<Asset> FindAsset(std::string_view) { return std::nullopt; }

}  // namespace verbinder::web
