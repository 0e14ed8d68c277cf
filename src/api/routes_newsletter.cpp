// Routes of the newsletter area (being built).
#include "api/app.h"

namespace verbinder::api {

void RegisterNewsletterRoutes(App&) {}

}  // namespace verbinder::api
