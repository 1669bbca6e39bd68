// ExportService: the one door to export jobs (docs/api-exports.md).
//
// A job writes one statistics table (StatsService, with the same permission, query and audit
// entry as the statistics it exports) as CSV, XLSX or PDF off the request thread: at most
// `workers` jobs run at once on this server, more wait in a queue, and one user may have at
// most kMaxUnfinishedPerUser jobs queued or running. Creating one needs a re-authentication
// within the last five minutes. The file is encrypted at rest under its own random key, stored
// wrapped by the organization's key (security/file_cipher.h), in <data>/exports/, and both are
// deleted 24 hours after the job was created (and at start-up for expired ones). A job is
// visible only to the user who created it (others get 404, like an unknown id). Creation and
// every download are audited (export.create, export.download) with the kind and format, never
// the contents. Progress is pushed as server-sent events to whoever follows the job on this
// server.
//
// Thread-safe.
#pragma once

#include <boost/json.hpp>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "http/event_stream.h"
#include "modules/stats/stats_service.h"
#include "security/actor.h"
#include "security/audit_log.h"
#include "security/auth_service.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::exports {

inline constexpr int kMaxUnfinishedPerUser = 3;
inline constexpr std::int64_t kKeepSeconds = 24 * 60 * 60;

struct ExportRequest {
  std::string kind;    // stats.own | stats.network
  std::string format;  // csv | xlsx | pdf
  stats::StatsQuery query;
};

struct ExportJob {
  std::string id;
  std::string org_id;
  std::string user_id;
  std::string kind;
  std::string format;
  stats::StatsQuery query;
  std::string status;  // queued | running | done | failed
  int progress = 0;    // 0..100
  std::string step;    // exports.step.*
  std::string error;   // a message key, "" unless failed
  std::string created_at;
  std::string finished_at;
  std::optional<std::int64_t> size;
  std::string sha256;

  // "통계_2026-01-01_2026-12-31.xlsx" once done.
  std::string FileName() const;
};

struct ExportFile {
  std::string bytes;
  std::string content_type;
  std::string file_name;
};

struct ExportOptions {
  std::filesystem::path dir;        // where encrypted files live (<data>/exports)
  std::filesystem::path font_path;  // the Korean TrueType font for PDF
  int workers = 2;
};

class ExportService {
 public:
  ExportService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
                const security::AuthService& auth, stats::StatsService& stats, const Clock& clock,
                ExportOptions options);
  ~ExportService();
  ExportService(const ExportService&) = delete;
  ExportService& operator=(const ExportService&) = delete;

  // Start-up: jobs a stop left queued or running fail ("exports.interrupted"), expired files
  // and jobs go, files without a job go. Then the workers start.
  Result<void> Start();
  // Lets the running jobs finish, drops the queued ones (they fail at the next start-up).
  void Stop();

  // The caller may create exports now: the permission and a re-authentication within 5 minutes.
  Result<void> MayCreate(const security::Actor& actor) const;
  Result<std::string> Create(const security::Actor& actor, const ExportRequest& request);
  Result<ExportJob> Get(const security::Actor& actor, const std::string& id);
  Result<std::vector<ExportJob>> List(const security::Actor& actor);
  // The job's progress as server-sent events ("progress", the job's JSON) until done or failed.
  Result<std::shared_ptr<http::EventStream>> Follow(const security::Actor& actor,
                                                    const std::string& id);
  // The decrypted file; 409 conflict while the job is not done.
  Result<ExportFile> Download(const security::Actor& actor, const std::string& id);

  // Deletes jobs and files older than 24 hours; returns how many.
  Result<int> PurgeExpired();

  // Runs queued jobs on the caller's thread until none is left (tests without workers).
  void RunQueued();

 private:
  struct Queued {
    std::string id;
    security::Actor actor;
  };
  void Work();
  void Run(const Queued& job);
  Result<void> Produce(const Queued& job);
  Result<void> SetState(const std::string& id, const std::string& status, int progress,
                        const std::string& step, const std::string& error = "",
                        std::optional<std::int64_t> size = std::nullopt,
                        const std::string& sha256 = "", const std::string& file_key = "");
  void Publish(const ExportJob& job);
  std::filesystem::path FilePath(const std::string& id) const;

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  const security::AuthService& auth_;
  stats::StatsService& stats_;
  const Clock& clock_;
  const ExportOptions options_;

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Queued> queue_;  // GUARDED_BY(mu_)
  bool stopping_ = false;     // GUARDED_BY(mu_)
  // Who follows a job's progress, and the progress each was last sent: a state read before a
  // newer one was pushed is not sent after it (progress only moves forward).
  struct Follower {
    std::shared_ptr<http::EventStream> stream;
    int sent = -1;
  };
  std::map<std::string, std::vector<Follower>> followers_;  // GUARDED_BY(mu_)
  std::vector<std::thread> workers_;
};

// The job's JSON as the API answers it (also each progress event's data).
boost::json::object JobJson(const ExportJob& job);

void RegisterExportMessages();

}  // namespace dandelion::exports
