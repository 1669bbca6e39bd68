#include "app/cli.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/admin_commands.h"
#include "app/commands.h"
#include "core/messages.h"

namespace dandelion::app {
namespace {

// The console's lead for the generic messages; specific ones are printed as they are.
std::string ConsoleMessage(const Error& error) {
  if (error.message_key == "error.invalid") {
    return "The configuration or the command's arguments are not valid.";
  }
  if (error.message_key == "error.internal") {
    return "A database or file operation failed.";
  }
  if (error.message_key == "error.unavailable") {
    return "The database cannot be used right now.";
  }
  if (error.message_key == "error.conflict") return "This conflicts with the data dir's state.";
  return Translate(error.message_key, Lang::kEn);
}

// Prints a failed command's reason for the operator at the console: the English message, then
// the detail. The generic HTTP messages speak to a web user ("quote the request id", "correct
// the marked fields"); a console has no request id and no marked fields, so they are replaced by
// what the failure is about.
int Report(const Error& error, int exit_code = kExitFailed) {
  std::cerr << "dandelion: " << ConsoleMessage(error);
  if (!error.detail.empty()) std::cerr << " — " << error.detail;
  for (const auto& [field, key] : error.fields) {
    std::cerr << "\n  " << field << ": " << Translate(key, Lang::kEn);
  }
  std::cerr << "\n";
  return exit_code;
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App cli{
      "Dandelion (민들레): the secure information system of a network of organizations "
      "supporting survivors of sexual exploitation and trafficking."};
  cli.require_subcommand(1);
  std::string data_dir;

  auto* init = cli.add_subcommand("init", "Create a new data dir: config, master key, database");
  init->add_option("--data", data_dir, "Data dir to create (must not exist, or be empty)")
      ->required();
  std::string database_url;
  init->add_option("--database-url", database_url,
                   "PostgreSQL URL (postgresql://…) instead of SQLite in the data dir");

  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  migrate->add_option("--data", data_dir, "Data dir")->required();
  bool new_database = false;
  migrate->add_flag("--new-database", new_database,
                    "The database is new and empty (PostgreSQL): create Dandelion's tables in it");

  ServeOptions serve_options;
  auto* serve = cli.add_subcommand("serve", "Run the HTTP server until SIGTERM or Ctrl-C");
  serve->add_option("--data", serve_options.data_dir, "Data dir")->required();
  serve->add_option("--listen", serve_options.listen,
                    "Address:port to listen on (default from config.toml: 127.0.0.1:8080; "
                    "port 0 picks a free port)");

  std::string out_file;
  auto* backup =
      cli.add_subcommand("backup", "Write a consistent copy of the database (server may run)");
  backup->add_option("--data", data_dir, "Data dir")->required();
  backup->add_option("--out", out_file, "File to write (must not exist)")->required();

  std::string from_file;
  auto* restore =
      cli.add_subcommand("restore", "Replace the database with a checked backup (server stopped)");
  restore->add_option("--data", data_dir, "Data dir")->required();
  restore->add_option("--from", from_file, "Backup file to restore")->required();

  OrgAddOptions org_options;
  auto* org = cli.add_subcommand("org", "Manage member organizations");
  org->require_subcommand(1);
  auto* org_add = org->add_subcommand("add", "Add a member organization");
  org_add->add_option("--data", org_options.data_dir, "Data dir")->required();
  org_add->add_option("--slug", org_options.slug, "Short identifier, e.g. seoul-counsel")
      ->required();
  org_add->add_option("--name", org_options.name, "Name, e.g. 서울 상담소")->required();
  org_add
      ->add_option("--kind", org_options.kind,
                   "secretariat | counseling_center | support_facility | "
                   "self_reliance_center | survivor_network")
      ->required();
  org_add->add_option("--region", org_options.region, "ISO 3166-2:KR region, e.g. KR-11")
      ->required();
  org_add->add_option("--facility-type", org_options.facility_type,
                      "For support_facility: general | youth | foreigner | group_home");

  UserAddOptions user_options;
  auto* user = cli.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add a user to an organization");
  user_add->add_option("--data", user_options.data_dir, "Data dir")->required();
  user_add->add_option("--org", user_options.org, "Organization slug")->required();
  user_add->add_option("--username", user_options.username, "Username (a-z, 0-9, . _ -)")
      ->required();
  user_add
      ->add_option("--role", user_options.roles,
                   "Role or comma-separated roles, e.g. case_worker,supervisor")
      ->required();
  user_add->add_option("--display-name", user_options.display_name, "Name shown in the app");
  user_add->add_flag("--password-stdin", user_options.password_stdin,
                     "Read the password from stdin instead of printing a one-time password");

  auto* demo = cli.add_subcommand(
      "demo", "Fill a new data dir with a synthetic demo network (plainly marked as such)");
  demo->add_option("--data", data_dir, "Data dir (created when it does not exist)")->required();

  // Hidden (an empty group): only bench/cases_bench uses it.
  GenerateOptions generate_options;
  auto* generate = cli.add_subcommand("generate", "")->group("");
  generate->add_option("--data", generate_options.data_dir, "Data dir")->required();
  generate->add_option("--org", generate_options.org_slug, "Organization slug")->required();
  generate->add_option("--worker", generate_options.worker, "Case worker's username")->required();
  generate->add_option("--colleague", generate_options.colleague, "Colleague's username")
      ->required();
  generate->add_option("--people", generate_options.people, "People")->check(CLI::PositiveNumber);
  generate->add_option("--services", generate_options.services, "Services")
      ->check(CLI::NonNegativeNumber);
  generate->add_option("--batch", generate_options.batch, "People per transaction")
      ->check(CLI::PositiveNumber);
  generate->add_option("--case-ids", generate_options.case_ids_out, "File for the case ids")
      ->required();

  auto* audit = cli.add_subcommand("audit", "Check the audit log and sign checkpoints");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand(
      "verify",
      "Walk the hash chain and checkpoints; exit 1 naming the first broken entry, 3 when the "
      "data dir or its database cannot be opened");
  audit_verify->add_option("--data", data_dir, "Data dir")->required();
  auto* audit_checkpoint = audit->add_subcommand(
      "checkpoint", "Sign the audit log's head now and print the checkpoint to copy elsewhere");
  audit_checkpoint->add_option("--data", data_dir, "Data dir")->required();
  auto* audit_flush = audit->add_subcommand(
      "flush",
      "File the reads' entries waiting in the audit journal into the audit log now (SQLite; "
      "the server does it every second)");
  audit_flush->add_option("--data", data_dir, "Data dir")->required();
  auto* audit_public_key = audit->add_subcommand(
      "public-key", "Print the public key that verifies checkpoints, to copy elsewhere");
  audit_public_key->add_option("--data", data_dir, "Data dir")->required();

  auto* report = cli.add_subcommand("report", "Filed periodic reports");
  report->require_subcommand(1);
  std::string report_file;
  std::string report_key;
  auto* report_verify = report->add_subcommand(
      "verify",
      "Verify a filed report's signed file offline against a trusted public key (never the one "
      "inside the file); exit 1 when it does not verify");
  report_verify
      ->add_option("FILE", report_file, "The signed file (GET /api/v1/reports/{id}/signed)")
      ->required();
  auto* report_key_option = report_verify->add_option(
      "--public-key", report_key, "Trusted public key, hex (`dandelion audit public-key`)");
  auto* report_data_option =
      report_verify->add_option("--data", data_dir, "Data dir whose key to trust");
  report_key_option->excludes(report_data_option);

  auto* backups = cli.add_subcommand("backups", "Manage the backup register (keys of backups)");
  backups->require_subcommand(1);
  auto* backups_prune = backups->add_subcommand(
      "prune",
      "Destroy the keys of backups older than [backup] keep_days (they can no longer "
      "be restored)");
  backups_prune->add_option("--data", data_dir, "Data dir")->required();
  auto* backups_list =
      backups->add_subcommand("list", "List the backups that can be restored, with their expiry");
  backups_list->add_option("--data", data_dir, "Data dir")->required();

  auto* erasures = cli.add_subcommand("erasures", "The erasure journal (docs/operations.md)");
  erasures->require_subcommand(1);
  auto* erasures_reapply = erasures->add_subcommand(
      "reapply", "Erase again everyone of the erasure journal (after pg_restore)");
  erasures_reapply->add_option("--data", data_dir, "Data dir")->required();

  auto* keys = cli.add_subcommand("keys", "Manage the master key");
  keys->require_subcommand(1);
  auto* keys_rotate = keys->add_subcommand(
      "rotate", "Replace the master key and re-wrap every organization key (server stopped)");
  keys_rotate->add_option("--data", data_dir, "Data dir")->required();

  CLI11_PARSE(cli, argc, argv);

  if (*org_add) {
    if (auto r = OrgAdd(org_options); !r) return Report(r.error());
    return 0;
  }
  if (*user_add) {
    if (auto r = UserAdd(user_options); !r) return Report(r.error());
    return 0;
  }
  if (*demo) {
    if (auto r = FillDemo(data_dir); !r) return Report(r.error());
    return 0;
  }
  if (*generate) {
    if (auto r = Generate(generate_options); !r) return Report(r.error());
    return 0;
  }
  if (*audit_verify) {
    auto r = AuditVerify(data_dir);
    // 1 only for what the log shows; a database that cannot be opened or read is not a verdict.
    if (!r) {
      const std::string& key = r.error().message_key;
      const bool broken = key == "security.audit_broken" ||
                          key == "security.audit_checkpoint_invalid" ||
                          key == "security.audit_checkpoint_missing" ||
                          key == "security.audit_checkpoint_malformed";
      return Report(r.error(), broken ? kExitFailed : kExitCannotOpen);
    }
    return 0;
  }
  if (*report_verify) {
    if (report_key.empty() && data_dir.empty()) {
      std::cerr << "dandelion: give --public-key HEX or --data DIR (the key to trust)\n";
      return kExitFailed;
    }
    if (auto r = ReportVerify(report_file, report_key, data_dir); !r) return Report(r.error());
    return 0;
  }
  if (*audit_checkpoint) {
    if (auto r = AuditCheckpoint(data_dir); !r) return Report(r.error());
    return 0;
  }
  if (*audit_flush) {
    if (auto r = AuditFlush(data_dir); !r) return Report(r.error());
    return 0;
  }
  if (*audit_public_key) {
    if (auto r = AuditPublicKey(data_dir); !r) return Report(r.error());
    return 0;
  }
  if (*keys_rotate) {
    if (auto r = KeysRotate(data_dir); !r) return Report(r.error());
    return 0;
  }

  if (*init) {
    if (auto r = InitDataDir(data_dir, database_url); !r) return Report(r.error());
    return 0;
  }
  if (*migrate) {
    auto r = MigrateDataDir(data_dir, new_database);
    if (!r) return Report(r.error());
    std::cout << "Applied " << *r << " migration(s).\n";
    return 0;
  }
  if (*serve) return Serve(serve_options);
  if (*backup) {
    if (auto r = BackupDataDir(data_dir, out_file); !r) return Report(r.error());
    std::cout << "Backup written to " << out_file << "\n";
    return 0;
  }
  if (*restore) {
    if (auto r = RestoreDataDir(data_dir, from_file); !r) {
      return Report(r.error(),
                    r.error().message_key == "backup.expired" ? kExitBackupExpired : kExitFailed);
    }
    return 0;
  }
  if (*backups_prune) {
    if (auto r = PruneBackups(data_dir); !r) return Report(r.error());
    return 0;
  }
  if (*backups_list) {
    if (auto r = ListBackupKeys(data_dir); !r) return Report(r.error());
    return 0;
  }
  if (*erasures_reapply) {
    if (auto r = ReapplyErasuresToDataDir(data_dir); !r) return Report(r.error());
    return 0;
  }
  return 0;
}

}  // namespace dandelion::app
