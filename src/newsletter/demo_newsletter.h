// The newsletter side of the demo network, added after domain::LoadNetwork:
// the topic catalogue, knowledge articles by members and the leader (Dutch and
// English, published this month and last, one still waiting for approval; the
// texts are in demo/newsletter_content.h) and the subscribers — every member
// whose profile says yes to the newsletter (the profile choice is the
// subscription, subscriptions.h) plus a few readers who are no members — so
// that `verbinder newsletter compose --month <this month>` and the leader's
// preview show personal issues at once.
//
//   VB_ASSIGN_OR_RETURN(auto stats, newsletter::SeedDemoNewsletter(db, clock));
//
// Dates are relative to clock.Now(): "this month" is the month it falls in
// (Europe/Amsterdam) and this month's articles lie between its first day and
// now. The members' subscriptions are stored confirmed: in the demo every
// member's profile choice stands for a completed opt-in (nothing is mailed).
// Running it again adds nothing that is already there.
//
// Thread-safety: run once on a freshly loaded demo database.
#pragma once

#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::newsletter {

struct DemoNewsletterStats {
  int topics = 0;
  int articles_published = 0;
  int articles_submitted = 0;  // waiting for the leader's approval
  int member_subscribers = 0;  // confirmed, linked to their member
  int readers = 0;             // subscribers who are no members (any status)
};

Result<DemoNewsletterStats> SeedDemoNewsletter(storage::Database& db, const Clock& clock);

}  // namespace verbinder::newsletter
