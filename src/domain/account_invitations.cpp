// Invitations by the network leader, and accepting one (account_signup.h).
#include "domain/account_signup.h"

#include <set>

#include "domain/account_common.h"
#include "domain/db_util.h"
#include "domain/members.h"
#include "domain/validation.h"
#include "storage/transaction.h"
#include "util/strings.h"

namespace verbinder::domain {

using namespace account_internal;

namespace {

// An integer column of a dynamic row, whatever integer type the backend reports
// (SQLite says INTEGER for the ids, PostgreSQL BIGINT).
long long RowInt(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<long long>(r.get<double>(i));
    case soci::dt_string:
      return std::stoll(r.get<std::string>(i));
    default:
      return 0;
  }
}

Invitation ReadInvitation(const soci::row& r, int64_t now) {
  Invitation i;
  i.id = RowInt(r, 0);
  i.email = r.get<std::string>(1);
  i.name = r.get<std::string>(2);
  i.language = r.get<std::string>(3);
  i.status = r.get<std::string>(4);
  i.invited_by = RowInt(r, 5);
  i.member_id = RowInt(r, 6);
  i.sent_count = static_cast<int>(RowInt(r, 7));
  i.created_at = RowInt(r, 8);
  i.updated_at = RowInt(r, 9);
  i.expires_at = RowInt(r, 10);
  if (i.status == "pending" && i.expires_at <= now) i.status = "expired";
  return i;
}

constexpr const char* kInvitationCols =
    "SELECT id, email, name, language, status, invited_by, member_id, sent_count, created_at, updated_at, expires_at "
    "FROM invitations ";

// The invitation with this id, for changing it: not found, or already accepted, is an error.
Result<Invitation> ChangeableInvitation(soci::session& sql, long long id, int64_t now) {
  soci::row r;
  sql << std::string(kInvitationCols) + "WHERE id = :i", soci::use(id), soci::into(r);
  if (!sql.got_data()) return NotFound("no invitation with id " + std::to_string(id), "id");
  Invitation inv = ReadInvitation(r, now);
  if (inv.status == "accepted")
    return Conflict("this invitation was already accepted", "id").WithReason("invitation.already_accepted");
  return inv;
}

AccountMail InvitationMail(soci::session& sql, const Invitation& inv, const std::string& token,
                           const std::string& inviter) {
  bool en = inv.language == "en";
  std::string link = BaseUrl(sql) + "/invite/accept?token=" + token;
  return MakeMail(
      "account.invitation", inv.language, inv.email, inv.name,
      en ? "You are invited to join the network" : "Je bent uitgenodigd voor het netwerk",
      {en ? inviter + " invites you to join the network on verbinder: find the people who can help with what you "
                      "are running into, and meet them."
          : inviter + " nodigt je uit voor het netwerk op verbinder: vind de mensen die kunnen helpen met waar je "
                      "tegenaan loopt, en ontmoet ze.",
       en ? "Open the link to choose your password and fill in your profile. It works once and for " +
                std::to_string(kInvitationLifetime / 86400) + " days."
          : "Open de link om je wachtwoord te kiezen en je profiel in te vullen. Hij werkt één keer en " +
                std::to_string(kInvitationLifetime / 86400) + " dagen lang."},
      link, en ? "Not interested? Then ignore this mail." : "Geen interesse? Negeer deze mail dan.");
}

std::string InviterName(soci::session& sql, model::Id id) {
  std::string n;
  long long mid = id;
  sql << "SELECT name FROM members WHERE id = :i", soci::use(mid), soci::into(n);
  return sql.got_data() && !n.empty() ? n : std::string("verbinder");
}

}  // namespace

Result<std::vector<Invitation>> InvitationService::Invite(const Viewer& viewer, const std::vector<Invitee>& invitees,
                                                          const std::string& language) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only the network leader invites");
  VB_ASSIGN_OR_RETURN(std::string lang, Language(language));
  if (invitees.empty()) return InvalidArgument("name at least one person", "invitees").WithReason("invitation.none");
  if (invitees.size() > kMaxInvitationsPerCall)
    return InvalidArgument("at most " + std::to_string(kMaxInvitationsPerCall) + " at a time", "invitees")
        .WithReason("field.too_many", {{"max", std::to_string(kMaxInvitationsPerCall)}});
  std::vector<Invitee> clean;
  std::set<std::string> seen;
  for (size_t i = 0; i < invitees.size(); ++i) {
    std::string f = "invitees[" + std::to_string(i) + "]";
    Invitee x{AsciiLower(Trim(invitees[i].email)), Trim(invitees[i].name)};
    if (x.email.empty()) return InvalidArgument("is required", f + ".email").WithReason("field.required");
    if (x.email.size() > 254 || !IsValidEmail(x.email))
      return InvalidArgument("is not a valid e-mail address", f + ".email").WithReason("field.invalid_email");
    if (!seen.insert(x.email).second)
      return InvalidArgument("appears twice in the list", f + ".email")
          .WithReason("invitation.twice", {{"email", x.email}});
    VB_RETURN_IF_ERROR(CheckText(f + ".name", x.name, 0, kMaxName));
    clean.push_back(x);
  }
  return WithSession<std::vector<Invitation>>(db_, [&](soci::session& sql) -> Result<std::vector<Invitation>> {
    storage::Transaction tr(sql);
    long long now = clock_.Now(), exp = now + kInvitationLifetime, by = viewer.member_id;
    soci::indicator by_ind = viewer.member_id > 0 ? soci::i_ok : soci::i_null;
    std::string inviter = viewer.member_id > 0 ? InviterName(sql, viewer.member_id) : "verbinder";
    std::vector<Invitation> out;
    for (size_t i = 0; i < clean.size(); ++i) {
      const auto& x = clean[i];
      std::string f = "invitees[" + std::to_string(i) + "].email";
      long long n = 0;
      sql << "SELECT count(*) FROM members WHERE email = :e", soci::use(x.email), soci::into(n);
      if (n)
        return AlreadyExists(x.email + " is already a member", f)
            .WithReason("invitation.already_member", {{"email", x.email}});
      sql << "SELECT count(*) FROM invitations WHERE email = :e AND status = 'pending' AND expires_at > :n",
          soci::use(x.email), soci::use(now), soci::into(n);
      if (n)
        return AlreadyExists(x.email + " already has an open invitation; resend it instead", f)
            .WithReason("invitation.already_open", {{"email", x.email}});
      // An expired pending invitation of the same address is replaced.
      sql << "UPDATE invitations SET status = 'revoked', updated_at = :n WHERE email = :e AND status = 'pending'",
          soci::use(now), soci::use(x.email);
      std::string token = RandomToken(), th = TokenHash(token);
      sql << "INSERT INTO invitations (email, name, language, token_hash, status, invited_by, sent_count, created_at, "
             "updated_at, expires_at) VALUES (:e, :n, :l, :t, 'pending', :b, 1, :c, :u, :x)",
          soci::use(x.email), soci::use(x.name), soci::use(lang), soci::use(th), soci::use(by, by_ind), soci::use(now),
          soci::use(now), soci::use(exp);
      soci::row r;
      sql << std::string(kInvitationCols) + "WHERE token_hash = :t", soci::use(th), soci::into(r);
      Invitation inv = ReadInvitation(r, now);
      VB_RETURN_IF_ERROR(SendMail(wiring_, sql, InvitationMail(sql, inv, token, inviter), now));
      out.push_back(inv);
    }
    tr.commit();
    return out;
  });
}

Result<std::vector<Invitation>> InvitationService::List(const Viewer& viewer, const std::string& status) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only the network leader sees invitations");
  if (!status.empty() && status != "pending" && status != "accepted" && status != "revoked" && status != "expired")
    return InvalidArgument("must be pending, accepted, revoked or expired", "status");
  return WithSession<std::vector<Invitation>>(db_, [&](soci::session& sql) -> Result<std::vector<Invitation>> {
    std::vector<Invitation> out;
    int64_t now = clock_.Now();
    soci::row r;
    soci::statement st = (sql.prepare << std::string(kInvitationCols) + "ORDER BY id DESC", soci::into(r));
    st.execute();
    while (st.fetch()) {
      Invitation i = ReadInvitation(r, now);
      if (status.empty() || i.status == status) out.push_back(i);
    }
    return out;
  });
}

Result<Invitation> InvitationService::Resend(const Viewer& viewer, model::Id id) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only the network leader invites");
  return WithSession<Invitation>(db_, [&](soci::session& sql) -> Result<Invitation> {
    storage::Transaction tr(sql);
    long long iid = id, now = clock_.Now();
    VB_ASSIGN_OR_RETURN(Invitation inv, ChangeableInvitation(sql, iid, now));
    if (inv.status == "revoked")
      return Conflict("this invitation was revoked; invite again", "id").WithReason("invitation.revoked");
    long long n = 0;
    sql << "SELECT count(*) FROM members WHERE email = :e", soci::use(inv.email), soci::into(n);
    if (n)
      return Conflict(inv.email + " is already a member", "id")
          .WithReason("invitation.already_member", {{"email", inv.email}});
    std::string token = RandomToken(), th = TokenHash(token);
    long long exp = now + kInvitationLifetime;
    sql << "UPDATE invitations SET token_hash = :t, expires_at = :x, updated_at = :u, sent_count = sent_count + 1 "
           "WHERE id = :i",
        soci::use(th), soci::use(exp), soci::use(now), soci::use(iid);
    inv.status = "pending";
    inv.expires_at = exp;
    inv.updated_at = now;
    inv.sent_count += 1;
    std::string inviter = viewer.member_id > 0 ? InviterName(sql, viewer.member_id) : "verbinder";
    VB_RETURN_IF_ERROR(SendMail(wiring_, sql, InvitationMail(sql, inv, token, inviter), now));
    tr.commit();
    return inv;
  });
}

Result<Invitation> InvitationService::Revoke(const Viewer& viewer, model::Id id) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only the network leader invites");
  return WithSession<Invitation>(db_, [&](soci::session& sql) -> Result<Invitation> {
    storage::Transaction tr(sql);
    long long iid = id, now = clock_.Now();
    VB_ASSIGN_OR_RETURN(Invitation inv, ChangeableInvitation(sql, iid, now));
    if (inv.status == "revoked")
      return Conflict("this invitation was already revoked", "id").WithReason("invitation.already_revoked");
    sql << "UPDATE invitations SET status = 'revoked', updated_at = :u WHERE id = :i", soci::use(now), soci::use(iid);
    inv.status = "revoked";
    inv.updated_at = now;
    tr.commit();
    return inv;
  });
}

Result<Invitation> InvitationService::Check(const std::string& token) {
  if (!IsHexToken(token)) return BadLink();
  return WithSession<Invitation>(db_, [&](soci::session& sql) -> Result<Invitation> {
    std::string th = TokenHash(token);
    soci::row r;
    sql << std::string(kInvitationCols) + "WHERE token_hash = :t", soci::use(th), soci::into(r);
    if (!sql.got_data()) return BadLink();
    Invitation inv = ReadInvitation(r, clock_.Now());
    if (inv.status == "accepted") return UsedLink();
    if (inv.status == "revoked")
      return InvalidArgument("this invitation was withdrawn", "token").WithReason("invitation.withdrawn");
    if (inv.status == "expired") return ExpiredLink();
    return inv;
  });
}

Result<model::Id> InvitationService::Accept(const Acceptance& a) {
  VB_ASSIGN_OR_RETURN(Invitation inv, Check(a.token));
  MemberService members(db_, clock_);
  VB_ASSIGN_OR_RETURN(auto sectors, members.SectorKeys());
  model::Member m;
  m.name = a.name;
  m.email = inv.email;
  m.sector = Trim(a.sector);
  m.organization = Trim(a.organization);
  m.title = Trim(a.title);
  VB_RETURN_IF_ERROR(ValidateMember(m, sectors));
  if (m.sector.empty()) return InvalidArgument("is required", "sector").WithReason("field.required");
  if (m.organization.empty()) return InvalidArgument("is required", "organization").WithReason("field.required");
  VB_RETURN_IF_ERROR(CheckPassword(a.password));
  VB_ASSIGN_OR_RETURN(std::string hash, HashPassword(a.password));
  return Fulfil(inv, m, hash, nullptr);
}

Result<std::optional<model::Id>> InvitationService::AcceptVerifiedEmail(
    const std::string& email, const std::string& name, const std::function<Status(soci::session&, model::Id)>& also) {
  std::string e = AsciiLower(Trim(email));  // invitations store the address lower-cased (Invite)
  if (e.empty()) return std::optional<model::Id>{};
  auto found =
      WithSession<std::optional<Invitation>>(db_, [&](soci::session& sql) -> Result<std::optional<Invitation>> {
        long long now = clock_.Now();
        soci::row r;
        sql << std::string(kInvitationCols) +
                   "WHERE email = :e AND status = 'pending' AND expires_at > :n ORDER BY id DESC LIMIT 1",
            soci::use(e), soci::use(now), soci::into(r);
        if (!sql.got_data()) return std::optional<Invitation>{};
        return std::optional<Invitation>(ReadInvitation(r, now));
      });
  if (!found) return found.status();
  if (!*found) return std::optional<model::Id>{};
  const Invitation& inv = **found;
  model::Member m;
  m.name = Trim(inv.name).empty() ? Trim(name) : Trim(inv.name);
  m.email = inv.email;
  auto id = Fulfil(inv, m, /*hash=*/"", also);
  if (!id && id.status().reason() == UsedLink().reason()) return std::optional<model::Id>{};  // taken meanwhile
  if (!id) return id.status();
  return std::optional<model::Id>(*id);
}

Result<model::Id> InvitationService::Fulfil(const Invitation& inv, const model::Member& m, const std::string& hash,
                                            const std::function<Status(soci::session&, model::Id)>& also) {
  // Claim the invitation; a second accept at the same moment finds it taken.
  auto claim = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long iid = inv.id, now = clock_.Now();
    soci::statement st = (sql.prepare << "UPDATE invitations SET status = 'accepted', updated_at = :u "
                                         "WHERE id = :i AND status = 'pending' AND expires_at > :n",
                          soci::use(now), soci::use(iid), soci::use(now));
    st.execute(true);
    if (st.get_affected_rows() != 1) return UsedLink();
    return true;
  });
  if (!claim) return claim.status();
  auto id =
      CreateMemberWithAccount(db_, clock_, m.name, m.email, hash, m.sector, m.organization, m.title, inv.language);
  Status done = id.status();
  if (id.ok()) {
    auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
      storage::Transaction tr(sql);
      long long iid = inv.id, mid = *id;
      sql << "UPDATE invitations SET member_id = :m WHERE id = :i", soci::use(mid), soci::use(iid);
      if (also) VB_RETURN_IF_ERROR(also(sql, *id));
      tr.commit();
      return true;
    });
    done = r.status();
    if (!done.ok()) (void)MemberService(db_, clock_, wiring_.member_data).Delete(Viewer::System(), *id);
  }
  if (!done.ok()) {
    // The invitation is open again (best effort: the error the caller sees is `done`).
    (void)WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
      long long iid = inv.id, now = clock_.Now();
      sql << "UPDATE invitations SET status = 'pending', updated_at = :u WHERE id = :i", soci::use(now), soci::use(iid);
      return true;
    });
    return done;
  }
  return id;
}

}  // namespace verbinder::domain
