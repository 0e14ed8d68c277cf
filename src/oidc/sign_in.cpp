// Sign-in with an OpenID Connect provider over the database.
#include "oidc/sign_in.h"

#include <soci/soci.h>

#include "domain/db_util.h"
#include "oidc/pkce.h"
#include "storage/transaction.h"
#include "util/strings.h"

namespace verbinder::oidc {
namespace {

using domain::WithSession;

Status BadState() {
  return InvalidArgument("this sign-in is unknown, expired or already used; start again", "state")
      .WithReason("oidc.start_again");
}

// An integer column of a dynamic row, whatever integer type the backend reports.
long long RowInt(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r.get<unsigned long long>(i));
    default:
      return 0;
  }
}

LinkedIdentity ReadIdentity(const soci::row& r) {
  LinkedIdentity i;
  i.id = RowInt(r, 0);
  i.provider = r.get<std::string>(1);
  i.email = r.get<std::string>(2);
  i.created_at = RowInt(r, 3);
  i.last_used_at = RowInt(r, 4);
  return i;
}

}  // namespace

Result<LoginStart> SignInService::Begin(const std::string& provider, model::Id link_member_id,
                                        const std::string& language) {
  LoginStart s{RandomUrlToken(), RandomUrlToken(), RandomUrlToken()};
  if (s.state.empty()) return Internal("no randomness");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long now = clock_.Now(), exp = now + kLoginLifetime, old = now - kLoginLifetime;
    std::string th = domain::TokenHash(s.state), lang = language == "en" ? "en" : "nl";
    long long link = link_member_id;
    soci::indicator link_ind = link_member_id ? soci::i_ok : soci::i_null;
    storage::Transaction tr(sql);
    sql << "DELETE FROM oidc_logins WHERE expires_at < :t", soci::use(old);
    sql << "INSERT INTO oidc_logins (state_hash, provider, nonce, code_verifier, link_member_id, language, created_at, "
           "expires_at) VALUES (:h, :p, :n, :v, :l, :g, :c, :e)",
        soci::use(th), soci::use(provider), soci::use(s.nonce), soci::use(s.code_verifier), soci::use(link, link_ind),
        soci::use(lang), soci::use(now), soci::use(exp);
    tr.commit();
    return true;
  });
  if (!r) return r.status();
  return s;
}

Result<PendingLogin> SignInService::Consume(const std::string& state) {
  if (state.empty() || state.size() > 100) return BadState();
  return WithSession<PendingLogin>(db_, [&](soci::session& sql) -> Result<PendingLogin> {
    storage::Transaction tr(sql);
    std::string th = domain::TokenHash(state);
    PendingLogin p;
    long long link = 0, exp = 0;
    soci::indicator link_ind = soci::i_null;
    sql << "SELECT provider, nonce, code_verifier, link_member_id, language, expires_at FROM oidc_logins "
           "WHERE state_hash = :h",
        soci::use(th), soci::into(p.provider), soci::into(p.nonce), soci::into(p.code_verifier),
        soci::into(link, link_ind), soci::into(p.language), soci::into(exp);
    if (!sql.got_data()) return BadState();
    // Single use: whoever deletes the row owns the sign-in.
    soci::statement del = (sql.prepare << "DELETE FROM oidc_logins WHERE state_hash = :h", soci::use(th));
    del.execute(true);
    if (del.get_affected_rows() != 1) return BadState();
    tr.commit();
    if (exp <= clock_.Now()) return BadState();
    p.link_member_id = link_ind == soci::i_ok ? link : 0;
    return p;
  });
}

namespace {

// Links provider + subject to the member inside the caller's transaction;
// AlreadyExists(taken) when it is linked to another member.
Result<LinkedIdentity> LinkIn(soci::session& sql, const std::string& provider, const std::string& subject,
                              const std::string& email, model::Id member_id, long long now) {
  long long owner = 0, mid = member_id;
  sql << "SELECT member_id FROM oidc_identities WHERE provider = :p AND subject = :s", soci::use(provider),
      soci::use(subject), soci::into(owner);
  if (sql.got_data() && owner != mid)
    return AlreadyExists("this sign-in is already linked to another member", "taken").WithReason("oidc.taken");
  if (!sql.got_data())
    sql << "INSERT INTO oidc_identities (provider, subject, member_id, email, created_at, last_used_at) "
           "VALUES (:p, :s, :m, :e, :t, :t2)",
        soci::use(provider), soci::use(subject), soci::use(mid), soci::use(email), soci::use(now), soci::use(now);
  LinkedIdentity out;
  long long id = 0, created = 0;
  sql << "SELECT id, created_at FROM oidc_identities WHERE provider = :p AND subject = :s", soci::use(provider),
      soci::use(subject), soci::into(id), soci::into(created);
  out.id = id;
  out.provider = provider;
  out.email = email;
  out.created_at = created;
  out.last_used_at = now;
  return out;
}

}  // namespace

Result<LinkedIdentity> SignInService::Link(const std::string& provider, const std::string& subject,
                                           const std::string& email, model::Id member_id) {
  return WithSession<LinkedIdentity>(db_, [&](soci::session& sql) -> Result<LinkedIdentity> {
    storage::Transaction tr(sql);
    VB_ASSIGN_OR_RETURN(LinkedIdentity out, LinkIn(sql, provider, subject, email, member_id, clock_.Now()));
    tr.commit();
    return out;
  });
}

Result<Outcome> SignInService::Complete(const std::string& provider, const IdClaims& claims, bool email_verified,
                                        const PendingLogin& login) {
  Outcome out;
  // 1. An identity already linked signs its member in, whatever the e-mail says now.
  auto linked = WithSession<long long>(db_, [&](soci::session& sql) -> Result<long long> {
    long long mid = 0, now = clock_.Now();
    sql << "SELECT member_id FROM oidc_identities WHERE provider = :p AND subject = :s", soci::use(provider),
        soci::use(claims.sub), soci::into(mid);
    if (!sql.got_data()) return 0LL;
    sql << "UPDATE oidc_identities SET last_used_at = :t WHERE provider = :p AND subject = :s", soci::use(now),
        soci::use(provider), soci::use(claims.sub);
    return mid;
  });
  if (!linked) return linked.status();
  if (login.link_member_id) {
    // 2. A signed-in member links a further sign-in from their settings.
    if (*linked && *linked != login.link_member_id)
      return AlreadyExists("this sign-in is already linked to another member", "taken").WithReason("oidc.taken");
    VB_RETURN_IF_ERROR(Link(provider, claims.sub, email_verified ? claims.email : "", login.link_member_id).status());
    out.kind = Outcome::Kind::kLinked;
    out.member_id = login.link_member_id;
    return out;
  }
  model::Id member = *linked;
  bool linked_now = false;  // linked together with the accepted invitation
  if (!member) {
    // 3. A verified e-mail address finds the member.
    if (!email_verified)
      return InvalidArgument("the provider did not confirm an e-mail address", "email")
          .WithReason("oidc.email_unverified");
    VB_ASSIGN_OR_RETURN(auto found, external_.FindByEmail(claims.email));
    if (found && found->disabled) return PermissionDenied("this account is disabled").WithReason("account.disabled");
    VB_ASSIGN_OR_RETURN(bool password_login, PasswordLoginEnabled());
    if (found && found->has_password && password_login) {
      // The member already signs in with a password: link only once they
      // confirm it by signing in with it. (With password sign-in switched off
      // the admin has made the providers the way in: the verified address links.)
      out.kind = Outcome::Kind::kConfirmLink;
      out.member_id = found->member_id;
      out.link_token = domain::RandomToken();
      auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
        long long now = clock_.Now(), exp = now + kPendingLinkLifetime, mid = found->member_id;
        std::string th = domain::TokenHash(out.link_token), email = AsciiLower(claims.email);
        storage::Transaction tr(sql);
        sql << "DELETE FROM oidc_pending_links WHERE expires_at < :t", soci::use(now);
        sql << "INSERT INTO oidc_pending_links (token_hash, provider, subject, email, member_id, created_at, "
               "expires_at) "
               "VALUES (:h, :p, :s, :e, :m, :c, :x)",
            soci::use(th), soci::use(provider), soci::use(claims.sub), soci::use(email), soci::use(mid), soci::use(now),
            soci::use(exp);
        tr.commit();
        return true;
      });
      if (!r) return r.status();
      return out;
    }
    if (found) {
      member = found->member_id;  // a member without a password (imported, or signed up here before)
    } else {
      // 4. A new person: as the installation's sign-up mode says.
      VB_ASSIGN_OR_RETURN(std::string mode, accounts_.SignupMode());
      std::string name = Trim(claims.name);
      if (name.empty()) name = Trim(claims.given_name + " " + claims.family_name);
      if (name.empty()) name = claims.email.substr(0, claims.email.find('@'));
      if (mode == "open") {
        std::string lang = login.language == "en" ? "en" : "nl";
        VB_ASSIGN_OR_RETURN(member, external_.CreateMember(name, claims.email, lang));
      } else {
        // Invitation only: the leader's open invitation of this verified
        // address lets the person in, accepted as the password path accepts
        // it, and the sign-in is linked in the same transaction.
        std::string email = AsciiLower(claims.email);
        auto link = [&](soci::session& sql, model::Id id) {
          return LinkIn(sql, provider, claims.sub, email, id, clock_.Now()).status();
        };
        VB_ASSIGN_OR_RETURN(auto invited, accounts_.AcceptInvitationOfVerifiedEmail(claims.email, name, link));
        if (!invited)
          return PermissionDenied("sign-up is by invitation only").WithReason("account.signup_invitation_only");
        member = *invited;
        linked_now = true;
      }
      out.created = true;
    }
    if (!linked_now) VB_RETURN_IF_ERROR(Link(provider, claims.sub, AsciiLower(claims.email), member).status());
  }
  auto session = external_.StartSession(member);
  if (!session) {
    if (session.status().code() == Code::kPermissionDenied)
      return PermissionDenied("this account is disabled").WithReason("account.disabled");
    return session.status();
  }
  out.kind = Outcome::Kind::kSignedIn;
  out.session = *session;
  out.member_id = member;
  return out;
}

Result<LinkedIdentity> SignInService::ConfirmLink(const domain::Viewer& viewer, const std::string& token) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  if (token.size() != 64)
    return InvalidArgument("this link is unknown, expired or already used", "token").WithReason("oidc.link_invalid");
  struct Pending {
    std::string provider, subject, email;
    long long member = 0;
  };
  auto p = WithSession<Pending>(db_, [&](soci::session& sql) -> Result<Pending> {
    storage::Transaction tr(sql);
    std::string th = domain::TokenHash(token);
    Pending p;
    long long exp = 0;
    sql << "SELECT provider, subject, email, member_id, expires_at FROM oidc_pending_links WHERE token_hash = :h",
        soci::use(th), soci::into(p.provider), soci::into(p.subject), soci::into(p.email), soci::into(p.member),
        soci::into(exp);
    if (!sql.got_data() || exp <= clock_.Now())
      return InvalidArgument("this link is unknown, expired or already used", "token").WithReason("oidc.link_invalid");
    if (p.member != viewer.member_id)
      return PermissionDenied("this sign-in was meant for another member").WithReason("oidc.other_member");
    sql << "DELETE FROM oidc_pending_links WHERE token_hash = :h", soci::use(th);
    tr.commit();
    return p;
  });
  if (!p) return p.status();
  return Link(p->provider, p->subject, p->email, p->member);
}

Result<std::vector<LinkedIdentity>> SignInService::Identities(const domain::Viewer& viewer) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<LinkedIdentity>>(db_, [&](soci::session& sql) -> Result<std::vector<LinkedIdentity>> {
    long long mid = viewer.member_id;
    std::vector<LinkedIdentity> out;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, provider, email, created_at, last_used_at FROM "
                                                   "oidc_identities WHERE member_id = :m ORDER BY id",
                                    soci::use(mid));
    for (const auto& r : rows) out.push_back(ReadIdentity(r));
    return out;
  });
}

Status SignInService::Remove(const domain::Viewer& viewer, model::Id id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  VB_ASSIGN_OR_RETURN(auto me, external_.FindById(viewer.member_id));
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tr(sql);
    long long iid = id, mid = viewer.member_id, n = 0;
    sql << "SELECT count(*) FROM oidc_identities WHERE id = :i AND member_id = :m", soci::use(iid), soci::use(mid),
        soci::into(n);
    if (!n) return NotFound("no such linked sign-in", "id");
    sql << "SELECT count(*) FROM oidc_identities WHERE member_id = :m", soci::use(mid), soci::into(n);
    if (n == 1 && !(me && me->has_password))
      return Conflict("this is your only way to sign in; set a password first (forgot password)", "id")
          .WithReason("oidc.only_sign_in");
    sql << "DELETE FROM oidc_identities WHERE id = :i AND member_id = :m", soci::use(iid), soci::use(mid);
    tr.commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Result<bool> SignInService::PasswordLoginEnabled() {
  return WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    std::string k = kPasswordLoginKey, v;
    sql << "SELECT value FROM settings WHERE key = :k", soci::use(k), soci::into(v);
    return !(sql.got_data() && v == "off");
  });
}

Status SignInService::SetPasswordLogin(const domain::Viewer& viewer, bool enabled) {
  if (!viewer.IsAdmin()) return PermissionDenied("only admins switch password sign-in");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tr(sql);
    std::string k = kPasswordLoginKey, v = enabled ? "on" : "off";
    sql << "DELETE FROM settings WHERE key = :k", soci::use(k);
    sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(k), soci::use(v);
    tr.commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace verbinder::oidc
