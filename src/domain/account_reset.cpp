// Password reset by mail (account_reset.h).
#include "domain/account_reset.h"

#include "domain/account_common.h"
#include "domain/db_util.h"
#include "storage/transaction.h"
#include "util/strings.h"

namespace verbinder::domain {

using namespace account_internal;

Status PasswordResetService::Request(const std::string& email_in, const std::string& address) {
  std::string email = AsciiLower(Trim(email_in));
  if (email.empty()) return InvalidArgument("is required", "email").WithReason("field.required");
  if (email.size() > 254 || !IsValidEmail(email))
    return InvalidArgument("is not a valid e-mail address", "email").WithReason("field.invalid_email");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    VB_RETURN_IF_ERROR(Throttle(sql, "reset:" + email, kMaxResetsPerEmail, clock_.Now()));
    VB_RETURN_IF_ERROR(Throttle(sql, MailAddressKey(address), kMaxMailsPerAddress, clock_.Now()));
    storage::Transaction tr(sql);
    long long id = 0;
    std::string name, langs;
    int disabled = 0;
    sql << "SELECT m.id, m.name, m.languages, a.disabled FROM members m JOIN accounts a ON a.member_id = m.id "
           "WHERE m.email = :e",
        soci::use(email), soci::into(id), soci::into(name), soci::into(langs), soci::into(disabled);
    if (!sql.got_data() || disabled) return true;  // the same answer: no enumeration
    std::string lang = StartsWith(langs, "en") ? "en" : "nl";
    std::string token = RandomToken(), th = TokenHash(token);
    long long now = clock_.Now(), exp = now + kResetLifetime;
    sql << "INSERT INTO password_resets (token_hash, member_id, created_at, expires_at) VALUES (:t, :m, :c, :x)",
        soci::use(th), soci::use(id), soci::use(now), soci::use(exp);
    bool en = lang == "en";
    AccountMail mail = MakeMail(
        "account.password_reset", lang, email, name, en ? "Set a new password" : "Nieuw wachtwoord instellen",
        {en ? "Someone (hopefully you) asked for a new password for verbinder. Choose a new one with the link below."
            : "Iemand (hopelijk jij) heeft een nieuw wachtwoord voor verbinder aangevraagd. Kies een nieuw wachtwoord "
              "met de link hieronder.",
         en ? "The link works once and for " + Hours(kResetLifetime) +
                  " hour. All your sessions end when you set the new password."
            : "De link werkt één keer en " + Hours(kResetLifetime) +
                  " uur lang. Al je sessies worden beëindigd zodra je het nieuwe wachtwoord instelt."},
        BaseUrl(sql) + "/reset/password?token=" + token,
        en ? "Did you not ask for this? Then ignore this mail; your password stays the same."
           : "Heb je dit niet gevraagd? Negeer deze mail dan; je wachtwoord blijft hetzelfde.");
    VB_RETURN_IF_ERROR(SendMail(wiring_, sql, mail, now));
    tr.commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Status PasswordResetService::Reset(const std::string& token, const std::string& new_password) {
  if (!IsHexToken(token)) return BadLink();
  VB_RETURN_IF_ERROR(CheckPassword(new_password));
  VB_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password));
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tr(sql);
    std::string th = TokenHash(token);
    long long mid = 0, exp = 0, used = 0, now = clock_.Now();
    sql << "SELECT member_id, expires_at, used_at FROM password_resets WHERE token_hash = :t", soci::use(th),
        soci::into(mid), soci::into(exp), soci::into(used);
    if (!sql.got_data()) return BadLink();
    if (used) return UsedLink();
    if (exp <= now) return ExpiredLink();
    soci::statement st =
        (sql.prepare << "UPDATE password_resets SET used_at = :n WHERE token_hash = :t AND used_at = 0", soci::use(now),
         soci::use(th));
    st.execute(true);
    if (st.get_affected_rows() != 1) return UsedLink();
    sql << "UPDATE accounts SET password_hash = :h WHERE member_id = :m", soci::use(hash), soci::use(mid);
    // Every other open reset link of this account stops working too.
    sql << "UPDATE password_resets SET used_at = :n WHERE member_id = :m AND used_at = 0", soci::use(now),
        soci::use(mid);
    sql << "DELETE FROM sessions WHERE member_id = :m", soci::use(mid);
    sql << "DELETE FROM api_tokens WHERE member_id = :m", soci::use(mid);
    std::string email;
    sql << "SELECT email FROM members WHERE id = :m", soci::use(mid), soci::into(email);
    ForgetLoginFailures(sql, email);
    tr.commit();
    return true;
  });
  ForgetCachedSessions(db_);  // after the commit: every session of the account ended
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace verbinder::domain
