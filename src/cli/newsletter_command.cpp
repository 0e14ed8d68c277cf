// `verbinder newsletter <command>`: config, articles, topics, subscribe,
// compose, send, status, bounces. Each parses its options with CLI11, opens
// --db through CommandEnv (the server's services, built once per run) and
// calls the library; exit codes per util/exit_codes.h (0 ok, 1 failure, 2 bad usage).

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <atomic>
#include <mutex>

#include <soci/soci.h>

#include "cli/command_env.h"
#include "cli/commands.h"
#include "domain/db_util.h"
#include "newsletter/articles.h"
#include "newsletter/bounces.h"
#include "newsletter/topics.h"
#include "newsletter/compose.h"
#include "newsletter/sender.h"
#include "mail/smtp.h"
#include "newsletter/subscriptions.h"
#include "util/strings.h"
#include "storage/transaction.h"
#include "util/cli_parse.h"

namespace verbinder::cli {
namespace {

using namespace verbinder::newsletter;  // this file is the newsletter's command line

using newsletter::ArticleFilter;
using newsletter::ArticleStatus;
using newsletter::ComposedMessage;
using newsletter::Subscriber;
using newsletter::Topic;

constexpr const char* kDbHelp = "SQLite file path or postgresql://user@host:port/db URL";

Status SetSetting(storage::Database& db, const std::string& key, const std::string& value) {
  return domain::WithSession<bool>(db,
                                   [&](soci::session& sql) -> Result<bool> {
                                     storage::Transaction tr(sql);
                                     sql << "DELETE FROM settings WHERE key = :k", soci::use(key);
                                     sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(key),
                                         soci::use(value);
                                     tr.commit();
                                     return true;
                                   })
      .status();
}

// "2026-11-10" → Unix seconds at noon Amsterdam time; InvalidArgument(field).
Result<int64_t> ParseDay(const std::string& s, const std::string& field) {
  if (s.size() != 10 || s[7] != '-') return InvalidArgument("must be a date like 2026-11-10", field);
  auto range = MonthRange(s.substr(0, 7));
  if (!range) return InvalidArgument("must be a date like 2026-11-10", field);
  if (s[8] < '0' || s[8] > '9' || s[9] < '0' || s[9] > '9')
    return InvalidArgument("must be a date like 2026-11-10", field);
  int day = std::stoi(s.substr(8, 2));
  int64_t t = range->first + (day - 1) * 86400 + 12 * 3600;
  if (day < 1 || t >= range->second) return InvalidArgument("no such day", field);
  return t;
}

// Progress on stderr when it is a terminal: "\rsending  45% (45/100)".
std::function<void(int64_t, int64_t)> TerminalProgress() {
  if (!isatty(STDERR_FILENO)) return {};
  return [last = -1](int64_t done, int64_t total) mutable {
    int pct = total ? static_cast<int>(100 * done / total) : 100;
    if (pct == last) return;
    last = pct;
    int bar = pct / 5;
    std::fprintf(stderr, "\rsending [%-20s] %3d%% (%lld/%lld)", std::string(bar, '#').c_str(), pct,
                 static_cast<long long>(done), static_cast<long long>(total));
    std::fflush(stderr);
  };
}

// Writes `data` to `path` via a temporary file and rename, so a file is whole or absent.
Status WriteFileAtomic(const std::filesystem::path& path, const std::string& data) {
  auto tmp = path;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return InvalidArgument("cannot write " + tmp.string(), "out");
    f << data;
    if (!f.flush()) return InvalidArgument("cannot write " + tmp.string(), "out");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return InvalidArgument("cannot write " + path.string() + ": " + ec.message(), "out");
  return Status::Ok();
}

int RunConfig(const std::string& db_url, const std::string& from_email, const std::string& from_name,
              const std::string& base_url, const std::string& list_name) {
  auto env = CommandEnv::Open(db_url);
  if (!env) return Fail("newsletter config", env.status());
  storage::Database& db = (*env)->db();
  auto cfg = LoadConfig(db);
  if (!cfg) return Fail("newsletter config", cfg.status());
  if (!from_email.empty()) cfg->from.email = from_email;
  if (!from_name.empty()) cfg->from.name = from_name;
  if (!base_url.empty()) cfg->base_url = base_url;
  if (!list_name.empty()) cfg->list_name = list_name;
  if (Status s = ValidateConfig(*cfg); !s.ok()) {
    Fail("newsletter config", s);
    return kExitUsage;
  }
  // Sender and base URL are shared with every other mail (mail.*); the list name is the newsletter's.
  for (auto [k, v] : {std::pair<const char*, std::string>{"mail.from_email", cfg->from.email},
                      {"mail.from_name", cfg->from.name},
                      {"mail.base_url", cfg->base_url},
                      {"newsletter.list_name", cfg->list_name}})
    if (Status s = SetSetting(db, k, v); !s.ok()) return Fail("newsletter config", s);
  std::cout << "from: " << mail::FormatMailbox(cfg->from) << "\nbase url: " << cfg->base_url
            << "\nlist name: " << cfg->list_name << "\n";
  return kExitOk;
}

}  // namespace

int RunNewsletter(const Args& args) {
  CLI::App app("Knowledge articles and the monthly newsletter.", "newsletter");
  app.require_subcommand(1);
  std::string db_url = kDefaultDb;

  // config
  auto* config = app.add_subcommand("config", "set the sender, link base URL and list name");
  std::string from_email, from_name, base_url, list_name;
  config->add_option("--db", db_url, kDbHelp);
  config->add_option("--from-email", from_email, "sender address, e.g. nieuws@netwerk.example");
  config->add_option("--from-name", from_name, "sender display name");
  config->add_option("--base-url", base_url, "public https URL of this server (for links and unsubscribe)");
  config->add_option("--list-name", list_name, "name of the newsletter (subject line)");

  // articles add / publish / list
  auto* articles = app.add_subcommand("articles", "write, approve and list knowledge articles");
  articles->require_subcommand(1);
  auto* add = articles->add_subcommand("add", "add an article from a Markdown file");
  std::string title, summary, file, tags, language = "nl", author_email, published_on;
  bool publish_now = false;
  add->add_option("--db", db_url, kDbHelp);
  add->add_option("--title", title, "title")->required();
  add->add_option("--summary", summary, "one-paragraph summary");
  add->add_option("--file", file, "Markdown file (- for stdin)")->required();
  add->add_option("--tags", tags, "comma-separated tags");
  add->add_option("--language", language, "nl or en")->capture_default_str();
  add->add_option("--author-email", author_email, "the author (a member's e-mail)");
  add->add_flag("--publish", publish_now, "publish at once (leader approval)");
  add->add_option("--published-on", published_on, "publication date YYYY-MM-DD (with --publish)");
  auto* pub = articles->add_subcommand("publish", "approve and publish a submitted article");
  int64_t article_id = 0;
  pub->add_option("--db", db_url, kDbHelp);
  pub->add_option("--id", article_id, "article id")->required()->check(CLI::PositiveNumber);
  pub->add_option("--published-on", published_on, "publication date YYYY-MM-DD (default now)");
  auto* list = articles->add_subcommand("list", "list articles");
  std::string status_filter;
  list->add_option("--db", db_url, kDbHelp);
  list->add_option("--status", status_filter, "draft, submitted or published");

  // subscribe
  auto* subscribe = app.add_subcommand("subscribe", "add a subscriber: queue the confirmation mail and print its link");
  std::string email, topics_csv;
  bool confirmed = false, no_mail = false;
  subscribe->add_option("--db", db_url, kDbHelp);
  subscribe->add_option("--email", email, "e-mail address")->required();
  subscribe->add_option("--language", language, "nl or en")->capture_default_str();
  subscribe->add_option("--topics", topics_csv, "comma-separated topic keys");
  subscribe->add_flag("--confirmed", confirmed, "the address already opted in elsewhere: confirm at once");
  subscribe->add_flag("--no-mail", no_mail, "only print the confirmation link, queue no mail");

  // topics list / set / delete
  auto* topics = app.add_subcommand("topics", "the topics subscribers choose from (articles' tags map to them)");
  topics->require_subcommand(1);
  auto* topics_list = topics->add_subcommand("list", "list the topics");
  auto* topics_set = topics->add_subcommand("set", "create or change a topic");
  auto* topics_del = topics->add_subcommand("delete", "remove a topic");
  std::string topic_key, label_nl, label_en, topic_tags;
  int topic_pos = 0;
  for (auto* c : {topics_list, topics_set, topics_del}) c->add_option("--db", db_url, kDbHelp);
  for (auto* c : {topics_set, topics_del}) c->add_option("key", topic_key, "topic key, e.g. zorg")->required();
  topics_set->add_option("--nl", label_nl, "Dutch label")->required();
  topics_set->add_option("--en", label_en, "English label")->required();
  topics_set->add_option("--tags", topic_tags, "comma-separated article tags that belong to it");
  topics_set->add_option("--position", topic_pos, "order in lists");

  // bounces
  auto* bounces = app.add_subcommand("bounces",
                                     "read the sender's mailbox (mbox or .eml files): delivery status notifications "
                                     "mark bounced addresses, unsubscribe requests (the mailto in List-Unsubscribe) "
                                     "unsubscribe");
  std::vector<std::string> bounce_paths;
  bounces->add_option("--db", db_url, kDbHelp);
  bounces->add_option("paths", bounce_paths, "mbox files, .eml files, or directories of them")->required();

  // compose
  auto* compose = app.add_subcommand("compose", "build the monthly issue per subscriber");
  std::string month, out_dir;
  compose->add_option("--db", db_url, kDbHelp);
  compose->add_option("--month", month, "the month, e.g. 2026-11")->required();
  compose->add_option("--out", out_dir, "write each message as <dir>/subscriber-<id>.eml");
  int threads = 0;
  compose->add_option("--threads", threads, "threads composing (default: one per core)")->check(CLI::Range(0, 256));

  // send
  auto* send = app.add_subcommand("send", "send (or resume) the monthly issue over SMTP");
  std::string smtp_url, smtp_user, starttls;
  double rate = 0;
  bool insecure = false;
  send->add_option("--db", db_url, kDbHelp);
  send->add_option("--month", month, "the month, e.g. 2026-11")->required();
  send->add_option("--smtp", smtp_url, "smtp://host:port or smtps://host:port (default: setting mail.smtp_url)");
  send->add_option("--smtp-user", smtp_user,
                   "SMTP user (default: mail.smtp_user; password from VERBINDER_SMTP_PASSWORD)");
  send->add_option("--starttls", starttls, "off, try or required (default: mail.starttls, else try)")
      ->check(CLI::IsMember({"off", "try", "required"}));
  send->add_option("--rate", rate, "messages per second (0 = no limit)")->check(CLI::Range(0.0, 100000.0));
  send->add_flag("--insecure-tls", insecure, "do not verify the server's TLS certificate");

  // status
  auto* status = app.add_subcommand("status", "show the delivery log of a month's issue");
  status->add_option("--db", db_url, kDbHelp);
  status->add_option("--month", month, "the month, e.g. 2026-11")->required();

  if (int rc = ParseCommandLine(app, args, "newsletter"); rc >= 0) return rc;

  if (config->parsed()) return RunConfig(db_url, from_email, from_name, base_url, list_name);

  if (month.empty() == false) {
    if (auto r = MonthRange(month); !r) {
      Fail("newsletter", r.status());
      return kExitUsage;
    }
  }
  auto env = CommandEnv::Open(db_url);
  if (!env) return Fail("newsletter", env.status());
  storage::Database& db = (*env)->db();
  const Clock& clock = (*env)->clock();
  app_services::Services& services = (*env)->services();

  if (add->parsed()) {
    Article a;
    a.title = title;
    a.summary = summary;
    a.language = language;
    a.tags = tags.empty() ? std::vector<std::string>{} : Split(tags, ',');
    std::stringstream body;
    if (file == "-")
      body << std::cin.rdbuf();
    else {
      std::ifstream f(file, std::ios::binary);
      if (!f) {
        Fail("newsletter articles add", InvalidArgument("cannot read " + file, "file"));
        return kExitUsage;
      }
      body << f.rdbuf();
    }
    a.body_md = body.str();
    domain::Viewer viewer = domain::Viewer::System();
    if (!author_email.empty()) {
      auto author = services.articles.AuthorByEmail(domain::Viewer::System(), author_email);
      if (!author && (author.status().code() == Code::kNotFound || author.status().code() == Code::kInvalidArgument))
        return UsageError("newsletter articles add",
                          "--author-email: no member has the e-mail address '" + author_email + "'");
      if (!author) return Fail("newsletter articles add", author.status());
      viewer = *author;
    }
    a.status = publish_now ? ArticleStatus::kPublished : ArticleStatus::kSubmitted;
    if (!published_on.empty()) {
      auto t = ParseDay(published_on, "published-on");
      if (!t) {
        Fail("newsletter articles add", t.status());
        return kExitUsage;
      }
      a.published_at = *t;
    }
    newsletter::ArticleService& svc = services.articles;
    auto created = svc.Create(viewer, a);
    if (!created && created.status().code() == Code::kPermissionDenied && publish_now) {
      // A member's article goes in as a submission; the CLI operator approves it below.
      a.status = ArticleStatus::kSubmitted;
      created = svc.Create(viewer, a);
      if (created) created = svc.Publish(domain::Viewer::System(), created->id, a.published_at);
    }
    if (!created) return Fail("newsletter articles add", created.status());
    std::cout << "article " << created->id << " (" << ToString(created->status) << "): " << created->title << "\n";
    return kExitOk;
  }
  if (pub->parsed()) {
    int64_t at = 0;
    if (!published_on.empty()) {
      auto t = ParseDay(published_on, "published-on");
      if (!t) {
        Fail("newsletter articles publish", t.status());
        return kExitUsage;
      }
      at = *t;
    }
    auto r = services.articles.Publish(domain::Viewer::System(), article_id, at);
    if (!r) return Fail("newsletter articles publish", r.status());
    std::cout << "article " << r->id << " published\n";
    return kExitOk;
  }
  if (list->parsed()) {
    ArticleFilter f;
    f.limit = domain::kMaxPageSize;
    if (!status_filter.empty()) {
      f.status = ParseArticleStatus(status_filter);
      if (!f.status) {
        Fail("newsletter articles list", InvalidArgument("must be draft, submitted or published", "status"));
        return kExitUsage;
      }
    }
    auto page = services.articles.List(domain::Viewer::System(), f);
    if (!page) return Fail("newsletter articles list", page.status());
    for (const auto& a : page->items)
      std::cout << a.id << "\t" << ToString(a.status) << "\t" << a.language << "\t" << a.title << "\n";
    return kExitOk;
  }
  if (topics_list->parsed() || topics_set->parsed() || topics_del->parsed()) {
    if (topics_set->parsed()) {
      Topic t{topic_key, label_nl, label_en, topic_tags.empty() ? std::vector<std::string>{} : Split(topic_tags, ','),
              topic_pos};
      auto r = SaveTopic(db, t);
      if (!r) {
        Fail("newsletter topics set", r.status());
        return r.status().code() == Code::kInvalidArgument ? kExitUsage : kExitFailure;
      }
    }
    if (topics_del->parsed())
      if (Status st = DeleteTopic(db, topic_key); !st.ok()) return Fail("newsletter topics delete", st);
    auto all = ListTopics(db);
    if (!all) return Fail("newsletter topics", all.status());
    for (const auto& t : *all)
      std::cout << t.key << "\t" << t.label_nl << "\t" << t.label_en << "\t" << Join(t.tags, ",") << "\n";
    return kExitOk;
  }
  if (bounces->parsed()) {
    auto r = ProcessBounceFiles(db, clock, bounce_paths);
    if (!r) {
      Fail("newsletter bounces", r.status());
      return r.status().code() == Code::kInvalidArgument ? kExitUsage : kExitFailure;
    }
    for (const auto& e : r->errors) std::cerr << "verbinder newsletter bounces: " << e << "\n";
    std::cout << "read " << r->messages << " message(s) in " << r->files << " file(s): " << r->dsns
              << " delivery status notification(s); " << r->hard << " hard and " << r->soft
              << " soft bounce(s) recorded, " << r->duplicates << " seen before, " << r->unknown
              << " for unknown addresses; " << r->stopped << " address(es) now get no more mail; "
              << r->unsubscribe_requests << " unsubscribe request(s) by mail: " << r->unsubscribed
              << " unsubscribed now, " << r->bad_requests << " with an invalid link\n";
    return r->errors.empty() ? kExitOk : kExitFailure;
  }
  if (subscribe->parsed()) {
    newsletter::SubscriptionService& subs = services.subscriptions;
    auto r = subs.Subscribe(email, language, topics_csv.empty() ? std::vector<std::string>{} : Split(topics_csv, ','),
                            !confirmed && !no_mail);
    if (!r) {
      Fail("newsletter subscribe", r.status());
      return r.status().code() == Code::kInvalidArgument ? kExitUsage : kExitFailure;
    }
    auto cfg = LoadConfig(db);
    if (!cfg) return Fail("newsletter subscribe", cfg.status());
    if (r->confirm_token.empty()) {
      std::cout << "subscriber " << r->subscriber.id << " is already confirmed\n";
    } else if (confirmed) {
      auto c = subs.Confirm(r->confirm_token);
      if (!c) return Fail("newsletter subscribe", c.status());
      std::cout << "subscriber " << c->id << " confirmed\n";
    } else {
      std::cout << "subscriber " << r->subscriber.id << " pending; "
                << (r->confirmation_queued ? "confirmation mail queued; " : "")
                << "confirmation link: " << ConfirmUrl(cfg->base_url, r->confirm_token) << "\n";
    }
    return kExitOk;
  }

  auto cfg = LoadConfig(db);
  if (!cfg) return Fail("newsletter", cfg.status());
  if (Status s = ValidateConfig(*cfg); !s.ok()) return Fail("newsletter", s);
  Composer composer(db, clock, *cfg);

  if (compose->parsed()) {
    auto issue = composer.LoadIssue(month);
    if (!issue) return Fail("newsletter compose", issue.status());
    newsletter::SubscriptionService& subs = services.subscriptions;
    auto recipients = subs.Confirmed();
    if (!recipients) return Fail("newsletter compose", recipients.status());
    if (!out_dir.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(out_dir, ec);
      if (ec)
        return Fail("newsletter compose", InvalidArgument("cannot create " + out_dir + ": " + ec.message(), "out"));
    }
    // Threads take subscribers in turn (the Composer is thread-safe; DKIM signing is the costly part).
    std::atomic<int64_t> personal{0};
    std::atomic<size_t> next{0};
    std::mutex fail_mu;
    Status failure = Status::Ok();
    auto work = [&] {
      for (size_t i = next++; i < recipients->size(); i = next++) {
        const Subscriber& s = (*recipients)[i];
        Status st = [&]() -> Status {
          VB_ASSIGN_OR_RETURN(std::string token, subs.UnsubscribeToken(s.id));
          VB_ASSIGN_OR_RETURN(ComposedMessage msg, composer.ComposeFor(*issue, s, token));
          personal += msg.personal.empty() ? 0 : 1;
          if (!out_dir.empty())
            return WriteFileAtomic(std::filesystem::path(out_dir) / ("subscriber-" + std::to_string(s.id) + ".eml"),
                                   msg.raw);
          return Status::Ok();
        }();
        if (!st.ok()) {
          std::lock_guard<std::mutex> lock(fail_mu);
          if (failure.ok()) failure = st;
          next = recipients->size();
        }
      }
    };
    const int n_threads = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (int t = 1; t < n_threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (!failure.ok()) return Fail("newsletter compose", failure);
    std::cout << "composed " << recipients->size() << " message(s) for " << month << ": " << issue->articles.size()
              << " article(s), " << issue->events.size() << " upcoming event(s), " << personal.load()
              << " with a personal part" << (out_dir.empty() ? "" : "; written to " + out_dir) << "\n";
    return kExitOk;
  }
  if (send->parsed()) {
    // The SMTP settings come from `verbinder settings` (mail.*); options here override them.
    mail::SmtpOptions so = cfg->mail.smtp;
    if (!smtp_url.empty()) so.url = smtp_url;
    if (!smtp_user.empty()) so.username = smtp_user;
    if (!starttls.empty())
      so.starttls = starttls == "off"        ? mail::StartTls::kOff
                    : starttls == "required" ? mail::StartTls::kRequired
                                             : mail::StartTls::kTry;
    if (insecure) so.verify_tls = false;
    if (so.url.empty()) {
      Fail("newsletter send",
           InvalidArgument("no SMTP server: pass --smtp smtp://host:port or run `verbinder settings set "
                           "mail.smtp_url smtp://host:port`",
                           "smtp"));
      return kExitUsage;
    }
    if (!StartsWith(so.url, "smtp://") && !StartsWith(so.url, "smtps://")) {
      Fail("newsletter send", InvalidArgument("must be smtp://host:port or smtps://host:port", "smtp"));
      return kExitUsage;
    }
    if (cfg->from.email.size() >= 8 && cfg->from.email.compare(cfg->from.email.size() - 8, 8, ".invalid") == 0)
      return Fail("newsletter send",
                  InvalidArgument("no sender configured; run `verbinder settings set mail.from_email "
                                  "...` (and mail.base_url https://...) first",
                                  "from_email"));
    mail::CurlSmtpTransport transport(so);
    IssueSender sender(db, clock, composer, transport);
    SendOptions opt;
    opt.month = month;
    opt.rate = send->count("--rate") ? rate : cfg->rate;
    opt.progress = TerminalProgress();
    auto r = sender.Send(opt);
    if (isatty(STDERR_FILENO)) std::fprintf(stderr, "\n");
    if (!r) return Fail("newsletter send", r.status());
    std::cout << "issue " << month << ": sent " << r->sent_now << " now, " << r->sent_total << " of " << r->recipients
              << " in total, " << r->failed << " failed, " << r->skipped << " skipped";
    if (r->resent_in_flight)
      std::cout << ", " << r->resent_in_flight << " in-flight message(s) from an interrupted run resent";
    std::cout << (r->finished ? "; finished" : "") << "\n";
    return kExitOk;
  }
  if (status->parsed()) {
    auto r = IssueStatus(db, month);
    if (!r) return Fail("newsletter status", r.status());
    std::cout << "issue " << month << ": " << r->sent_total << " of " << r->recipients << " sent, " << r->failed
              << " failed, " << r->skipped << " skipped; " << (r->finished ? "finished" : "not finished") << "\n";
    return kExitOk;
  }
  return kExitUsage;
}

}  // namespace verbinder::cli
