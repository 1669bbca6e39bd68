// ReportService: the one door to periodic reports (docs/api-reports.md).
//
// An organization's administrator prepares a report for a period from the organization's own
// records (a draft: its figures computed by the template, model.h), annotates it, has it
// reviewed (a supervisor or the administrator), then files it after a fresh re-authentication:
// the filed snapshot is signed with the server's Ed25519 key and never changes. A correction is a
// new draft for the same period; filing it supersedes the earlier one, which stays. The network's
// administrator sees every member's filing status and the figures of filed reports (aggregates
// the member files to the secretariat), never a draft. Every read and write is audited
// (report.*); another organization's report answers 404 like an unknown id.
//
// Thread-safe: state lives in the database.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "modules/reports/model.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/auth_service.h"
#include "store/database.h"

namespace dandelion::reports {

struct Report {
  std::string id;
  std::string org_id;
  std::string period;
  std::string template_key;
  std::string status;  // draft | reviewed | filed | superseded
  std::string corrects;
  std::vector<Section> sections;
  std::map<std::string, std::string> annotations;
  std::string created_at;
  std::string reviewed_at;
  std::string filed_at;
  std::string filed_by;  // display name
  // A filed (or superseded) report read whole: its figures recomputed now and compared.
  std::optional<std::vector<Change>> changes;
};

struct Filing {
  std::string org_id, org_slug, org_name, org_kind, region;
  std::string template_key;  // "" when the kind files none
  std::string status;        // not_started | draft | filed | corrected
  std::string filed_at;
  std::string report_id;  // the filed report in force
};

// The file to keep (model.h SignedFile), serialized, and its name.
struct SignedReport {
  std::string json;
  std::string filename;
};

class ReportService {
 public:
  ReportService(store::Database& db, const security::AuditLog& audit, security::AuditBatcher& reads,
                const security::AuthService& auth, const Clock& clock)
      : db_(db), audit_(audit), reads_(reads), auth_(auth), clock_(clock) {}

  Result<Report> Create(const security::Actor& actor, const std::string& period);
  Result<security::Audited<std::vector<Report>>> List(const security::Actor& actor,
                                                      const std::string& period);
  Result<security::Audited<Report>> Get(const security::Actor& actor, const std::string& id);
  Result<Report> Refresh(const security::Actor& actor, const std::string& id);
  // text "" removes a row's annotation; at most 2000 characters each.
  Result<Report> Annotate(const security::Actor& actor, const std::string& id,
                          const std::map<std::string, std::string>& annotations);
  Result<Report> Review(const security::Actor& actor, const std::string& id);
  Result<Report> File(const security::Actor& actor, const std::string& id);
  Result<Report> Correction(const security::Actor& actor, const std::string& id);
  Result<security::Audited<SignedReport>> Signed(const security::Actor& actor,
                                                 const std::string& id);
  Result<security::Audited<std::vector<Filing>>> Filings(const security::Actor& actor,
                                                         const std::string& period);

 private:
  Result<Report> Recompute(const security::Actor& actor, const std::string& id);

  store::Database& db_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const security::AuthService& auth_;
  const Clock& clock_;
};

// The figures of an organization's own records for a period (report_figures.cc), keyed by the
// templates' row keys.
Result<Figures> ComputeFigures(store::Tx& tx, const std::string& org_id,
                               const ReportPeriod& period);

}  // namespace dandelion::reports
