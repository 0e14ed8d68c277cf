// The composition root: every service of the product built once, on one
// database and one clock, for the server and the CLI alike (issue #18).
// Routes and commands borrow services from here instead of constructing their
// own per request, so services that keep state (the meeting suggestions'
// cache, the subscription token key, the analysis caches) keep it.
//
//   app_services::Services services(db, clock);
//   services.articles.List(viewer, {});
//
// Thread-safety: every service here is safe to call from many threads at
// once (they hold the database and clock by reference and lease a pooled
// session per call; the ones with caches lock them).
#pragma once

#include "domain/accounts.h"
#include "domain/members.h"
#include "domain/network.h"
#include "events/calendar.h"
#include "events/encounters.h"
#include "events/events.h"
#include "events/learned_links.h"
#include "events/meetings.h"
#include "events/report.h"
#include "events/seating.h"
#include "events/visits.h"
#include "newsletter/articles.h"
#include "newsletter/subscriptions.h"
#include "notify/notifications.h"
#include "oidc/sign_in.h"
#include "questions/questions.h"
#include "storage/database.h"
#include "util/clock.h"

namespace verbinder::app_services {

struct Services {
  Services(storage::Database& db, const Clock& clock);
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  storage::Database& db;
  const Clock& clock;

  domain::MemberService members;
  domain::AccountService accounts;  // mails through the outbox; every module's member data registered
  domain::NetworkService network;

  events::EventService events;
  events::CalendarService calendar;
  events::MeetingService meetings;
  events::VisitService visits;
  events::SeatingService seating;
  events::ReportService reports;
  events::EncounterService encounters;
  events::FollowUpService follow_up;
  events::LearnedLinkService learned_links;

  newsletter::ArticleService articles;
  newsletter::SubscriptionService subscriptions;
  notify::NotificationService notifications;
  questions::QuestionService questions;
  oidc::SignInService oidc_sign_in;  // borrows `accounts` (declared above, so built first)
};

}  // namespace verbinder::app_services
