// PolicyService's import of open-data lists (자치법규 목록, 의안 목록): rows read by the pure
// readers in model.h / bill_rows.cc, then created or appended to in one transaction.
#include <algorithm>
#include <functional>
#include <set>

#include "core/ids.h"
#include "core/korea_date.h"
#include "modules/policy/jurisdictions.h"
#include "modules/policy/policy_service.h"
#include "modules/policy/service_checks.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::policy {

namespace perm = security::perm;
using service_checks::Invalid;

Result<ImportReport> PolicyService::Import(const security::Actor& actor, std::string_view csv,
                                           std::string_view layout) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  if (layout != "ordinances" && layout != "bills") {
    return Fail(Invalid().Field("layout", "field.unknown_value"));
  }
  auto records = ParseCsv(csv);
  if (records.empty() || !records.front().error.empty()) {
    return Fail(Invalid().Field(
        "file", records.empty() ? "policy.import.empty" : "policy.import.bad_header"));
  }
  // One reader per layout: the row as an item with its status entries, or why it is refused.
  std::vector<std::string> missing;
  std::function<std::optional<RowRefusal>(const std::vector<std::string>&, ImportRow&)> read;
  if (layout == "bills") {
    auto l = ReadBillHeader(records.front().fields, missing);
    if (!l) return Fail(Invalid().Field("file", "policy.import.missing_bill_columns"));
    read = [l = *l](const auto& fields, ImportRow& row) { return ReadBillRow(l, fields, row); };
  } else {
    auto l = ReadOrdinanceHeader(records.front().fields, missing);
    if (!l) return Fail(Invalid().Field("file", "policy.import.missing_columns"));
    read = [l = *l](const auto& fields, ImportRow& row) {
      return ReadOrdinanceRow(l, fields, row);
    };
  }
  const size_t width = records.front().fields.size();
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<ImportReport> {
    ImportReport report;
    auto known = TRY(policy_repo::KnownByExternalId(tx));
    std::set<std::string, std::less<>> seen;
    for (size_t r = 1; r < records.size(); ++r) {
      const CsvRecord& rec = records[r];
      ++report.rows;
      if (!rec.error.empty()) {
        report.refused.push_back(
            {rec.row, "malformed",
             rec.error == "utf8" ? "policy.import.utf8" : "policy.import.quote"});
        continue;
      }
      if (rec.fields.size() != width) {
        report.refused.push_back({rec.row, "malformed", "policy.import.field_count"});
        continue;
      }
      ImportRow row;
      if (auto refusal = read(rec.fields, row)) {
        report.refused.push_back({rec.row, refusal->reason, refusal->message_key});
        continue;
      }
      if (!seen.insert(row.external_id).second) {
        report.refused.push_back({rec.row, "duplicate_in_file", "policy.import.duplicate"});
        continue;
      }
      auto it = known.find(row.external_id);
      if (it == known.end()) {
        const DatedStatus& last = row.statuses.back();
        policy_repo::Item item{.id = NewId(),
                               .kind = row.kind,
                               .jurisdiction = row.jurisdiction,
                               .region = RegionOf(row.jurisdiction),
                               .title = row.title,
                               .topic = row.topic,
                               .stance = "watch",
                               .external_id = row.external_id,
                               .status = last.status,
                               .status_on = last.on,
                               .created_at = now,
                               .updated_at = now};
        TRY(policy_repo::InsertItem(tx, item, actor.user_id));
        int seq = 0;
        for (const auto& st : row.statuses) {
          TRY(policy_repo::AppendStatus(tx, item.id, ++seq, st.status, st.on, "", now,
                                        actor.user_id));
        }
        ++report.created;
        continue;
      }
      policy_repo::Known& k = it->second;
      std::vector<DatedStatus> fresh;
      for (const auto& st : row.statuses) {
        const bool has = std::any_of(k.history.begin(), k.history.end(), [&](const auto& e) {
          return e.status == st.status && e.on == st.on;
        });
        if (!has) fresh.push_back(st);
      }
      const bool same_text = k.title == row.title && (row.topic.empty() || k.topic == row.topic);
      if (fresh.empty() && same_text) {
        ++report.unchanged;
        continue;
      }
      auto item = TRY(policy_repo::FindItem(tx, k.id));
      for (const auto& st : fresh) {
        k.history.push_back({.seq = ++k.last_seq, .status = st.status, .on = st.on});
        TRY(policy_repo::AppendStatus(tx, k.id, k.last_seq, st.status, st.on, "", now,
                                      actor.user_id));
      }
      if (!fresh.empty()) {
        auto current = CurrentStatus(k.history);
        item->status = current->status;
        item->status_on = current->on;
      }
      item->title = row.title;
      if (!row.topic.empty()) item->topic = row.topic;
      k.title = item->title;
      k.topic = item->topic;
      item->updated_at = now;
      TRY(policy_repo::UpdateItem(tx, *item));
      ++report.updated;
    }
    if (report.created + report.updated > 0) {
      TRY(audit_.Append(tx, security::ActorEvent(actor, "policy.import", "policy_import", NewId(),
                                                 {"created", "updated"})));
    }
    return report;
  });
}

}  // namespace dandelion::policy
