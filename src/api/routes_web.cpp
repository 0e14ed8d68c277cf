// Routes of the web area (being built).
#include "api/app.h"

namespace verbinder::api {

void RegisterWebRoutes(App&) {}

}  // namespace verbinder::api
