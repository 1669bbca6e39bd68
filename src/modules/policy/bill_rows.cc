// Rows of the National Assembly's bill list (의안 목록, as 의안정보시스템 exports it): each a bill
// of the nation with the status entries its dates show.
#include <algorithm>

#include "modules/policy/model.h"

namespace dandelion::policy {
namespace {

constexpr std::string_view kPassed[] = {"원안가결", "수정가결", "가결"};
constexpr std::string_view kRejected[] = {"부결",           "폐기",         "대안반영폐기",
                                          "수정안반영폐기", "임기만료폐기", "철회"};

bool In(std::span<const std::string_view> list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

std::optional<BillLayout> ReadBillHeader(const std::vector<std::string>& header,
                                         std::vector<std::string>& missing) {
  BillLayout l;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = Trim(header[i]);
    const int at = static_cast<int>(i);
    if (name == "의안번호") l.id = at;
    if (name == "의안명") l.title = at;
    if (name == "제안일자") l.proposed = at;
    if (name == "소관위원회") l.committee = at;
    if (name == "소관위회부일") l.referred = at;
    if (name == "의결일자") l.decided = at;
    if (name == "의결결과" || (name == "처리결과" && l.result < 0)) l.result = at;
  }
  if (l.id < 0) missing.push_back("의안번호");
  if (l.title < 0) missing.push_back("의안명");
  if (l.proposed < 0) missing.push_back("제안일자");
  if (!missing.empty()) return std::nullopt;
  return l;
}

std::optional<RowRefusal> ReadBillRow(const BillLayout& l, const std::vector<std::string>& fields,
                                      ImportRow& out) {
  out = {};
  out.external_id = Trim(At(fields, l.id));
  out.title = Trim(At(fields, l.title));
  out.kind = "bill";
  out.jurisdiction = "KR";
  if (out.external_id.empty() || out.external_id.size() > 100) {
    return RowRefusal{"malformed", "policy.import.bill_bad_id"};
  }
  if (out.title.empty() || out.title.size() > 900) {
    return RowRefusal{"malformed", "policy.import.bill_bad_title"};
  }
  auto proposed = ParseDay(At(fields, l.proposed));
  if (!proposed) return RowRefusal{"malformed", "policy.import.bill_bad_date"};
  out.statuses.push_back({.status = "proposed", .on = *proposed});
  if (const std::string referred = Trim(At(fields, l.referred)); !referred.empty()) {
    auto day = ParseDay(referred);
    if (!day || *day < *proposed) return RowRefusal{"malformed", "policy.import.bill_bad_date"};
    out.statuses.push_back({.status = "under_review", .on = *day});
  }
  const std::string decided = Trim(At(fields, l.decided));
  const std::string result = Trim(At(fields, l.result));
  if (decided.empty() != result.empty()) {
    return RowRefusal{"malformed", "policy.import.bill_decision"};
  }
  if (!result.empty()) {
    auto day = ParseDay(decided);
    if (!day || *day < out.statuses.back().on) {
      return RowRefusal{"malformed", "policy.import.bill_bad_date"};
    }
    if (In(kPassed, result)) {
      out.statuses.push_back({.status = "enacted", .on = *day});
    } else if (In(kRejected, result)) {
      out.statuses.push_back({.status = "rejected", .on = *day});
    } else {
      return RowRefusal{"malformed", "policy.import.bill_result"};
    }
  }
  out.topic = Trim(At(fields, l.committee));
  if (out.topic.size() > 300) out.topic.clear();
  return std::nullopt;
}

}  // namespace dandelion::policy
