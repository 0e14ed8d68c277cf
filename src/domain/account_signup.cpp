// Sign-up by the person themself, confirmed by mail (account_signup.h).
#include "domain/account_signup.h"

#include "domain/account_common.h"
#include "domain/db_util.h"
#include "domain/members.h"
#include "domain/validation.h"
#include "storage/transaction.h"
#include "util/strings.h"

namespace verbinder::domain {

using namespace account_internal;

namespace {

constexpr const char* kSignupModeKey = "accounts.signup_mode";

// To the member whose address someone used to sign up: in the member's first
// language; with an account, "log in or reset"; without (imported by the
// leader), "ask the leader".
AccountMail SignupAttemptMail(soci::session& sql, const std::string& email, const std::string& name,
                              const std::string& languages, bool has_account) {
  const std::string lang = StartsWith(languages, "en") ? "en" : "nl";
  const bool en = lang == "en";
  std::vector<std::string> lines = {
      en ? "Someone tried to sign up for verbinder with this e-mail address, but it already belongs to you."
         : "Iemand probeerde zich bij verbinder aan te melden met dit e-mailadres, maar het is al van jou."};
  if (has_account)
    lines.push_back(en ? "If it was you: you already have an account. Log in with the link below, or choose "
                         "\"Forgot your password?\" there to set a new password."
                       : "Was jij het? Je hebt al een account. Log in met de link hieronder, of kies daar "
                         "\"Wachtwoord vergeten?\" om een nieuw wachtwoord in te stellen.");
  else
    lines.push_back(en ? "If it was you: you are already in the network, but without a login yet. Ask the network "
                         "leader to give you one."
                       : "Was jij het? Je staat al in het netwerk, maar hebt nog geen inlog. Vraag de netwerkleider "
                         "je er een te geven.");
  return MakeMail("account.signup_existing", lang, email, name,
                  en ? "Someone tried to sign up with your address" : "Aanmelding met jouw e-mailadres", lines,
                  BaseUrl(sql) + "/login",
                  en ? "Was it not you? Then ignore this mail: nothing has changed, and nobody can sign up with your "
                       "address."
                     : "Was jij het niet? Negeer deze mail dan: er is niets veranderd, en niemand kan zich met jouw "
                       "adres aanmelden.");
}

}  // namespace

Result<std::string> SignupService::SignupMode() {
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    std::string v = Setting(sql, kSignupModeKey);
    return v == "invitation" ? v : std::string("open");
  });
}

Status SignupService::SetSignupMode(const Viewer& viewer, const std::string& mode) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only the network leader sets how people sign up");
  if (mode != "open" && mode != "invitation")
    return InvalidArgument("must be open or invitation", "mode").WithReason("field.invalid_choice");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tr(sql);
    std::string k = kSignupModeKey;
    sql << "DELETE FROM settings WHERE key = :k", soci::use(k);
    sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(k), soci::use(mode);
    tr.commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Status SignupService::SignUp(const Signup& in, const std::string& address) {
  MemberService members(db_, clock_);
  VB_ASSIGN_OR_RETURN(auto sectors, members.SectorKeys());
  model::Member m;
  m.name = in.name;
  m.email = in.email;
  m.sector = Trim(in.sector);
  m.organization = Trim(in.organization);
  VB_RETURN_IF_ERROR(ValidateMember(m, sectors));
  if (m.sector.empty()) return InvalidArgument("is required", "sector").WithReason("field.required");
  if (m.organization.empty()) return InvalidArgument("is required", "organization").WithReason("field.required");
  VB_RETURN_IF_ERROR(CheckPassword(in.password));
  VB_ASSIGN_OR_RETURN(std::string lang, Language(in.language));
  VB_ASSIGN_OR_RETURN(std::string mode, SignupMode());
  if (mode != "open")
    return PermissionDenied("sign-up is by invitation only; ask the network leader for an invitation")
        .WithReason("account.signup_invitation_only");
  VB_ASSIGN_OR_RETURN(std::string hash, HashPassword(in.password));
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    // Counted outside the transaction: a refused request still counts.
    VB_RETURN_IF_ERROR(Throttle(sql, "signup:" + m.email, kMaxSignupsPerEmail, clock_.Now()));
    VB_RETURN_IF_ERROR(Throttle(sql, MailAddressKey(address), kMaxMailsPerAddress, clock_.Now()));
    storage::Transaction tr(sql);
    // The address of a member: nothing is stored, the owner hears of it, and the
    // caller gets the same answer as for a new address (no account enumeration).
    long long owner = 0, accounts = 0;
    std::string owner_name, owner_langs;
    sql << "SELECT m.id, m.name, m.languages, (SELECT count(*) FROM accounts a WHERE a.member_id = m.id) "
           "FROM members m WHERE m.email = :e",
        soci::use(m.email), soci::into(owner), soci::into(owner_name), soci::into(owner_langs), soci::into(accounts);
    if (sql.got_data()) {
      VB_RETURN_IF_ERROR(
          SendMail(wiring_, sql, SignupAttemptMail(sql, m.email, owner_name, owner_langs, accounts > 0), clock_.Now()));
      tr.commit();
      return true;
    }
    std::string token = RandomToken(), th = TokenHash(token);
    long long now = clock_.Now(), exp = now + kSignupLifetime;
    sql << "DELETE FROM signups WHERE email = :e", soci::use(m.email);
    sql << "INSERT INTO signups (email, name, password_hash, sector, organization, language, token_hash, created_at, "
           "expires_at) VALUES (:e, :n, :p, :s, :o, :l, :t, :c, :x)",
        soci::use(m.email), soci::use(m.name), soci::use(hash), soci::use(m.sector), soci::use(m.organization),
        soci::use(lang), soci::use(th), soci::use(now), soci::use(exp);
    std::string link = BaseUrl(sql) + "/signup/confirm?token=" + token;
    bool en = lang == "en";
    AccountMail mail = MakeMail(
        "account.confirm", lang, m.email, m.name, en ? "Confirm your e-mail address" : "Bevestig je e-mailadres",
        {en ? "You signed up for verbinder. Confirm your e-mail address with the link below; after that you can log in."
            : "Je hebt je aangemeld bij verbinder. Bevestig je e-mailadres met de link hieronder; daarna kun je "
              "inloggen.",
         en ? "The link works once and for " + Hours(kSignupLifetime) + " hours."
            : "De link werkt één keer en " + Hours(kSignupLifetime) + " uur lang."},
        link, en ? "Did you not sign up? Then ignore this mail." : "Heb je je niet aangemeld? Negeer deze mail dan.");
    VB_RETURN_IF_ERROR(SendMail(wiring_, sql, mail, now));
    tr.commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Result<model::Id> SignupService::ConfirmSignup(const std::string& token) {
  if (!IsHexToken(token)) return BadLink();
  struct Pending {
    std::string email, name, hash, sector, organization, language;
  };
  // Claim the sign-up first (delete it and remember the used token), so two
  // clicks at once cannot both create a member.
  auto claimed = WithSession<Pending>(db_, [&](soci::session& sql) -> Result<Pending> {
    storage::Transaction tr(sql);
    std::string th = TokenHash(token);
    Pending p;
    long long exp = 0;
    sql << "SELECT email, name, password_hash, sector, organization, language, expires_at FROM signups WHERE "
           "token_hash = :t",
        soci::use(th), soci::into(p.email), soci::into(p.name), soci::into(p.hash), soci::into(p.sector),
        soci::into(p.organization), soci::into(p.language), soci::into(exp);
    if (!sql.got_data()) {
      long long used = 0;
      sql << "SELECT count(*) FROM consumed_tokens WHERE token_hash = :t", soci::use(th), soci::into(used);
      return used ? UsedLink() : BadLink();
    }
    if (exp <= clock_.Now()) return ExpiredLink();
    soci::statement del = (sql.prepare << "DELETE FROM signups WHERE token_hash = :t", soci::use(th));
    del.execute(true);
    if (del.get_affected_rows() != 1) return UsedLink();
    long long now = clock_.Now();
    std::string purpose = "signup";
    sql << "INSERT INTO consumed_tokens (token_hash, purpose, used_at) VALUES (:t, :p, :n)", soci::use(th),
        soci::use(purpose), soci::use(now);
    tr.commit();
    return p;
  });
  if (!claimed) return claimed.status();
  auto id = CreateMemberWithAccount(db_, clock_, claimed->name, claimed->email, claimed->hash, claimed->sector,
                                    claimed->organization, "", claimed->language);
  if (!id && id.status().code() == Code::kAlreadyExists)
    return AlreadyExists("a member with this e-mail address exists; log in or reset your password", "email")
        .WithReason("account.email_taken");
  return id;
}

}  // namespace verbinder::domain
