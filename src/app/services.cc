#include "app/services.h"

#include "app/backup_register.h"
#include "app/data_dir_checks.h"
#include "app/key_rotation.h"
#include "modules/audit/routes.h"
#include "modules/campaigns/routes.h"
#include "modules/case_records/routes.h"
#include "modules/cases/routes.h"
#include "modules/emergency/routes.h"
#include "modules/events/routes.h"
#include "modules/exports/export_service.h"
#include "modules/funds/routes.h"
#include "modules/network/routes.h"
#include "modules/people/routes.h"
#include "modules/policy/routes.h"
#include "modules/programs/routes.h"
#include "modules/referrals/routes.h"
#include "modules/reports/routes.h"
#include "modules/shelters/bed_counts.h"
#include "modules/shelters/routes.h"
#include "modules/stats/routes.h"
#include "modules/supervision/routes.h"
#include "modules/survivors/routes.h"
#include "modules/training/routes.h"
#include "security/audit_journal_legacy.h"
#include "security/keys.h"
#include "security/messages.h"
#include "security/password.h"
#include "security/sodium_init.h"
#include "store/migrations.h"

namespace dandelion::app {

void RegisterAllMessages() {
  RegisterDataDirMessages();
  RegisterBackupMessages();
  security::RegisterSecurityMessages();
  security::RegisterAuthMessages();
  network::RegisterNetworkMessages();
  audit::RegisterAuditMessages();
  people::RegisterPeopleMessages();
  cases::RegisterCaseMessages();
  case_records::RegisterCaseRecordsMessages();
  emergency::RegisterEmergencyMessages();
  supervision::RegisterSupervisionMessages();
  referrals::RegisterReferralMessages();
  shelters::RegisterShelterMessages();
  funds::RegisterFundMessages();
  programs::RegisterProgramMessages();
  policy::RegisterPolicyMessages();
  stats::RegisterStatsMessages();
  exports::RegisterExportMessages();
  reports::RegisterReportMessages();
  events::RegisterEventMessages();
  campaigns::RegisterCampaignMessages();
  training::RegisterTrainingMessages();
  survivors::RegisterSurvivorMessages();
}

namespace {

// The master key's version, recorded by `keys rotate`; 1 until the first rotation.
Result<uint32_t> MasterKeyVersion(store::Database& db) {
  uint32_t version = 1;
  auto r = db.Read([&](store::Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT value FROM kv_settings WHERE key = 'master_key_version'");
    if (!row) return Fail(row.error());
    if (*row) version = static_cast<uint32_t>(std::stoul((*row)->Text(0)));
    return Ok();
  });
  if (!r) return Fail(r.error());
  return version;
}

}  // namespace

Result<std::unique_ptr<Services>> Services::Open(const std::string& data_dir, int readers,
                                                 bool data_dir_locked,
                                                 std::unique_ptr<Clock> clock) {
  return OpenConfigured(TRY(LoadConfig(data_dir)), readers, data_dir_locked, std::move(clock));
}

Result<std::unique_ptr<Services>> Services::OpenConfigured(Config config, int readers,
                                                           bool data_dir_locked,
                                                           std::unique_ptr<Clock> clock) {
  security::EnsureSodium();
  RegisterAllMessages();
  auto s = std::make_unique<Services>();
  s->config = std::move(config);
  // Test data dirs hash passwords at the minimum cost (security/password.h).
  if (s->config.test_mode) security::UseMinimumCostForTests();
  // Test data dirs get a clock that black-box tests can move forward (session expiry, lockout).
  if (clock) {
    s->clock = std::move(clock);
  } else if (s->config.test_mode) {
    s->clock = std::make_unique<OffsetClock>();
  } else {
    s->clock = std::make_unique<SystemClock>();
  }
  // The database must already exist: a lost one is reported, never replaced by an empty one.
  s->db = TRY(OpenDataDirDatabase(s->config, readers > 0 ? readers : s->config.database_readers));
  // A database written by a newer Dandelion has columns and meanings this binary does not know.
  const int schema = TRY(store::SchemaVersion(*s->db));
  const int known = store::EmbeddedMigrations(s->db->dialect()).back().version;
  if (schema > known) {
    return Fail(ErrorCode::kInvalid, "error.invalid",
                "the database's schema is version " + std::to_string(schema) +
                    ", newer than this binary knows (" + std::to_string(known) +
                    "): it was written by a newer Dandelion; run that version");
  }
  TRY(store::Migrate(*s->db));
  if (auto r = FinishInterruptedRotation(s->config, *s->db, data_dir_locked); !r)
    return Fail(r.error());
  auto master = security::LoadMasterKey(s->config.MasterKeyPath());
  if (!master) return Fail(master.error());
  auto version = MasterKeyVersion(*s->db);
  if (!version) return Fail(version.error());
  s->audit = std::make_unique<security::AuditLog>(*master, *s->clock);
  const std::string url = s->config.DatabaseUrl();
  if (url.starts_with("sqlite:")) {
    const std::string database = url.substr(7);
    // Entries a stopped or crashed process left in the journal are filed before anything else,
    // those of an earlier Dandelion's journal first.
    TRY(security::FileEarlierJournal(database, *s->db, *s->audit));
    s->audit_journal = TRY(security::AuditJournal::Open(security::AuditJournal::PathFor(database)));
    TRY(s->audit_journal->FileInto(*s->db, *s->audit));
  }
  s->keyring = std::make_unique<security::Keyring>(std::move(*master), *version);
  TRY(CheckMasterKey(*s->db, *s->keyring));
  TRY(LoadMatchKey(*s->db, *s->keyring));
  s->Build();
  return s;
}

void Services::Build() {
  security::AuthOptions auth_options;
  auth_options.demo = config.demo;
  auth = std::make_unique<security::AuthService>(*db, *keyring, *audit, *clock, auth_options);
  orgs = std::make_unique<network::OrgService>(*db, *keyring, *audit, *clock);
  users = std::make_unique<network::UserService>(*db, *audit, *auth, *clock);
  audit_reads = std::make_unique<security::AuditBatcher>(*db, *audit, audit_journal.get());
  audit_reader = std::make_unique<audit::AuditService>(*db, *audit, *audit_reads, *orgs, *auth);
  people = std::make_unique<people::PeopleService>(*db, *keyring, *audit, *audit_reads, *auth,
                                                   *orgs, *clock);
  cases = std::make_unique<cases::CaseService>(*db, *keyring, *audit, *audit_reads, *orgs, *clock);
  case_records = std::make_unique<case_records::CaseRecords>(
      case_records::Deps{*db, *keyring, *audit, *clock, *audit_reads, cases->kept_cases()});
  caseload =
      std::make_unique<caseload::CaseloadService>(*cases, case_records->appointments, *clock);
  supervision = std::make_unique<supervision::SupervisionService>(*db, *keyring, *audit,
                                                                  *audit_reads, *clock);
  emergency = std::make_unique<emergency::EmergencyService>(*db, *keyring, *audit, *audit_reads,
                                                            *clock, config.public_help_per_minute);
  referrals = std::make_unique<referrals::ReferralService>(*db, *keyring, *audit, *audit_reads,
                                                           *people, *cases, *clock);
  shelters =
      std::make_unique<shelters::ShelterService>(*db, *keyring, *audit, *audit_reads, *clock);
  funds = std::make_unique<funds::FundService>(*db, *keyring, *audit, *audit_reads, *clock);
  programs =
      std::make_unique<programs::ProgramService>(*db, *keyring, *audit, *audit_reads, *clock);
  stats = std::make_unique<stats::StatsService>(*db, *audit, *audit_reads, *clock);
  policy = std::make_unique<policy::PolicyService>(*db, *audit, *clock);
  exports = std::make_unique<exports::ExportService>(
      *db, *keyring, *audit, *auth, *stats, *clock,
      exports::ExportOptions{
          .dir = config.data_dir.empty()
                     ? std::filesystem::temp_directory_path() / "dandelion-exports"
                     : std::filesystem::path(config.data_dir) / "exports",
          .font_path = config.export_font_path});
  reports = std::make_unique<reports::ReportService>(*db, *audit, *audit_reads, *auth, *clock);
  events = std::make_unique<events::EventService>(*db, *keyring, *audit, *audit_reads, *clock);
  campaigns =
      std::make_unique<campaigns::CampaignService>(*db, *keyring, *audit, *audit_reads, *clock);
  // An event's campaign_id is set only by someone who may edit both, when they belong together.
  events->SetCampaignLinkCheck([this](store::Tx& tx, const security::Actor& actor,
                                      const std::string& event_org_id,
                                      const std::string& campaign_id) {
    return campaigns->CheckEventLink(tx, actor, event_org_id, campaign_id);
  });
  training = std::make_unique<training::TrainingService>(
      *db, *keyring, *audit, *audit_reads, *clock,
      training::TrainingOptions{.font_path = config.export_font_path,
                                .public_url = config.PublicUrl()});
  survivors =
      std::make_unique<survivors::SurvivorService>(*db, *keyring, *audit, *audit_reads, *clock);
  site = std::make_unique<site::PublicSite>(*events, *policy, *orgs, *campaigns, *training, *clock);
  site->SetSurvivors(survivors.get());
  // The directory shows each shelter's free beds as the shelters' records count them now.
  referrals->SetFreeBedCounter(
      [this](store::Tx& tx) { return shelters::FreeBedCounts(tx, clock->Now()); });
}

}  // namespace dandelion::app
