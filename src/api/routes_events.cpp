// Routes of the events area (being built).
#include "api/app.h"

namespace verbinder::api {

void RegisterEventsRoutes(App&) {}

}  // namespace verbinder::api
