// Calendar files for members: the invite of a registration (REQUEST while
// registered or waitlisted, CANCEL once cancelled), a personal feed behind a
// secret token (all one's events, scheduled meetings and agreed visits), and
// the public feed of upcoming public events.
//
//   CalendarService cal(db, clock);
//   auto token = cal.RotateFeedToken(anja);               // shown once
//   auto ics = cal.PersonalFeed(*token);                  // no sign-in needed
//
// Only a hash of the feed token is stored. Thread-safety: safe for concurrent use.
//
// Every file says only what its reader may know (issue #15): an ATTENDEE
// carries the reader's own e-mail address and no one else's, and a name only
// of a member the reader may see (else "een lid" / "a member"). Every VEVENT
// has an ORGANIZER: the network's sender address, never a member's
// (internal::CalendarReader below; meetings.cpp and visits.cpp use it too).
#pragma once

#include <map>
#include <string>

#include "domain/viewer.h"
#include "events/ical.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace soci {
class session;
}

namespace verbinder::events {

class CalendarService {
 public:
  CalendarService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The invite of member's registration (the member themself or the event's
  // organizers). UID "registration-<event>-<member>@verbinder", SEQUENCE =
  // event revision + registration revision. PARTSTAT ACCEPTED (registered),
  // NEEDS-ACTION (waitlisted, STATUS:TENTATIVE), DECLINED (cancelled, then
  // METHOD:CANCEL). The member's mailto: only for the member themself, or for
  // a platform organizer/admin who may see the member's profile (they see the
  // address there anyway), so a file made for the member can be sent to them.
  Result<std::string> RegistrationInvite(const domain::Viewer& viewer, model::Id event_id, model::Id member_id);
  // A new feed secret for the viewer; the old one stops working.
  Result<std::string> RotateFeedToken(const domain::Viewer& viewer);
  // NotFound (same message for every wrong token) unless the token is current.
  Result<std::string> PersonalFeed(const std::string& token);
  Result<std::string> PublicFeed();

 private:
  storage::Database& db_;
  const Clock& clock_;
};

namespace internal {

// Who reads a calendar file, and what it may tell them about the people in it
// (issue #15). Lives for one request inside one session; not thread-safe.
class CalendarReader {
 public:
  // A signed-in viewer (or anonymous: then no member is visible); the
  // language is the viewer's first profile language.
  CalendarReader(soci::session& sql, const domain::Viewer& viewer);
  // The owner of a feed token, with the role of their account.
  static CalendarReader OfMember(soci::session& sql, model::Id member);

  const domain::Viewer& viewer() const { return viewer_; }
  // `nl` for a reader whose first language is Dutch, else `en`.
  std::string T(const std::string& nl, const std::string& en) const { return dutch_ ? nl : en; }
  // domain::Viewer::CanSee for the member's current visibility.
  bool MaySee(model::Id member);
  // The member's name if the reader may see them, else "een lid" / "a member".
  std::string NameOf(model::Id member);
  // `text` with every mention of the member's name replaced by NameOf(member)
  // when the reader may not see them (stored meeting reasons name the
  // requester: "Henk Verborgen asked to meet you.").
  std::string Redact(std::string text, model::Id member);
  // The member's address if the reader may see it in the profile: their own,
  // or as a platform organizer/admin who may see the member; else "".
  std::string ProfileEmail(model::Id member);
  // An ATTENDEE taking part in the thing `uid` as `party` ("a", "host", …):
  // mailto: only for the reader themself; anyone else gets
  // urn:uuid:<hash of uid and party> — stable across updates of the thing and
  // telling nothing about who it is. CN = NameOf(member). RSVP=FALSE:
  // verbinder reads no iTIP REPLY; members answer in the app.
  CalPerson Attendee(model::Id member, const std::string& uid, const std::string& party, CalPartStat partstat);
  // The ORGANIZER: mailto: the network's sender address (mail.from_email,
  // else newsletter.from_email, else noreply@<host of mail.base_url>); CN =
  // the organizing member's name when the reader may see them (0 or hidden =
  // the sender name, mail.from_name).
  CalPerson Organizer(model::Id organizing_member);

 private:
  struct Known {
    std::string name, email;
    model::Visibility visibility = model::Visibility::kHidden;
    bool exists = false;
  };
  const Known& Load(model::Id member);

  soci::session& sql_;
  domain::Viewer viewer_;
  bool dutch_ = false;
  std::map<model::Id, Known> members_;
  std::string sender_email_, sender_name_;  // loaded on first use
};

// The first organizer of an event (lowest member id, as LoadEvent orders
// them), 0 when it has none.
model::Id FirstOrganizer(soci::session& sql, model::Id event_id);

}  // namespace internal

}  // namespace verbinder::events
