// The questions side of the demo network, added after domain::LoadNetwork:
// three questions members put to the network, asked through QuestionService
// itself, so each is routed by the matching engine to the members best placed
// to answer, with the reasons, as a real question is. Anja asks about her
// growing waiting list (it reaches Pieter, the lean expert of the story); a
// teacher asks in English about students' self-reliance and a municipality
// about which residents' reports to handle first (both reach Anja, whose
// expertise is triage and self-reliance). So the demo's questions page, each
// member's "Questions you could answer" on the home page and in the
// newsletter, and the notifications are not empty on the first visit.
//
//   VB_ASSIGN_OR_RETURN(int asked, questions::SeedDemoQuestions(db, clock));
//
// The routed members get the notification, and its e-mail waits in the outbox
// like the demo's other notifications (the demo configures no mail server).
// Running it again adds nothing when the network already has questions.
//
// Thread-safety: run once on a freshly loaded demo database.
#pragma once

#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::questions {

// The number of questions asked (0 when there were questions already).
Result<int> SeedDemoQuestions(storage::Database& db, const Clock& clock);

}  // namespace verbinder::questions
