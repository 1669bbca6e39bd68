// The policy monitor's SQL (tables: src/migrations/*/0019_policy.sql). Network-wide records: no
// organization column, no sealed field.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/policy/model.h"
#include "store/database.h"

namespace dandelion::policy::policy_repo {

struct Item {
  std::string id;
  std::string kind;
  std::string jurisdiction;
  std::string region;  // "" for the nation
  std::string title;
  std::string topic;
  std::string stance;
  std::string summary;
  std::string external_id;
  bool published = false;
  std::string status;
  std::string status_on;
  std::string created_at;
  std::string updated_at;
};

struct HistoryEntry {
  StatusEntry entry;
  std::string note;
  std::string recorded_at;
};

struct Document {
  std::string id;
  std::string item_id;
  std::string title;
  std::string url;
  std::string file_name;
  std::string content_type;
  int64_t size = 0;
  std::string created_at;
};

struct Score {
  std::string criterion;
  std::optional<int64_t> value;
  std::string note;
};

struct ItemFilter {
  std::string kind;
  std::string region;
  std::string jurisdiction;
  std::string status;
  std::optional<bool> published;
  std::string q;
  int64_t limit = 50;
  int64_t offset = 0;
};

// Values per item and criterion (all items, or only published ones).
using ScoreTable = std::map<std::string, std::map<std::string, int64_t, std::less<>>, std::less<>>;

Result<std::optional<Item>> FindItem(store::Tx& tx, const std::string& id);
Result<void> InsertItem(store::Tx& tx, const Item& item, const std::string& user_id);
Result<void> UpdateItem(store::Tx& tx, const Item& item);
Result<bool> ExternalIdTaken(store::Tx& tx, const std::string& external_id,
                             const std::string& except_id);
Result<std::vector<Item>> ListItems(store::Tx& tx, const ItemFilter& filter);
// Every item of these kinds ("" = all), optionally only published ones.
Result<std::vector<Item>> ItemsOfKinds(store::Tx& tx, const std::vector<std::string>& kinds,
                                       bool published_only);

Result<std::vector<HistoryEntry>> History(store::Tx& tx, const std::string& item_id);
Result<void> AppendStatus(store::Tx& tx, const std::string& item_id, int64_t seq,
                          const std::string& status, const std::string& on, const std::string& note,
                          const std::string& now, const std::string& user_id);

Result<std::vector<Criterion>> Criteria(store::Tx& tx);
Result<void> InsertCriterion(store::Tx& tx, const Criterion& c);
Result<void> UpdateCriterion(store::Tx& tx, const Criterion& c);

Result<std::vector<Score>> ScoresOf(store::Tx& tx, const std::string& item_id);
Result<ScoreTable> AllScores(store::Tx& tx);
Result<void> SetScore(store::Tx& tx, const std::string& item_id, const Score& s,
                      const std::string& now, const std::string& user_id);

Result<std::vector<Document>> DocumentsOf(store::Tx& tx, const std::string& item_id);
Result<std::optional<Document>> FindDocument(store::Tx& tx, const std::string& id);
Result<std::string> DocumentContent(store::Tx& tx, const std::string& id);
Result<void> InsertDocument(store::Tx& tx, const Document& d, const std::string& content,
                            const std::string& user_id);
Result<void> DeleteDocument(store::Tx& tx, const std::string& id);

// Import: every item with an external id, and the (status, date) pairs of their histories.
struct Known {
  std::string id;
  std::string title;
  std::string topic;
  int64_t last_seq = 0;
  std::vector<StatusEntry> history;
};
Result<std::map<std::string, Known, std::less<>>> KnownByExternalId(store::Tx& tx);

}  // namespace dandelion::policy::policy_repo
