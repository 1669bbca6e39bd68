// FundService: the one door to the support-fund ledger of self-reliance support (docs/domain.md,
// "Self-reliance support"; docs/api-funds.md).
//
// An organization's funding sources carry the rules of a local ordinance per kind of support
// (living costs, housing deposit, training, grant, medical, legal); an admin or finance edits
// them, and every edit keeps the earlier version. A worker applies for a woman of the
// organization, with a reason sealed under her key; a supervisor decides (for the committee,
// with the committee's date). Finance or a supervisor enters payments: against an approved
// application, or directly where the kind's rule needs no committee. Each payment is checked in
// its write transaction, with the source row locked on PostgreSQL (SQLite has one writer),
// against the rule (cap, monthly amount with children, months) and the source's remaining budget:
// 409 rule_exceeded / budget_exceeded naming the limit and what remains, and nothing written.
// A payment above the organization's two-person threshold waits (pending_approval) until another
// user approves it; waiting payments count against caps and the budget. The ledger is
// append-only: a correction is a reversing entry.
//
// Finance sees amounts and sources, never case notes or sealed reasons: an application's reason
// is opened only for callers who may read cases. Another organization's person, source, entry or
// application answers NotFound(). Reads of her ledger are audited; every write is audited in its
// own transaction.
//
// Thread-safe: state lives in the database.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "modules/funds/fund_repo.h"
#include "modules/funds/model.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::funds {

struct SourceFields {
  std::string name;
  int64_t year = 0;
  int64_t budget = 0;
  Rules rules;
};

// A source with what it has spent.
struct SourceView {
  fund_repo::Source source;
  int64_t spent = 0;    // paid, net of reversals
  int64_t pending = 0;  // waiting for a second approval
  int64_t remaining = 0;
};

struct SourceDetail {
  SourceView view;
  std::vector<fund_repo::RuleVersion> versions;
  std::vector<fund_repo::MonthTotal> monthly;
};

struct ApplicationFields {
  std::string source_id;
  std::string kind;
  int64_t amount = 0;
  int64_t months = 0;
  int64_t children = 0;
  std::string reason;
};

// Support of the same kind in the same year from another member for (probably) the same woman
// (her match token; docs/api-funds.md, "Double support"). The organization is named only under
// her consent there; never the token.
struct Elsewhere {
  std::string kind;
  int64_t year = 0;
  std::optional<std::pair<std::string, std::string>> organization;  // id, name
};

struct Application {
  fund_repo::Application stored;      // sealed_reason cleared
  std::optional<std::string> reason;  // opened for callers who may read cases; else none
  int64_t paid = 0;                   // committed against it
  std::vector<Elsewhere> elsewhere;   // the double-support flag
};

// Per kind, how many women (tokens) have standing support of a year from two or more members;
// counts below the statistics k are suppressed (count null, suppressed true).
struct DoubleSupportCount {
  std::string kind;
  std::optional<int64_t> count;
};

struct DecisionFields {
  bool approve = false;
  std::optional<int64_t> amount;  // approved amount (default: the amount asked)
  std::string committee_on;       // YYYY-MM-DD: the committee decided, recorded by a supervisor
};

struct PaymentFields {
  std::string source_id;
  std::string kind;
  int64_t amount = 0;
  std::string paid_on;
  std::string application_id;       // required where the kind's rule needs a committee
  std::string month;                // YYYY-MM for living costs (default: paid_on's month)
  std::optional<int64_t> children;  // living costs (default: the application's, else 0)
};

struct Balance {
  std::string source_id;
  std::string kind;
  KindBalance balance;
  std::optional<int64_t> cap;
  int64_t max_months = 0;
};

struct Ledger {
  std::vector<fund_repo::Entry> entries;
  std::vector<Balance> balances;
  std::map<std::string, int64_t> receipts;  // per entry id: receipts not withdrawn
};

// A receipt of a ledger entry (fund_receipts), its name opened.
struct ReceiptInfo {
  std::string id;
  std::string entry_id;
  std::string file_name;
  int64_t size = 0;
  std::string content_type;
  std::string uploaded_at;
  std::string uploaded_by;
  bool withdrawn = false;
};

struct ReceiptFile {
  ReceiptInfo info;
  std::string bytes;
};

// The file types a receipt may be (a photo or a PDF), checked against the bytes themselves.
bool ReceiptTypeMatches(std::string_view content_type, std::string_view bytes);

class FundService {
 public:
  FundService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
              security::AuditBatcher& reads, const Clock& clock)
      : db_(db), keyring_(keyring), audit_(audit), reads_(reads), clock_(clock) {}

  // Sources (fund_sources.cc; fund.rules to change, fund.sources to read).
  Result<SourceView> CreateSource(const security::Actor& actor, const SourceFields& in);
  Result<SourceView> UpdateSource(const security::Actor& actor, const std::string& id,
                                  const SourceFields& in);
  Result<std::vector<SourceView>> Sources(const security::Actor& actor);
  Result<SourceDetail> GetSource(const security::Actor& actor, const std::string& id);

  // The two-person threshold: payments above it wait for a second user (none: never).
  Result<std::optional<int64_t>> Threshold(const security::Actor& actor);
  Result<std::optional<int64_t>> SetThreshold(const security::Actor& actor,
                                              std::optional<int64_t> above);

  // Applications (fund.apply), decisions (fund.decide), her applications (fund.read).
  Result<Application> Apply(const security::Actor& actor, const std::string& person_id,
                            const ApplicationFields& in);
  Result<Application> Decide(const security::Actor& actor, const std::string& id,
                             const DecisionFields& in);
  Result<security::Audited<std::vector<Application>>> ApplicationsOf(const security::Actor& actor,
                                                                     const std::string& person_id);
  Result<security::Audited<std::vector<Application>>> PendingApplications(
      const security::Actor& actor);

  // Payments (fund.write), reversals (fund.write), second approvals (fund.approve).
  Result<fund_repo::Entry> Pay(const security::Actor& actor, const std::string& person_id,
                               const PaymentFields& in);
  Result<fund_repo::Entry> Reverse(const security::Actor& actor, const std::string& entry_id,
                                   const std::string& reason, std::optional<int64_t> amount);
  Result<fund_repo::Entry> Approve(const security::Actor& actor, const std::string& entry_id,
                                   bool approve);
  Result<std::vector<fund_repo::Entry>> PendingPayments(const security::Actor& actor);

  // The secretariat's view of double support in a year (fund.double_support), audited.
  Result<security::Audited<std::vector<DoubleSupportCount>>> DoubleSupport(
      const security::Actor& actor, int64_t year);

  // Receipts of a ledger entry (fund_receipts.cc): upload and withdrawal (fund.receipt.write),
  // list and download (fund.receipt.read); each change audited in the transaction that does it,
  // the list and the download read without the database's writer and audited before their reply
  // leaves. Never
  // deleted: a withdrawn receipt leaves the list and stays stored.
  Result<ReceiptInfo> AddReceipt(const security::Actor& actor, const std::string& entry_id,
                                 const std::string& file_name, const std::string& content_type,
                                 const std::string& bytes);
  Result<security::Audited<std::vector<ReceiptInfo>>> Receipts(const security::Actor& actor,
                                                               const std::string& entry_id);
  Result<security::Audited<ReceiptFile>> DownloadReceipt(const security::Actor& actor,
                                                         const std::string& id);
  Result<ReceiptInfo> WithdrawReceipt(const security::Actor& actor, const std::string& id,
                                      const std::string& reason);

  // Her entries and balances (fund.read), audited.
  Result<security::Audited<Ledger>> LedgerOf(const security::Actor& actor,
                                             const std::string& person_id);

 private:
  Result<SourceView> View(store::Tx& tx, fund_repo::Source source);
  // Her, of the actor's organization and reachable by the actor (see Reach in the .cc): a write
  // records a refused attempt and fails; a read returns the audit outcome ("ok", "break_glass").
  Result<void> Refused(store::Tx& tx, const security::Actor& actor, const std::string& person_id,
                       const std::string& action);
  Result<std::string> Reached(store::Tx& tx, const security::Actor& actor,
                              const std::string& person_id, const std::string& action);
  Result<Application> Opened(store::Tx& tx, const security::Actor& actor, fund_repo::Application a);
  // For receipts: finance and org_admin handle every woman's money papers; case roles follow
  // her restriction. A refusal is recorded (in the write transaction tx) and fails.
  Result<void> ReachReceipts(store::Tx& tx, const security::Actor& actor,
                             const std::string& person_id, const std::string& action);
  // Her match token, "" when there is none (no birth date, erased).
  Result<std::string> TokenOf(store::Tx& tx, const std::string& org_id,
                              const std::string& person_id);
  // The support mark of an entry that now counts as paid (none without a token).
  Result<void> MarkPaid(store::Tx& tx, const fund_repo::Entry& e, int64_t year);

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const Clock& clock_;
};

}  // namespace dandelion::funds
