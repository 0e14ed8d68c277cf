// Routes of the network_analysis area (being built).
#include "api/app.h"

namespace verbinder::api {

void RegisterNetworkAnalysisRoutes(App&) {}

}  // namespace verbinder::api
