// Every iCalendar file the events services produce, read back with a real
// parser (python3-icalendar, testdata/check_ics.py): ORGANIZER in each invite,
// PARTSTAT per state, one UID per thing with a growing SEQUENCE, METHOD:CANCEL
// with STATUS:CANCELLED — issue #16 — and only what the reader may know:
// their own e-mail address and no one else's, no hidden member's name — #15.
// SQLite; PostgreSQL with VERBINDER_TEST_BACKEND=postgres.
#include <algorithm>
#include <set>

#include <soci/soci.h>

#include "events/test_util.h"

namespace verbinder::events {
namespace {

using domain::Viewer;
using nlohmann::json;
using testing::kHour;
using testing::kNow;

constexpr const char* kNoReply = "noreply@localhost";  // no sender configured, default base URL

class IcalTest : public testing::EventsFixture {
 protected:
  void SetUp() override {
    EventsFixture::SetUp();
    anja_ = Make("Anja Kamphuis", "care", "Thuiszorg De Noaber", model::Visibility::kMembers, {"wound care"},
                 "Our waiting lists keep growing");
    pieter_ = Make("Pieter Lammerink", "industry", "TPO Almelo", model::Visibility::kMembers, {"lean", "planning"},
                   "Interns drop out of our technical training");
    henk_ = Make("Henk Verborgen", "industry", "Stil BV", model::Visibility::kHidden, {"planning"}, "Waiting lists");
    lotte_ = *members_->Get(Viewer::System(), leader_.member_id);
  }

  void SetSetting(const std::string& key, const std::string& value) {
    soci::session sql(db_->pool());
    sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(key), soci::use(value);
  }

  void SpeakDutch(model::Member& m) {
    m.languages = {"nl"};
    ASSERT_TRUE(members_->Update(Viewer::System(), m).ok());
  }

  // An event organised by Lotte, every given member registered.
  EventInfo Borrel(const std::vector<model::Member>& who, int capacity = 0) {
    EventInfo info;
    info.event.title = "Netwerkborrel";
    info.event.kind = model::EventKind::kCongress;
    info.event.starts_at = kNow + 7 * 24 * kHour;
    info.event.ends_at = info.event.starts_at + 8 * kHour;
    info.event.location = "Hengelo, De Waag";
    info.event.capacity = capacity;
    info.organizers = {leader_.member_id};
    auto ev = events_->Create(leader_, info);
    EXPECT_TRUE(ev.ok()) << ev.status().ToString();
    if (!ev.ok()) return info;
    for (const auto& m : who) EXPECT_TRUE(events_->Register(As(m), ev->event.id, m.id).ok());
    return *ev;
  }

  // A round of `slots` 15-minute slots, one table, one meeting per person.
  Round MakeRound(const EventInfo& ev, int slots) {
    Round r;
    r.title = "Borrel";
    r.tables = 1;
    r.max_meetings = 1;
    for (int s = 0; s < slots; ++s) {
      const int64_t at = ev.event.starts_at + 4 * kHour + s * 1200;
      r.slots.push_back({0, at, at + 900});
    }
    auto created = meetings_->CreateRound(leader_, ev.event.id, r);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? *created : r;
  }

  // `from` asks `to` for a 1:1, `to` accepts, the round is scheduled: the meeting.
  ScheduledMeeting Meet(const EventInfo& ev, const Round& round, const model::Member& from, const model::Member& to) {
    auto r = meetings_->Request(As(from), ev.event.id, to.id, "Lead times?");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_TRUE(meetings_->Respond(As(to), r->id, RequestAction::kAccept).ok());
    EXPECT_TRUE(meetings_->AutoSchedule(leader_, round.id).ok());
    auto mine = *meetings_->MySchedule(As(from), ev.event.id);
    EXPECT_EQ(mine.size(), 1u);
    return mine.empty() ? ScheduledMeeting{} : mine[0];
  }

  static std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  }

  // Issue #15: no mailto: but the reader's own and the network's sender, and
  // no other member's address anywhere in the file.
  void ExpectOnlyOwnAddress(const json& doc, const model::Member& reader, const std::string& sender = kNoReply) {
    for (const auto& m : doc["mailtos"])
      EXPECT_TRUE(m == Lower(reader.email) || m == sender) << "mailto:" << m << " in a file for " << reader.name;
    const std::string text = doc["text"];
    for (const auto& other : {anja_, pieter_, henk_, lotte_})
      if (other.id != reader.id) EXPECT_EQ(text.find(other.email), std::string::npos) << other.email << " in\n" << text;
  }

  static void ExpectNotNamed(const json& doc, const model::Member& hidden) {
    const std::string text = doc["text"];
    EXPECT_EQ(text.find(hidden.name), std::string::npos) << text;
    EXPECT_EQ(text.find("Verborgen"), std::string::npos) << text;
  }

  // ORGANIZER of an invite or feed entry: the sender's mailto: with a CN.
  static void ExpectOrganizer(const json& event, const std::string& sender, const std::string& cn) {
    ASSERT_TRUE(event["organizer_params"].is_object()) << event.dump();
    EXPECT_EQ(event["organizer_params"]["address"], "mailto:" + sender);
    EXPECT_EQ(event["organizer_params"]["cn"], cn);
  }

  // The one ATTENDEE whose CN is `cn`.
  static json AttendeeNamed(const json& event, const std::string& cn) {
    for (const auto& a : event["attendee_params"])
      if (a.value("cn", "") == cn) return a;
    ADD_FAILURE() << "no ATTENDEE with CN " << cn << " in " << event.dump();
    return json::object();
  }

  model::Member anja_, pieter_, henk_, lotte_;
};

// issue_16: registration invites had no ORGANIZER (RFC 5546) and one fixed
// PARTSTAT; the cancel must be METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE+1.
TEST_F(IcalTest, Issue16EventInviteAndCancelHaveOrganizerPartstatAndGrowingSequence) {
  EventInfo ev = Borrel({anja_, pieter_}, 1);  // Pieter is on the waitlist
  auto first = calendar_->RegistrationInvite(As(anja_), ev.event.id, anja_.id);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto waiting = calendar_->RegistrationInvite(As(pieter_), ev.event.id, pieter_.id);
  ASSERT_TRUE(waiting.ok());
  ev.event.location = "Enschede, Performance Factory";
  ASSERT_TRUE(events_->Update(leader_, ev).ok());
  auto moved = calendar_->RegistrationInvite(As(anja_), ev.event.id, anja_.id);
  ASSERT_TRUE(events_->Cancel(As(anja_), ev.event.id, anja_.id).ok());  // promotes Pieter
  auto cancelled = calendar_->RegistrationInvite(As(anja_), ev.event.id, anja_.id);
  ASSERT_TRUE(cancelled.ok());
  auto promoted = calendar_->RegistrationInvite(As(pieter_), ev.event.id, pieter_.id);
  ASSERT_TRUE(promoted.ok());

  auto docs = ParseIcs({*first, *moved, *cancelled, *waiting, *promoted});
  ASSERT_EQ(docs.size(), 5u);
  const std::string uid = "registration-" + std::to_string(ev.event.id) + "-" + std::to_string(anja_.id) + "@verbinder";
  const std::vector<std::string> methods = {"REQUEST", "REQUEST", "CANCEL", "REQUEST", "REQUEST"};
  const std::vector<std::string> statuses = {"CONFIRMED", "CONFIRMED", "CANCELLED", "TENTATIVE", "CONFIRMED"};
  const std::vector<std::string> partstats = {"ACCEPTED", "ACCEPTED", "DECLINED", "NEEDS-ACTION", "ACCEPTED"};
  for (size_t i = 0; i < docs.size(); ++i) {
    SCOPED_TRACE(i);
    const auto& d = docs[i];
    const auto& reader = i < 3 ? anja_ : pieter_;
    EXPECT_EQ(d["method"], methods[i]);
    ASSERT_EQ(d["events"].size(), 1u);
    const auto& e = d["events"][0];
    EXPECT_EQ(e["status"], statuses[i]);
    ExpectOrganizer(e, kNoReply, "Lotte Leider");
    ASSERT_EQ(e["attendee_params"].size(), 1u);
    const auto& a = e["attendee_params"][0];
    EXPECT_EQ(a["address"], "mailto:" + reader.email);
    EXPECT_EQ(a["cn"], reader.name);
    EXPECT_EQ(a["partstat"], partstats[i]);
    EXPECT_EQ(a["role"], "REQ-PARTICIPANT");
    EXPECT_EQ(a["rsvp"], "FALSE");
    ExpectOnlyOwnAddress(d, reader);
  }
  for (int i : {0, 1, 2}) EXPECT_EQ(docs[i]["events"][0]["uid"], uid);
  const int s0 = docs[0]["events"][0]["sequence"], s1 = docs[1]["events"][0]["sequence"],
            s2 = docs[2]["events"][0]["sequence"];
  EXPECT_LT(s0, s1);      // the event changed
  EXPECT_EQ(s2, s1 + 1);  // cancelled: one more
  EXPECT_EQ(docs[3]["events"][0]["uid"], docs[4]["events"][0]["uid"]);
  EXPECT_GT(docs[4]["events"][0]["sequence"].get<int>(), docs[3]["events"][0]["sequence"].get<int>());
}

// issue_16: the ORGANIZER address is the configured sender, else
// noreply@<host of the public URL>; never an organizer's own address.
TEST_F(IcalTest, Issue16OrganizerIsTheConfiguredSenderElseNoReplyAtTheHost) {
  EventInfo ev = Borrel({anja_});
  SetSetting("mail.from_email", "nieuwsbrief@verbinder.invalid");  // the unconfigured placeholder: not used
  SetSetting("mail.base_url", "https://Verbinder.NetwerkTwente.nl:8443/app/");
  auto host_only = calendar_->RegistrationInvite(As(anja_), ev.event.id, anja_.id);
  ASSERT_TRUE(host_only.ok());
  {
    soci::session sql(db_->pool());
    sql << "UPDATE settings SET value = 'Agenda@NetwerkTwente.nl' WHERE key = 'mail.from_email'";
  }
  SetSetting("mail.from_name", "Netwerk Twente");
  auto configured = calendar_->RegistrationInvite(As(anja_), ev.event.id, anja_.id);
  ASSERT_TRUE(configured.ok());
  auto pub = calendar_->PublicFeed();
  ASSERT_TRUE(pub.ok());
  auto docs = ParseIcs({*host_only, *configured, *pub});
  ExpectOrganizer(docs[0]["events"][0], "noreply@verbinder.netwerktwente.nl", "Lotte Leider");
  ExpectOrganizer(docs[1]["events"][0], "Agenda@NetwerkTwente.nl", "Lotte Leider");
  ExpectOnlyOwnAddress(docs[1], anja_, "agenda@netwerktwente.nl");
  // The public feed: the network's name, no member's name or address.
  ASSERT_EQ(docs[2]["events"].size(), 1u);
  ExpectOrganizer(docs[2]["events"][0], "Agenda@NetwerkTwente.nl", "Netwerk Twente");
  EXPECT_TRUE(docs[2]["events"][0]["attendee_params"].empty());
  EXPECT_EQ(docs[2]["mailtos"], json::array({"agenda@netwerktwente.nl"}));
  EXPECT_EQ(docs[2]["text"].get<std::string>().find("Lotte"), std::string::npos);
}

// issue_15: an organizer who makes a member's invite (to send it to them) gets
// the address their profile shows them; a hidden member's neither name nor address.
TEST_F(IcalTest, Issue15AnOrganizersCopyOfAnInviteShowsOnlyWhatTheProfileShows) {
  EventInfo ev = Borrel({anja_, henk_});
  auto for_anja = calendar_->RegistrationInvite(leader_, ev.event.id, anja_.id);
  auto for_henk = calendar_->RegistrationInvite(leader_, ev.event.id, henk_.id);
  ASSERT_TRUE(for_anja.ok());
  ASSERT_TRUE(for_henk.ok());
  auto docs = ParseIcs({*for_anja, *for_henk});
  EXPECT_EQ(docs[0]["events"][0]["attendee_params"][0]["address"], "mailto:" + anja_.email);
  const auto& hidden = docs[1]["events"][0]["attendee_params"][0];
  EXPECT_EQ(hidden["address"].get<std::string>().rfind("urn:uuid:", 0), 0u) << hidden.dump();
  EXPECT_EQ(hidden["cn"], "a member");
  EXPECT_EQ(docs[1]["mailtos"], json::array({kNoReply}));
  ExpectNotNamed(docs[1], henk_);
}

// issue_15: Anja's meeting invite carried her partner's mailto:, whose profile
// does not show her that address. issue_16: and it had no ORGANIZER.
TEST_F(IcalTest, Issue15MeetingInviteCarriesOnlyTheViewersOwnAddress) {
  EventInfo ev = Borrel({anja_, pieter_});
  Round round = MakeRound(ev, 1);
  ScheduledMeeting m = Meet(ev, round, anja_, pieter_);
  auto mine = meetings_->MeetingInvite(As(anja_), m.id);
  auto his = meetings_->MeetingInvite(As(pieter_), m.id);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ASSERT_TRUE(his.ok());
  auto docs = ParseIcs({*mine, *his});
  const std::string uid = "meeting-" + std::to_string(m.id) + "@verbinder";
  for (int i : {0, 1}) {
    SCOPED_TRACE(i);
    const auto& reader = i == 0 ? anja_ : pieter_;
    const auto& other = i == 0 ? pieter_ : anja_;
    EXPECT_EQ(docs[i]["method"], "REQUEST");
    const auto& e = docs[i]["events"][0];
    EXPECT_EQ(e["uid"], uid);
    EXPECT_EQ(e["status"], "CONFIRMED");
    ExpectOrganizer(e, kNoReply, "Lotte Leider");
    EXPECT_EQ(e["summary"], "1:1 with " + other.name + " (Netwerkborrel)");
    ASSERT_EQ(e["attendee_params"].size(), 2u);
    auto own = AttendeeNamed(e, reader.name), partner = AttendeeNamed(e, other.name);
    EXPECT_EQ(own["address"], "mailto:" + reader.email);
    EXPECT_EQ(partner["address"].get<std::string>().rfind("urn:uuid:", 0), 0u) << partner.dump();
    for (const auto& a : {own, partner}) {
      EXPECT_EQ(a["partstat"], "ACCEPTED");
      EXPECT_EQ(a["role"], "REQ-PARTICIPANT");
    }
    ExpectOnlyOwnAddress(docs[i], reader);
  }
  EXPECT_EQ(docs[0]["events"][0]["sequence"], docs[1]["events"][0]["sequence"]);
}

// issue_15: a hidden partner's name was in the SUMMARY and as ATTENDEE CN.
// The placeholder is in the reader's language.
TEST_F(IcalTest, Issue15HiddenPartnerIsNeitherNamedNorAddressed) {
  SpeakDutch(anja_);
  EventInfo ev = Borrel({anja_, henk_});
  Round round = MakeRound(ev, 1);
  ScheduledMeeting m = Meet(ev, round, henk_, anja_);  // Henk sees Anja; Anja does not see Henk
  auto mine = meetings_->MeetingInvite(As(anja_), m.id);
  auto his = meetings_->MeetingInvite(As(henk_), m.id);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ASSERT_TRUE(his.ok());
  auto token = calendar_->RotateFeedToken(As(anja_));
  ASSERT_TRUE(token.ok());
  auto feed = calendar_->PersonalFeed(*token);
  ASSERT_TRUE(feed.ok()) << feed.status().ToString();
  auto docs = ParseIcs({*mine, *feed, *his});

  const auto& e = docs[0]["events"][0];
  EXPECT_EQ(e["summary"], "1:1 met een lid (Netwerkborrel)");
  // The stored reason named him ("Henk Verborgen asked to meet you.").
  EXPECT_EQ(e["description"].get<std::string>().rfind("Een lid ", 0), 0u) << e["description"];
  EXPECT_NE(e["location"].get<std::string>().find("tafel 1"), std::string::npos);
  ASSERT_EQ(e["attendee_params"].size(), 2u);
  EXPECT_EQ(AttendeeNamed(e, "een lid")["address"].get<std::string>().rfind("urn:uuid:", 0), 0u);
  EXPECT_EQ(AttendeeNamed(e, anja_.name)["address"], "mailto:" + anja_.email);
  ExpectNotNamed(docs[0], henk_);
  ExpectOnlyOwnAddress(docs[0], anja_);

  // The feed shows the same meeting the same way, with the same UID and SEQUENCE.
  const json* in_feed = nullptr;
  for (const auto& fe : docs[1]["events"])
    if (fe["uid"] == e["uid"]) in_feed = &fe;
  ASSERT_NE(in_feed, nullptr) << docs[1].dump();
  EXPECT_EQ((*in_feed)["summary"], e["summary"]);
  EXPECT_EQ((*in_feed)["sequence"], e["sequence"]);
  EXPECT_EQ((*in_feed)["attendee_params"], e["attendee_params"]);  // the partner's urn: is stable too
  ExpectNotNamed(docs[1], henk_);
  ExpectOnlyOwnAddress(docs[1], anja_);

  // Henk may see Anja: her name, not her address.
  EXPECT_EQ(docs[2]["events"][0]["summary"], "1:1 with Anja Kamphuis (Netwerkborrel)");
  ExpectOnlyOwnAddress(docs[2], henk_);
}

// issue_16: a meeting keeps its UID through a move and its cancellation;
// each change is one SEQUENCE more; the cancel is METHOD:CANCEL; a partner
// who cancelled their registration has PARTSTAT=DECLINED.
// Issue #17 with #15: the schedule words the reason in the language asked for
// (both are stored), and a hidden requester is masked in that language.
TEST_F(IcalTest, Issue17ReasonInTheLanguageAskedWithTheHiddenRequesterMasked) {
  EventInfo ev = Borrel({anja_, henk_});
  Round round = MakeRound(ev, 1);
  ScheduledMeeting m = Meet(ev, round, henk_, anja_);  // Anja does not see Henk
  ASSERT_NE(m.id, 0);
  auto en = meetings_->MySchedule(As(anja_), ev.event.id, "en");
  auto nl = meetings_->MySchedule(As(anja_), ev.event.id, "nl");
  ASSERT_TRUE(en.ok() && nl.ok());
  ASSERT_EQ(en->size(), 1u);
  ASSERT_EQ(nl->size(), 1u);
  EXPECT_EQ((*en)[0].why, "A member asked to meet you.");
  EXPECT_EQ((*nl)[0].why, "Een lid vroeg om een gesprek met jou.");
  // Henk sees Anja, and his own reason in each language.
  EXPECT_EQ((*meetings_->MySchedule(As(henk_), ev.event.id, "en"))[0].why, "You asked to meet Anja Kamphuis.");
  EXPECT_EQ((*meetings_->MySchedule(As(henk_), ev.event.id, "nl"))[0].why,
            "Je vroeg om een gesprek met Anja Kamphuis.");
  // The organizer's sheets: Anja's sheet in English masks nobody the leader may see.
  auto all = meetings_->AllSchedules(leader_, ev.event.id, "en");
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  for (const auto& p : *all)
    for (const auto& mt : p.meetings) EXPECT_EQ(mt.why.find("gesprek"), std::string::npos) << mt.why;
}

TEST_F(IcalTest, Issue16MeetingMovedAndCancelledAfterSlotRemovalOrRegistrationCancel) {
  auto carla = Make("Carla Smit", "education", "ROC Twente");
  auto dirk = Make("Dirk Jansen", "industry", "Energie BV");
  EventInfo ev = Borrel({anja_, pieter_, carla, dirk});
  Round round = MakeRound(ev, 2);
  ScheduledMeeting m = Meet(ev, round, anja_, pieter_);
  auto second = Meet(ev, round, carla, dirk);
  auto before = meetings_->MeetingInvite(As(anja_), m.id);
  ASSERT_TRUE(before.ok());

  // Moving its slot: an update (REQUEST) with the same UID, one SEQUENCE more.
  Round now = *meetings_->GetRound(leader_, round.id);
  const Slot slot = *std::find_if(now.slots.begin(), now.slots.end(), [&](const Slot& s) { return s.id == m.slot_id; });
  ASSERT_TRUE(meetings_->MoveSlot(leader_, round.id, slot.id, slot.starts_at + 60, slot.ends_at + 60).ok());
  auto moved = meetings_->MeetingInvite(As(anja_), m.id);
  ASSERT_TRUE(moved.ok());

  // Removing its slot while Anja cannot make the other one: cancelled.
  const Id other_slot = now.slots[0].id == slot.id ? now.slots[1].id : now.slots[0].id;
  ASSERT_TRUE(meetings_->SetUnavailable(As(anja_), round.id, {other_slot}).ok());
  ASSERT_TRUE(meetings_->RemoveSlot(leader_, round.id, slot.id).ok());
  auto removed = meetings_->MeetingInvite(As(anja_), m.id);
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();

  // Carla cancels her registration: Dirk's meeting with her is cancelled.
  auto dirk_before = meetings_->MeetingInvite(As(dirk), second.id);
  ASSERT_TRUE(dirk_before.ok());
  ASSERT_TRUE(events_->Cancel(As(carla), ev.event.id, carla.id).ok());
  auto dirk_after = meetings_->MeetingInvite(As(dirk), second.id);
  ASSERT_TRUE(dirk_after.ok());

  auto docs = ParseIcs({*before, *moved, *removed, *dirk_before, *dirk_after});
  const auto seq = [&](int i) { return docs[i]["events"][0]["sequence"].get<int>(); };
  EXPECT_EQ(docs[0]["method"], "REQUEST");
  EXPECT_EQ(docs[1]["method"], "REQUEST");
  EXPECT_EQ(docs[1]["events"][0]["start"], slot.starts_at + 60);
  EXPECT_EQ(seq(1), seq(0) + 1);
  EXPECT_EQ(docs[2]["method"], "CANCEL");
  EXPECT_EQ(docs[2]["events"][0]["status"], "CANCELLED");
  EXPECT_EQ(seq(2), seq(1) + 1);
  for (int i : {1, 2}) EXPECT_EQ(docs[i]["events"][0]["uid"], docs[0]["events"][0]["uid"]);
  for (int i : {0, 1, 2}) {
    ExpectOrganizer(docs[i]["events"][0], kNoReply, "Lotte Leider");
    ExpectOnlyOwnAddress(docs[i], anja_);
  }

  EXPECT_EQ(docs[3]["method"], "REQUEST");
  EXPECT_EQ(docs[4]["method"], "CANCEL");
  EXPECT_EQ(docs[4]["events"][0]["status"], "CANCELLED");
  EXPECT_EQ(docs[4]["events"][0]["uid"], docs[3]["events"][0]["uid"]);
  EXPECT_EQ(seq(4), seq(3) + 1);
  ExpectOrganizer(docs[4]["events"][0], kNoReply, "Lotte Leider");
  EXPECT_EQ(AttendeeNamed(docs[4]["events"][0], "Carla Smit")["partstat"], "DECLINED");
  EXPECT_EQ(AttendeeNamed(docs[4]["events"][0], "Dirk Jansen")["partstat"], "ACCEPTED");
  EXPECT_EQ(docs[4]["mailtos"], json::array({Lower(dirk.email), kNoReply}));
}

// issue_16 / issue_15: the visit invite's ORGANIZER was the host's own
// address, shown to the visitor; now the sender's, with the host's name.
TEST_F(IcalTest, Issue16VisitInviteAndCancelKeepUidGrowSequenceAndHideAddresses) {
  for (auto* m : {&pieter_, &henk_}) {
    m->hosts_visits = true;
    m->visit_location = "Almelo, hal 3";
    ASSERT_TRUE(members_->Update(Viewer::System(), *m).ok());
  }
  const int64_t d1 = kNow + 10 * 86400;
  auto v = visits_->Request(As(anja_), pieter_.id, "How do you shorten lead times?", {d1}, 7200);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  ASSERT_TRUE(visits_->Accept(As(pieter_), v->id, d1).ok());
  auto visitor = visits_->Invite(As(anja_), v->id);
  auto host = visits_->Invite(As(pieter_), v->id);
  ASSERT_TRUE(visitor.ok());
  ASSERT_TRUE(host.ok());
  auto token = calendar_->RotateFeedToken(As(anja_));
  auto feed = calendar_->PersonalFeed(*token);
  ASSERT_TRUE(feed.ok());
  ASSERT_TRUE(visits_->Cancel(As(pieter_), v->id).ok());
  auto cancelled = visits_->Invite(As(anja_), v->id);
  ASSERT_TRUE(cancelled.ok());
  // A hidden visitor (Henk may see Pieter; Pieter may not see Henk): Pieter's
  // invite names nobody hidden.
  auto hv = visits_->Request(As(henk_), pieter_.id, "Kijken", {d1 + 86400}, 3600);
  ASSERT_TRUE(hv.ok()) << hv.status().ToString();
  ASSERT_TRUE(visits_->Accept(As(pieter_), hv->id, d1 + 86400).ok());
  auto hidden_visitor = visits_->Invite(As(pieter_), hv->id);
  ASSERT_TRUE(hidden_visitor.ok());

  auto docs = ParseIcs({*visitor, *host, *cancelled, *feed, *hidden_visitor});
  const std::string uid = "visit-" + std::to_string(v->id) + "@verbinder";
  for (int i : {0, 1, 2}) {
    SCOPED_TRACE(i);
    const auto& reader = i == 1 ? pieter_ : anja_;
    const auto& e = docs[i]["events"][0];
    EXPECT_EQ(e["uid"], uid);
    ExpectOrganizer(e, kNoReply, "Pieter Lammerink");
    ASSERT_EQ(e["attendee_params"].size(), 2u);
    EXPECT_EQ(AttendeeNamed(e, reader.name)["address"], "mailto:" + reader.email);
    for (const auto& a : e["attendee_params"]) EXPECT_EQ(a["partstat"], "ACCEPTED");
    ExpectOnlyOwnAddress(docs[i], reader);
  }
  EXPECT_EQ(docs[0]["method"], "REQUEST");
  EXPECT_EQ(docs[0]["events"][0]["summary"], "Visit: Anja Kamphuis at Pieter Lammerink");
  EXPECT_EQ(docs[2]["method"], "CANCEL");
  EXPECT_EQ(docs[2]["events"][0]["status"], "CANCELLED");
  EXPECT_EQ(docs[2]["events"][0]["sequence"].get<int>(), docs[0]["events"][0]["sequence"].get<int>() + 1);
  // In the feed: the same visit, same UID and SEQUENCE, the same people.
  ASSERT_EQ(docs[3]["events"].size(), 1u);
  const auto& fe = docs[3]["events"][0];
  EXPECT_EQ(fe["uid"], uid);
  EXPECT_EQ(fe["sequence"], docs[0]["events"][0]["sequence"]);
  EXPECT_EQ(fe["attendee_params"], docs[0]["events"][0]["attendee_params"]);
  ExpectOrganizer(fe, kNoReply, "Pieter Lammerink");
  ExpectOnlyOwnAddress(docs[3], anja_);

  const auto& he = docs[4]["events"][0];
  EXPECT_EQ(he["summary"], "Visit: a member at Pieter Lammerink");
  EXPECT_EQ(AttendeeNamed(he, "a member")["address"].get<std::string>().rfind("urn:uuid:", 0), 0u);
  ExpectNotNamed(docs[4], henk_);
  ExpectOnlyOwnAddress(docs[4], pieter_);
}

// issue_15 / issue_16: the personal feed (PUBLISH) — every entry with an
// ORGANIZER, the owner as the one mailto: ATTENDEE with the right PARTSTAT,
// the UID and SEQUENCE of the matching invite; the public feed names no member.
TEST_F(IcalTest, Issue15PersonalAndPublicFeedsShowOnlyWhatTheReaderMayKnow) {
  EventInfo full = Borrel({pieter_}, 1);
  ASSERT_TRUE(events_->Register(As(anja_), full.event.id, anja_.id).ok());  // waitlisted
  EventInfo ev = Borrel({anja_, pieter_});
  Round round = MakeRound(ev, 1);
  ScheduledMeeting m = Meet(ev, round, anja_, pieter_);
  auto invite = meetings_->MeetingInvite(As(anja_), m.id);
  auto reg = calendar_->RegistrationInvite(As(anja_), ev.event.id, anja_.id);
  auto token = calendar_->RotateFeedToken(As(anja_));
  auto feed = calendar_->PersonalFeed(*token);
  auto pub = calendar_->PublicFeed();
  ASSERT_TRUE(invite.ok());
  ASSERT_TRUE(reg.ok());
  ASSERT_TRUE(feed.ok()) << feed.status().ToString();
  ASSERT_TRUE(pub.ok());
  auto docs = ParseIcs({*feed, *invite, *reg, *pub});
  EXPECT_EQ(docs[0]["method"], "PUBLISH");
  ASSERT_EQ(docs[0]["events"].size(), 3u);  // two registrations and the meeting
  std::set<std::string> uids;
  for (const auto& e : docs[0]["events"]) {
    SCOPED_TRACE(e["uid"].get<std::string>());
    uids.insert(e["uid"]);
    ExpectOrganizer(e, kNoReply, "Lotte Leider");
    const auto own = AttendeeNamed(e, anja_.name);
    EXPECT_EQ(own["address"], "mailto:" + anja_.email);
    const std::string uid = e["uid"];
    if (uid.rfind("registration-" + std::to_string(full.event.id) + "-", 0) == 0) {
      EXPECT_EQ(e["status"], "TENTATIVE");
      EXPECT_EQ(own["partstat"], "NEEDS-ACTION");
    } else {
      EXPECT_EQ(e["status"], "CONFIRMED");
      EXPECT_EQ(own["partstat"], "ACCEPTED");
    }
    for (const json& other : {docs[1]["events"][0], docs[2]["events"][0]})
      if (other["uid"] == e["uid"]) {
        EXPECT_EQ(e["sequence"], other["sequence"]);
        EXPECT_EQ(e["attendee_params"], other["attendee_params"]);
      }
  }
  EXPECT_TRUE(uids.count(docs[1]["events"][0]["uid"]));
  EXPECT_TRUE(uids.count(docs[2]["events"][0]["uid"]));
  ExpectOnlyOwnAddress(docs[0], anja_);

  EXPECT_EQ(docs[3]["method"], "PUBLISH");
  ASSERT_EQ(docs[3]["events"].size(), 2u);
  for (const auto& e : docs[3]["events"]) {
    ExpectOrganizer(e, kNoReply, "verbinder");  // anonymous readers see no member's name
    EXPECT_TRUE(e["attendee_params"].empty());
  }
  EXPECT_EQ(docs[3]["mailtos"], json::array({kNoReply}));
  for (const auto& who : {anja_, pieter_, lotte_})
    EXPECT_EQ(docs[3]["text"].get<std::string>().find(who.name), std::string::npos);
}

// The one place that writes ATTENDEE/ORGANIZER parameters (no database).
TEST(IcalBuild, AttendeeParametersAndNonMailtoAddresses) {
  CalEntry e;
  e.uid = "x@verbinder";
  e.summary = "Test";
  e.starts_at = kNow;
  e.ends_at = kNow + 3600;
  e.organizer = {.name = "Netwerk Twente, afdeling \"Agenda\"", .email = "agenda@netwerktwente.nl"};
  e.attendees = {{.name = "Anja", .email = "anja@x.example", .partstat = CalPartStat::kNeedsAction},
                 {.name = "een lid",
                  .uri = "urn:uuid:00000000-0000-8000-8000-000000000000",
                  .partstat = CalPartStat::kDeclined,
                  .role = CalRole::kOptParticipant},
                 {.name = "nobody"}};  // no address: left out
  std::string ics = BuildCalendar(CalMethod::kRequest, {e}, kNow);
  for (size_t fold = ics.find("\r\n "); fold != std::string::npos; fold = ics.find("\r\n ", fold)) ics.erase(fold, 3);
  EXPECT_NE(ics.find("CN=\"Netwerk Twente, afdeling ^'Agenda^'\""), std::string::npos) << ics;  // RFC 6868
  EXPECT_NE(ics.find("ORGANIZER;CN="), std::string::npos) << ics;
  EXPECT_NE(ics.find("mailto:agenda@netwerktwente.nl"), std::string::npos) << ics;
  EXPECT_NE(ics.find("PARTSTAT=NEEDS-ACTION"), std::string::npos) << ics;
  EXPECT_NE(ics.find("PARTSTAT=DECLINED"), std::string::npos) << ics;
  EXPECT_NE(ics.find("ROLE=OPT-PARTICIPANT"), std::string::npos) << ics;
  EXPECT_EQ(ics.find("nobody"), std::string::npos) << ics;
}

}  // namespace
}  // namespace verbinder::events
