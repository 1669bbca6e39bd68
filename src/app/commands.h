// The commands behind the CLI, one function each, so tests and other commands can call them.
#pragma once

#include <string>

#include "core/result.h"

namespace dandelion::app {

// Creates a new data dir: config.toml (every setting commented), keys/master.key (0600) and
// a migrated database. Refuses a dir that exists and is not empty. Built in a sibling temp dir
// and renamed into place, so an interrupted init leaves nothing behind.
// database_url: empty for SQLite in the data dir, or a PostgreSQL URL.
Result<void> InitDataDir(const std::string& dir, const std::string& database_url);

// Applies pending migrations; returns how many ran. The database must hold Dandelion's schema
// unless new_database (a new, empty PostgreSQL database for an existing data dir).
Result<int> MigrateDataDir(const std::string& dir, bool new_database = false);

// Copies the database consistently (also while a server runs) to out_file, encrypted under a
// key of its own kept in the data dir's backup register (app/backup_register.h); journals the
// database's erasures first and destroys the keys of expired backups.
Result<void> BackupDataDir(const std::string& dir, const std::string& out_file);

// Replaces the data dir's database with from_file after checking it (its key is in the
// register and not expired, file, schema version, master key, audit chain), re-applies the
// erasure journal to it (app/erasure_journal.h), atomically, keeping the replaced one beside
// it; says so on stdout. An expired backup fails with "backup.expired".
Result<void> RestoreDataDir(const std::string& dir, const std::string& from_file);

// `backups prune`: destroys the keys of backups older than [backup] keep_days, audited.
Result<void> PruneBackups(const std::string& dir);

// `backups list`: the register's backups, with the day each expires.
Result<void> ListBackupKeys(const std::string& dir);

// `erasures reapply`: erases again every woman of the erasure journal still on record (after a
// pg_restore, or a database put back by hand).
Result<void> ReapplyErasuresToDataDir(const std::string& dir);

// The one password of every demo account (published: demo data dirs hold no real data).
inline constexpr const char* kDemoPassword = "minduelle-demo-2026";

// Fills a new (or just initialized, still empty) data dir with a synthetic demo network and
// marks it as a demo. Refuses a data dir that already has organizations.
Result<void> FillDemo(const std::string& data_dir);

struct GenerateOptions {
  std::string data_dir;
  std::string org_slug;
  std::string worker;     // username: carries about a hundred open cases, whatever the size
  std::string colleague;  // username: carries the rest
  int64_t people = 1000;
  int64_t services = 10000;
  int64_t batch = 1000;  // people per transaction
  std::string case_ids_out;
};

// Bench only (bench/cases_bench): people, cases and services in batched transactions, sealed
// as the services seal them. Refuses a data dir that is neither demo nor test.
Result<void> Generate(const GenerateOptions& options);

struct ServeOptions {
  std::string data_dir;
  std::string listen;  // empty = from config
};

// Runs the server until SIGTERM or SIGINT. Returns the process exit code.
int Serve(const ServeOptions& options);

}  // namespace dandelion::app
