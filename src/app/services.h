// Services: the composition root's one bundle of everything a data dir's services need —
// configuration, database, clock, keys, audit log and each capability's service — opened the
// same way by `serve` and by every CLI command, so the console passes the same doors as HTTP.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "modules/audit/audit_service.h"
#include "modules/campaigns/campaign_service.h"
#include "modules/case_records/case_records.h"
#include "modules/caseload/caseload.h"
#include "modules/cases/case_service.h"
#include "modules/emergency/emergency_service.h"
#include "modules/events/event_service.h"
#include "modules/exports/export_service.h"
#include "modules/funds/fund_service.h"
#include "modules/network/org_service.h"
#include "modules/network/user_service.h"
#include "modules/people/people_service.h"
#include "modules/policy/policy_service.h"
#include "modules/programs/program_service.h"
#include "modules/referrals/referral_service.h"
#include "modules/reports/report_service.h"
#include "modules/shelters/shelter_service.h"
#include "modules/site/site_service.h"
#include "modules/stats/stats_service.h"
#include "modules/supervision/supervision_service.h"
#include "modules/survivors/survivor_service.h"
#include "modules/training/training_service.h"
#include "security/audit_batcher.h"
#include "security/audit_journal.h"
#include "security/audit_log.h"
#include "security/auth_service.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::app {

struct Services {
  Config config;
  std::unique_ptr<Clock> clock;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<security::Keyring> keyring;
  std::unique_ptr<security::AuditLog> audit;
  // SQLite only: where reads' entries become durable before they are filed into the chain.
  std::unique_ptr<security::AuditJournal> audit_journal;
  std::unique_ptr<security::AuditBatcher> audit_reads;  // group commit of reads' entries
  std::unique_ptr<security::AuthService> auth;
  std::unique_ptr<network::OrgService> orgs;
  std::unique_ptr<network::UserService> users;
  std::unique_ptr<audit::AuditService> audit_reader;
  std::unique_ptr<people::PeopleService> people;
  std::unique_ptr<cases::CaseService> cases;
  std::unique_ptr<case_records::CaseRecords> case_records;
  std::unique_ptr<caseload::CaseloadService> caseload;
  std::unique_ptr<supervision::SupervisionService> supervision;
  std::unique_ptr<emergency::EmergencyService> emergency;
  std::unique_ptr<referrals::ReferralService> referrals;
  std::unique_ptr<shelters::ShelterService> shelters;
  std::unique_ptr<funds::FundService> funds;
  std::unique_ptr<programs::ProgramService> programs;
  std::unique_ptr<policy::PolicyService> policy;
  std::unique_ptr<stats::StatsService> stats;
  // Export jobs; serve starts its workers (ExportService::Start).
  std::unique_ptr<exports::ExportService> exports;
  std::unique_ptr<reports::ReportService> reports;
  std::unique_ptr<events::EventService> events;
  std::unique_ptr<campaigns::CampaignService> campaigns;
  std::unique_ptr<training::TrainingService> training;
  std::unique_ptr<survivors::SurvivorService> survivors;
  // The public site, made of what the modules above publish.
  std::unique_ptr<site::PublicSite> site;

  // Loads the config and master key, opens and migrates the database, builds the services.
  // readers: database connections for reading (the CLI needs one). Finishes a master key
  // rotation a crash interrupted (app/key_rotation.h); data_dir_locked says the caller already
  // holds the data dir lock (serve, keys rotate). clock replaces the config's clock (the demo
  // dates its synthetic records over the past two years).
  static Result<std::unique_ptr<Services>> Open(const std::string& data_dir, int readers = 0,
                                                bool data_dir_locked = false,
                                                std::unique_ptr<Clock> clock = nullptr);
  // The same over a configuration already loaded (restore opens a backup's copy this way, with
  // database_url pointing at it). The database must exist and hold Dandelion's schema
  // (app/data_dir_checks.h); one written by a newer Dandelion is refused.
  static Result<std::unique_ptr<Services>> OpenConfigured(Config config, int readers = 0,
                                                          bool data_dir_locked = false,
                                                          std::unique_ptr<Clock> clock = nullptr);

  // Builds every service over config, clock, db, keyring and audit, which must be set. Open
  // calls it once they are loaded; the unit tests' world (testing/test_world.h) calls it over an
  // in-memory database, so tests exercise the services wired exactly as the server wires them.
  void Build();
};

// Registers every module's Korean/English messages (idempotent).
void RegisterAllMessages();

}  // namespace dandelion::app
