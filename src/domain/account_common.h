// Internal to the account use cases (account_*.cpp): password rules,
// throttling keys and counters, link-token errors, account mails and the one
// path they take (AccountMailer), and creating a member with an account.
// Not for other modules: they use AccountService (accounts.h).
#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/accounts.h"

namespace verbinder::domain::account_internal {

Status CheckPassword(const std::string& password);

// Keys of login_attempts. Guesses of a password: per account and client
// ("login:<email>|<client>") and per client ("addr:<client>") — never per
// account alone, so one client's failures never refuse another
// (docs/accounts.md). Mails: "reset:<email>", "signup:<email>",
// "mail-addr:<client>". IPv6 clients count per /64.
std::string NormalEmail(const std::string& email);
std::string LoginKeyPrefix(const std::string& email);
std::string LoginKey(const std::string& email, const std::string& address);
std::string AddressKey(const std::string& address);
std::string MailAddressKey(const std::string& address);

// Forgets the failures of an account from every client (a password reset:
// the owner proved they hold the mailbox; a deletion).
void ForgetLoginFailures(soci::session& sql, const std::string& email);
// Takes back one use of `key` counted at `now`.
void DropOneAttempt(soci::session& sql, const std::string& key, int64_t now);
// Uses of `key` after `since`.
int64_t Failures(soci::session& sql, const std::string& key, int64_t since);
// Counts one use of `key` at `now`; TooManyRequests when `limit` uses are in the window.
Status Throttle(soci::session& sql, const std::string& key, int limit, int64_t now);

// Link tokens (sign-up, invitation, reset): 64 lower-case hex characters.
bool IsHexToken(const std::string& t);
Status BadLink();
Status UsedLink();
Status ExpiredLink();
// "" → nl; nl or en; else InvalidArgument(language).
Result<std::string> Language(const std::string& l);

// A value of the settings table, "" when unset.
std::string Setting(soci::session& sql, const std::string& key);
// The public address of the server for links in mails (mail.base_url, else
// newsletter.base_url), without a trailing slash.
std::string BaseUrl(soci::session& sql);
// One mail in the reader's language: a greeting, the lines, the link, a closing line.
AccountMail MakeMail(const std::string& kind, const std::string& lang, const std::string& to_email,
                     const std::string& to_name, const std::string& subject, const std::vector<std::string>& lines,
                     const std::string& link, const std::string& closing);
std::string Hours(int64_t seconds);
// Queues `mail` through the wired mailer inside the caller's transaction;
// FailedPrecondition when the service was built without one.
Status SendMail(const AccountWiring& wiring, soci::session& sql, const AccountMail& mail, int64_t now);

// Creates the member (through MemberService) and its account with this
// password hash (role member); undoes the member when the account fails.
Result<model::Id> CreateMemberWithAccount(storage::Database& db, const Clock& clock, const std::string& name,
                                          const std::string& email, const std::string& password_hash,
                                          const std::string& sector, const std::string& organization,
                                          const std::string& title, const std::string& language);

}  // namespace verbinder::domain::account_internal
