// The policy monitor's one door (docs/api-policy.md): items and their status histories,
// documents, the ordinance scorecard, the map, the import, and the work around them. Network-wide
// records: advocate and network_admin edit (policy.edit), everyone signed in reads, the public
// reads what is published. Every write is audited in its own transaction; reads are not personal
// data and are not audited one by one.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "modules/policy/model.h"
#include "modules/policy/policy_repo.h"
#include "modules/policy/work_repo.h"
#include "security/actor.h"
#include "security/audit_log.h"
#include "store/database.h"

namespace dandelion::policy {

struct ItemView {
  policy_repo::Item item;
  std::optional<int64_t> score;  // ordinances only
};

struct ItemDetail {
  ItemView view;
  std::vector<policy_repo::HistoryEntry> history;
  std::vector<policy_repo::Document> documents;
  std::vector<Criterion> criteria;         // active ones (ordinances only)
  std::vector<policy_repo::Score> scores;  // one per active criterion (ordinances only)
};

// A new item (every field) or a change (only what is set).
struct ItemFields {
  std::optional<std::string> kind, jurisdiction, title, topic, stance, summary, external_id;
  std::optional<bool> published;
  std::optional<std::string> status, status_on, status_note;  // creation only
};

struct ScoreInput {
  std::string criterion;
  std::optional<int64_t> value;
  bool value_given = false;  // false: only the note changes
  std::string note;
};

struct RegionView {
  MapCell region;
  std::vector<MapCell> municipalities;
};

struct TimelineEntry {
  std::string on;
  std::string status;
  policy_repo::Item item;
};

struct CompareRow {
  ItemView view;
  std::map<std::string, int64_t, std::less<>> values;
  std::vector<std::string> gaps;
};

struct Comparison {
  std::vector<Criterion> criteria;
  std::vector<CompareRow> rows;
  std::map<std::string, int64_t, std::less<>> best;
};

struct Amounts {
  policy_repo::Item item;
  std::map<std::string, int64_t, std::less<>> amounts;
};

struct RowRefused {
  int64_t row = 0;
  std::string reason;
  std::string message_key;
};

struct ImportReport {
  int64_t rows = 0, created = 0, updated = 0, unchanged = 0;
  std::vector<RowRefused> refused;
};

struct DocumentFile {
  policy_repo::Document document;
  std::string content;
};

struct TaskFields {
  std::optional<std::string> title, item_id, assignee_id, due_on, note;
  std::optional<bool> done;
};
struct EventFields {
  std::optional<std::string> kind, title, on, time, jurisdiction, item_id, place, note;
};
struct SubmissionFields {
  std::optional<std::string> kind, item_id, title, addressee, submitted_on, body, response_on,
      response_summary;
};
struct StatementFields {
  std::optional<std::string> title_ko, title_en, body_ko, body_en, item_id;
  std::optional<bool> published;
};

class PolicyService {
 public:
  PolicyService(store::Database& db, const security::AuditLog& audit, const Clock& clock)
      : db_(db), audit_(audit), clock_(clock) {}

  // Items. Reads: signed in; writes: policy.edit.
  Result<ItemDetail> CreateItem(const security::Actor& actor, const ItemFields& in);
  Result<ItemDetail> UpdateItem(const security::Actor& actor, const std::string& id,
                                const ItemFields& in);
  Result<ItemDetail> AddStatus(const security::Actor& actor, const std::string& id,
                               const std::string& status, const std::string& on,
                               const std::string& note);
  Result<ItemDetail> GetItem(const security::Actor& actor, const std::string& id);
  // The item exists (404 otherwise): for routes that check before reading the body.
  Result<void> ItemExists(const security::Actor& actor, const std::string& id);
  Result<std::vector<ItemView>> ListItems(const security::Actor& actor,
                                          policy_repo::ItemFilter filter);

  // Documents: a link, or a file (≤ 10 MiB, a known type).
  Result<policy_repo::Document> AddLink(const security::Actor& actor, const std::string& item_id,
                                        const std::string& title, const std::string& url);
  Result<policy_repo::Document> AddFile(const security::Actor& actor, const std::string& item_id,
                                        const std::string& title, const std::string& name,
                                        const std::string& content_type, std::string content);
  Result<void> RemoveDocument(const security::Actor& actor, const std::string& id);
  // The file; for the public (publicly = true) only when its item is published.
  Result<DocumentFile> File(const security::Actor& actor, const std::string& id, bool publicly);

  // Scorecard.
  Result<std::vector<Criterion>> Criteria(const security::Actor& actor, bool with_retired);
  Result<Criterion> CreateCriterion(const security::Actor& actor, const Criterion& in);
  Result<Criterion> UpdateCriterion(const security::Actor& actor, const std::string& key,
                                    const std::optional<std::string>& label_ko,
                                    const std::optional<std::string>& label_en,
                                    std::optional<int64_t> position, std::optional<bool> retired);
  Result<ItemDetail> SetScores(const security::Actor& actor, const std::string& item_id,
                               const std::vector<ScoreInput>& in);
  Result<Comparison> Compare(const security::Actor& actor, const std::vector<std::string>& ids);
  Result<std::vector<Amounts>> OrdinanceAmounts(const security::Actor& actor,
                                                const std::string& region);

  // Map and timeline; publicly = true for the public site (published items only, no session).
  Result<std::vector<MapCell>> Map(const security::Actor& actor, bool publicly);
  Result<RegionView> RegionMap(const security::Actor& actor, const std::string& region,
                               bool publicly);
  Result<std::vector<TimelineEntry>> Timeline(const security::Actor& actor, bool publicly);

  // Import of an open-data list: layout "ordinances" (자치법규 목록) or "bills" (의안 목록).
  Result<ImportReport> Import(const security::Actor& actor, std::string_view csv,
                              std::string_view layout = "ordinances");

  // Work.
  Result<work_repo::Task> CreateTask(const security::Actor& actor, const TaskFields& in);
  Result<work_repo::Task> UpdateTask(const security::Actor& actor, const std::string& id,
                                     const TaskFields& in);
  Result<std::vector<work_repo::Task>> Tasks(const security::Actor& actor, std::optional<bool> done,
                                             bool mine);
  Result<work_repo::Event> CreateEvent(const security::Actor& actor, const EventFields& in);
  Result<work_repo::Event> UpdateEvent(const security::Actor& actor, const std::string& id,
                                       const EventFields& in);
  Result<std::vector<work_repo::Event>> Events(const security::Actor& actor,
                                               const std::string& from, const std::string& to);
  Result<work_repo::Submission> CreateSubmission(const security::Actor& actor,
                                                 const SubmissionFields& in);
  Result<work_repo::Submission> UpdateSubmission(const security::Actor& actor,
                                                 const std::string& id, const SubmissionFields& in);
  Result<std::vector<work_repo::Submission>> Submissions(const security::Actor& actor,
                                                         const std::string& item_id);
  Result<work_repo::Statement> CreateStatement(const security::Actor& actor,
                                               const StatementFields& in);
  Result<work_repo::Statement> UpdateStatement(const security::Actor& actor, const std::string& id,
                                               const StatementFields& in);
  Result<std::vector<work_repo::Statement>> Statements(const security::Actor& actor, bool publicly);
  // Existence checks of work records (404 otherwise), before a body is read.
  Result<void> WorkExists(const security::Actor& actor, std::string_view what,
                          const std::string& id);

 private:
  Result<ItemDetail> Detail(store::Tx& tx, policy_repo::Item item);
  Result<std::optional<int64_t>> ScoreOf(store::Tx& tx, const policy_repo::Item& item);
  Result<std::vector<MapOrdinance>> MapInput(store::Tx& tx, bool publicly);
  Result<void> CheckItemRef(store::Tx& tx, const std::optional<std::string>& item_id, Error& bad);
  std::string Now() const;
  Result<work_repo::Task> UpdateTaskIn(store::Tx& tx, const security::Actor& actor,
                                       work_repo::Task t, const TaskFields& in, bool fresh);
  Result<work_repo::Event> UpdateEventIn(store::Tx& tx, const security::Actor& actor,
                                         work_repo::Event e, const EventFields& in, bool fresh);
  Result<work_repo::Submission> UpdateSubmissionIn(store::Tx& tx, const security::Actor& actor,
                                                   work_repo::Submission s,
                                                   const SubmissionFields& in, bool fresh);
  Result<work_repo::Statement> UpdateStatementIn(store::Tx& tx, const security::Actor& actor,
                                                 work_repo::Statement s, const StatementFields& in,
                                                 bool fresh);

  store::Database& db_;
  const security::AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace dandelion::policy
