// The SQL of the support-fund ledger (tables of 0011_funds.sql). Callers check the
// organization; functions taking org_id return nothing for another organization's rows.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/funds/model.h"
#include "store/database.h"

namespace dandelion::funds::fund_repo {

struct Source {
  std::string id;
  std::string org_id;
  std::string name;
  int64_t year = 0;
  int64_t budget = 0;
  int64_t version = 0;
  Rules rules;  // of the version in force
  std::string created_at;
};

struct RuleVersion {
  int64_t version = 0;
  std::string name;
  int64_t year = 0;
  int64_t budget = 0;
  Rules rules;
  std::string created_at;
  std::string created_by;
};

struct Application {
  std::string id;
  std::string org_id;
  std::string person_id;
  std::string source_id;
  std::string kind;
  int64_t amount = 0;
  int64_t months = 0;
  int64_t children = 0;
  std::string sealed_reason;
  std::string status;  // pending | approved | refused
  std::optional<int64_t> approved_amount;
  std::string committee_on;
  int64_t rule_version = 0;
  std::string applied_by;
  std::string applied_at;
  std::string decided_by;
  std::string decided_at;
};

struct Entry {
  std::string id;
  std::string org_id;
  std::string person_id;
  std::string source_id;
  std::string kind;
  int64_t amount = 0;
  std::string paid_on;
  std::string month;
  int64_t children = 0;
  std::string application_id;
  std::string reverses;
  std::string reversal_reason;
  bool needs_approval = false;
  int64_t rule_version = 0;
  std::string entered_by;
  std::string entered_at;
  // From fund_entry_approvals.
  std::string decision;  // "" | approved | rejected
  std::string decided_by;
  std::string decided_at;

  // paid | pending_approval | rejected
  std::string Status() const {
    if (!needs_approval || decision == "approved") return "paid";
    return decision.empty() ? "pending_approval" : "rejected";
  }
  bool Counts() const { return Status() != "rejected"; }
};

Result<void> InsertSource(store::Tx& tx, const Source& s, const std::string& user_id);
// A new version of the source's name, year, budget and rules; the source's head follows it.
Result<void> AddVersion(store::Tx& tx, const Source& s, const std::string& user_id,
                        const std::string& at);
// lock: on PostgreSQL the row is locked FOR UPDATE until the transaction ends, so payments
// against one source are checked one after another (SQLite's one writer does the same).
Result<std::optional<Source>> FindSource(store::Tx& tx, const std::string& org_id,
                                         const std::string& id, bool lock = false);
Result<std::vector<Source>> ListSources(store::Tx& tx, const std::string& org_id);
Result<std::vector<RuleVersion>> Versions(store::Tx& tx, const std::string& source_id);

struct Totals {
  int64_t paid = 0;     // net of reversals
  int64_t pending = 0;  // waiting for a second approval
};
Result<Totals> SourceTotals(store::Tx& tx, const std::string& source_id);

struct MonthTotal {
  std::string month;  // YYYY-MM of paid_on
  std::string kind;
  int64_t paid = 0;  // net
};
Result<std::vector<MonthTotal>> Monthly(store::Tx& tx, const std::string& source_id);

Result<void> InsertApplication(store::Tx& tx, const Application& a);
Result<std::optional<Application>> FindApplication(store::Tx& tx, const std::string& org_id,
                                                   const std::string& id);
Result<std::vector<Application>> ApplicationsOf(store::Tx& tx, const std::string& person_id);
Result<std::vector<Application>> PendingApplications(store::Tx& tx, const std::string& org_id);
Result<void> DecideApplication(store::Tx& tx, const Application& a);
// The committed amount paid against an application (reversals netted).
Result<int64_t> PaidAgainst(store::Tx& tx, const std::string& application_id);

Result<void> InsertEntry(store::Tx& tx, const Entry& e);
Result<std::optional<Entry>> FindEntry(store::Tx& tx, const std::string& org_id,
                                       const std::string& id);
// Her entries (all sources when source_id is ""), oldest first.
Result<std::vector<Entry>> EntriesOf(store::Tx& tx, const std::string& person_id,
                                     const std::string& source_id = "");
Result<std::vector<Entry>> PendingEntries(store::Tx& tx, const std::string& org_id);
// What reversals already took back of an entry (a positive number).
Result<int64_t> ReversedOf(store::Tx& tx, const std::string& entry_id);
Result<void> InsertApproval(store::Tx& tx, const std::string& entry_id, const std::string& decision,
                            const std::string& user_id, const std::string& at);

// ---- Support marks (double support across members; migration 0015, 0017 at merge) ----

struct Mark {
  std::string entry_id;
  std::string token;  // her match token, hex (security/match_token.h)
  std::string kind;
  int64_t year = 0;
  std::string org_id;
  int64_t amount = 0;  // negative for a reversal
};
Result<void> InsertMark(store::Tx& tx, const Mark& m);
// The token of an entry's mark, if it has one.
Result<std::optional<std::string>> MarkToken(store::Tx& tx, const std::string& entry_id);

// Another organization whose marks of token, kind and year still stand (sum above zero).
struct MarkElsewhere {
  std::string org_id;
  std::string org_name;
  // Her consent there (kind referral_sharing, active, naming asking_org_id) lets it be named.
  bool named = false;
};
Result<std::vector<MarkElsewhere>> MarksElsewhere(store::Tx& tx, const std::string& token,
                                                  const std::string& kind, int64_t year,
                                                  const std::string& asking_org_id,
                                                  const std::string& now);
// Per kind, how many tokens have standing marks of year in two or more organizations.
Result<std::vector<std::pair<std::string, int64_t>>> DoubleSupportCounts(store::Tx& tx,
                                                                         int64_t year);

// ---- Receipts (fund_receipts) ----------------------------------------------------------------

struct Receipt {
  std::string id;
  std::string entry_id;
  std::string org_id;
  std::string person_id;
  std::string name;  // sealed
  std::string content_type;
  int64_t size = 0;
  std::string file_key;  // wrapped by her key
  std::string content;   // sealed under file_key; "" in lists
  std::string uploaded_by;
  std::string uploaded_at;
  std::string withdrawn_at;
};
Result<void> InsertReceipt(store::Tx& tx, const Receipt& r);
// An entry's receipts not withdrawn, oldest first, without contents.
Result<std::vector<Receipt>> ReceiptsOf(store::Tx& tx, const std::string& entry_id);
// One receipt of the organization (withdrawn too), with its contents.
Result<std::optional<Receipt>> FindReceipt(store::Tx& tx, const std::string& org_id,
                                           const std::string& id);
Result<void> WithdrawReceipt(store::Tx& tx, const std::string& id, const std::string& user_id,
                             const std::string& at, const std::string& sealed_reason);
// Per entry of hers, how many receipts are not withdrawn.
Result<std::map<std::string, int64_t>> ReceiptCounts(store::Tx& tx, const std::string& person_id);

}  // namespace dandelion::funds::fund_repo
