// `dandelion serve`: the composition root. Loads the data dir, opens and migrates the database,
// wires every module's routes into one router, and runs the HTTP server until told to stop.
#include <spdlog/spdlog.h>

#include <atomic>
#include <filesystem>
#include <iostream>

#include "app/commands.h"
#include "app/data_dir_checks.h"
#include "app/data_dir_lock.h"
#include "app/erasure_journal.h"
#include "app/gate.h"
#include "app/private_files.h"
#include "app/service_metrics.h"
#include "app/services.h"
#include "app/ticker.h"
#include "core/config.h"
#include "core/json_log.h"
#include "http/platform_routes.h"
#include "http/server.h"
#include "modules/audit/routes.h"
#include "modules/campaigns/routes.h"
#include "modules/case_records/routes.h"
#include "modules/caseload/routes.h"
#include "modules/cases/routes.h"
#include "modules/emergency/event_relay.h"
#include "modules/emergency/routes.h"
#include "modules/events/routes.h"
#include "modules/exports/routes.h"
#include "modules/funds/routes.h"
#include "modules/network/routes.h"
#include "modules/people/people_service.h"
#include "modules/people/routes.h"
#include "modules/policy/routes.h"
#include "modules/probe/probe.h"
#include "modules/programs/routes.h"
#include "modules/referrals/routes.h"
#include "modules/reports/routes.h"
#include "modules/session/routes.h"
#include "modules/shelters/routes.h"
#include "modules/site/routes.h"
#include "modules/stats/routes.h"
#include "modules/supervision/routes.h"
#include "modules/survivors/routes.h"
#include "modules/training/routes.h"
#include "security/password.h"
#include "store/database.h"

namespace dandelion::app {
namespace {

int Refuse(const std::string& what, const Error& error) {
  std::cerr << "dandelion serve: " << what;
  if (!error.detail.empty()) std::cerr << ": " << error.detail;
  std::cerr << "\n";
  return 1;
}

// A start-up walk over people (search indexes, cards) read names and more to do its work: on
// record like any other read, once, by the console, with the field names and how many women.
Result<void> RecordWalk(Services& s, const std::string& action, int count,
                        std::vector<std::string> fields) {
  if (count == 0) return Ok();
  TRY(s.db->Write([&](store::Tx& tx) -> Result<void> {
    TRY(s.audit->Append(tx, security::ActorEvent(security::Actor::Console(), action, "person",
                                                 std::to_string(count), std::move(fields))));
    return Ok();
  }));
  spdlog::info(R"({{"event":"people_walked","action":"{}","count":{}}})", action, count);
  return Ok();
}

// The built web app: the config's web_root, else web/dist of the checkout the binary was built
// in (build/dandelion -> ../web/dist), else share/dandelion/web beside the installed binary
// (the Debian package: /usr/bin/dandelion -> /usr/share/dandelion/web), else ./web/dist.
std::string FindWebRoot(const Config& config) {
  namespace fs = std::filesystem;
  if (!config.web_root.empty()) return config.web_root;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  const fs::path prefix = exe.parent_path().parent_path();
  for (const fs::path& candidate : {prefix / "web" / "dist", prefix / "share" / "dandelion" / "web",
                                    fs::current_path(ec) / "web" / "dist"}) {
    if (fs::exists(candidate / "index.html", ec)) return candidate.string();
  }
  return "";
}

Result<http::ServerOptions> ServerOptionsFrom(const Config& config, const ServeOptions& options) {
  auto proxies = http::TrustedProxies::Parse(config.trusted_proxies);
  if (!proxies) return Fail(proxies.error());
  http::ServerOptions o;
  o.trusted_proxies = std::move(*proxies);
  o.listen = options.listen.empty() ? config.listen : options.listen;
  o.io_threads = config.io_threads;
  o.worker_threads = config.worker_threads;
  o.body_limit_bytes = config.body_limit_bytes;
  o.header_limit_bytes = config.header_limit_bytes;
  o.header_timeout_seconds = config.header_timeout_seconds;
  o.body_timeout_seconds = config.body_timeout_seconds;
  o.keepalive_timeout_seconds = config.keepalive_timeout_seconds;
  o.anonymous_body_limit_bytes = config.anonymous_body_limit_bytes;
  o.max_connections = static_cast<size_t>(config.max_connections);
  o.max_connections_per_address = static_cast<size_t>(config.max_connections_per_address);
  o.web_root = FindWebRoot(config);
  return o;
}

}  // namespace

int Serve(const ServeOptions& options) {
  auto config = LoadConfig(options.data_dir);
  if (!config) return Refuse("cannot read the configuration", config.error());
  if (auto ok = CheckDataDirPrivate(*config); !ok) {
    return Refuse("the data dir is not private", ok.error());
  }
  // Logs are JSON lines on stderr; stdout carries only what the operator is told.
  UseJsonLogging(config->log_level);
  auto lock = DataDirLock::Acquire(config->data_dir);
  if (!lock) return Refuse("the data dir is in use", lock.error());
  store::PrepareForServing(config->DatabaseUrl(), config->database_readers);
  auto services = Services::Open(options.data_dir, 0, /*data_dir_locked=*/true);
  if (!services) return Refuse("cannot open the data dir", services.error());
  Services& s = **services;
  if (auto ok = QuickCheck(*s.db); !ok) return Refuse("the database is damaged", ok.error());
  if (auto ok = CompareWithKeptCheckpoint(s); !ok) {
    return Refuse("the audit log has lost entries or was replaced (see dandelion audit verify)",
                  ok.error());
  }
  // What an erasure deleted is overwritten in the database's own files (Database::ScrubDeleted)
  // as soon as it committed; when a long read keeps SQLite's log from being cut, the ticker
  // started below tries again every ten seconds (each try holds writes back for at most a quarter
  // of a second). Owed at start-up too: a crash may have come between an erasure and its scrub.
  std::atomic<bool> scrub_owed{true};
  auto scrub = [&s, &scrub_owed]() -> Result<int> {
    if (!scrub_owed.exchange(false)) return 0;
    if (auto r = s.db->ScrubDeleted(); !r) {
      scrub_owed = true;
      return Fail(r.error());
    }
    return 1;
  };
  // Erasures reach older backups: each is journaled outside the database once it committed
  // (app/erasure_journal.h); tombstones a crash left unjournaled are added now.
  const std::string journal = ErasureJournalPath(s.config);
  auto journal_erasure = [journal, &s, &scrub_owed, &scrub](const std::string& id) {
    // Lists and cases kept in memory may hold her wrapped key (cases/list_cache.h,
    // cases/case_cache.h).
    s.cases->listed_rows().Forget();
    s.cases->kept_cases().Forget();
    if (auto r = AppendErasure(journal, id, FormatRfc3339(s.clock->Now())); !r) {
      // The erasure itself committed; the next start-up or backup journals it from the database.
      spdlog::error(R"({{"event":"erasure_journal_failed","cause":"{}"}})", r.error().detail);
    }
    scrub_owed = true;
    if (auto r = scrub(); !r) {
      spdlog::warn(R"({{"event":"erasure_scrub_later","cause":"{}"}})", r.error().detail);
    }
  };
  s.people->SetErasureRecorder(journal_erasure);
  s.survivors->SetErasureRecorder(journal_erasure);
  if (auto synced = SyncErasureJournal(s); !synced) {
    return Refuse("cannot keep the erasure journal", synced.error());
  }
  security::PrepareDummyVerify();

  auto server_options = ServerOptionsFrom(s.config, options);
  if (!server_options) return Refuse("cannot read the configuration", server_options.error());
  http::Router router;
  http::Server server(std::move(*server_options), router);
  http::AddPlatformRoutes(
      router, server.metrics(),
      {.web_root = server.options().web_root, .metrics_token = s.config.metrics_token});
  session::AddRoutes(router, *s.auth, *s.orgs, {.demo = s.config.demo});
  network::AddRoutes(router, *s.orgs, *s.users);
  audit::AddRoutes(router, *s.audit_reader);
  people::AddRoutes(router, *s.people);
  cases::AddRoutes(router, *s.cases);
  case_records::AddRoutes(router, *s.case_records);
  caseload::AddRoutes(router, *s.caseload);
  supervision::AddRoutes(router, *s.supervision);
  emergency::AddRoutes(router, *s.emergency);
  referrals::AddRoutes(router, *s.referrals);
  shelters::AddRoutes(router, *s.shelters);
  funds::AddRoutes(router, *s.funds);
  programs::AddRoutes(router, *s.programs);
  policy::AddRoutes(router, *s.policy);
  stats::AddRoutes(router, *s.stats);
  exports::AddRoutes(router, *s.exports);
  reports::AddRoutes(router, *s.reports);
  events::AddRoutes(router, *s.events);
  campaigns::AddRoutes(router, *s.campaigns);
  campaigns::AddPartnerRoutes(router, *s.campaigns);
  site::AddRoutes(router, *s.site);
  training::AddRoutes(router, *s.training);
  survivors::AddRoutes(router, *s.survivors);
  AddServiceMetrics(server.metrics(), s);

  probe::ProbeService probe_service(*s.db);
  if (s.config.test_mode) {
    probe::AddRoutes(router, probe_service);
    probe::AddClockRoute(router, static_cast<OffsetClock&>(*s.clock));
    spdlog::warn(
        R"({{"event":"test_mode","note":"test-only routes are enabled; passwords are hashed at the minimum cost"}})");
  }
  server.SetGate(MakeSecurityGate(*s.auth));
  // Before the first search: people written before search terms existed, by the demo generator
  // or before a key rotation become findable again.
  auto reindexed = people::RefreshPersonIndexes(*s.db, *s.keyring);
  if (!reindexed) return Refuse("cannot index people for search", reindexed.error());
  if (auto r = RecordWalk(s, "person.reindex", *reindexed, {"legal_name", "alias", "phone"}); !r) {
    return Refuse("cannot record the search indexing", r.error());
  }
  // Before the first list: people written before their cards existed (migration 0028).
  auto carded = people::SealMissingCards(*s.db, *s.keyring);
  if (!carded) return Refuse("cannot seal people's cards", carded.error());
  if (auto r = RecordWalk(s, "person.card_seal", *carded, {"legal_name", "alias", "safe_contact"});
      !r) {
    return Refuse("cannot record the sealing of cards", r.error());
  }

  // Several servers on one PostgreSQL database: every server's event streams see every change.
  std::unique_ptr<emergency::EventRelay> relay;
  if (s.db->dialect() == store::Dialect::kPostgres) {
    auto started = emergency::EventRelay::Start(s.config.DatabaseUrl(), s.emergency->hub());
    if (!started) return Refuse("cannot listen for other servers' events", started.error());
    relay = std::move(*started);
  }
  if (auto kept = KeepCheckpoint(s); !kept) {
    return Refuse("cannot keep the audit checkpoint", kept.error());
  }

  // Export jobs a stop interrupted fail, expired files go, then the workers start.
  if (auto started = s.exports->Start(); !started) {
    return Refuse("cannot prepare the export files", started.error());
  }
  auto port = server.Start();
  if (!port) return Refuse("cannot listen on " + server.options().listen, port.error());
  std::string host = server.options().listen.substr(0, server.options().listen.rfind(':'));
  // Requests whose deadline passed while the server was down escalate at once; referrals nobody
  // answered remind supervisors (a minute late at most).
  Ticker escalator("emergency escalation", std::chrono::seconds(1),
                   [&s] { return s.emergency->EscalateOverdue(); });
  escalator.Start();
  Ticker reminders("referral reminders", std::chrono::seconds(s.config.test_mode ? 1 : 60),
                   [&s] { return s.referrals->RemindOverdue(); });
  reminders.Start();
  Ticker export_purge("export purge", std::chrono::seconds(s.config.test_mode ? 1 : 300),
                      [&s] { return s.exports->PurgeExpired(); });
  export_purge.Start();
  Ticker scrubber("erasure scrub", std::chrono::seconds(10), scrub);
  scrubber.Start();
  // Lists kept from before another process changed their rows are never shown (their generation
  // no longer matches); this lets go of them within a second, erased women's keys included.
  Ticker list_sweeper("case list sweep", std::chrono::seconds(1), [&s]() -> Result<int> {
    TRY(s.cases->listed_rows().Sweep(*s.db));
    TRY(s.cases->kept_cases().Sweep(*s.db));
    return 0;  // routine: not worth a log line every second
  });
  list_sweeper.Start();
  std::cout << "Dandelion is listening on http://" << host << ":" << *port << "/" << std::endl;
  server.Run();
  // Write the audit entries of the last reads while the server's strands still exist.
  s.audit_reads->Stop();
  escalator.Stop();
  reminders.Stop();
  export_purge.Stop();
  scrubber.Stop();
  list_sweeper.Stop();
  s.exports->Stop();
  s.emergency->hub().CloseAll();
  if (auto kept = KeepCheckpoint(s); !kept) {
    spdlog::error("cannot keep the audit checkpoint: {}", kept.error().detail);
  }
  std::cout << "Dandelion stopped." << std::endl;
  return 0;
}

}  // namespace dandelion::app
