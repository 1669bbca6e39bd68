#include "modules/shelters/bed_counts.h"

namespace dandelion::shelters {
namespace {

// In-service beds with whether each is free at ?, for one organization or all.
constexpr const char* kBeds =
    "SELECT b.org_id, o.facility_type, o.region, b.kind, "
    "CASE WHEN EXISTS (SELECT 1 FROM shelter_stays s WHERE s.open_bed = b.id) "
    "OR EXISTS (SELECT 1 FROM shelter_bed_holds h WHERE h.bed_id = b.id AND "
    "h.released_at IS NULL AND h.expires_at > ?) THEN 0 ELSE 1 END "
    "FROM shelter_beds b JOIN organizations o ON o.id = b.org_id "
    "WHERE b.status = 'in_service' ORDER BY b.org_id, b.kind";

}  // namespace

Result<std::map<std::string, int>> FreeBedCounts(store::Tx& tx) {
  return FreeBedCounts(tx, SystemClock().Now());
}

Result<std::map<std::string, int>> FreeBedCounts(store::Tx& tx, TimePoint now) {
  std::map<std::string, int> out;
  for (const auto& f : TRY(NetworkBeds(tx, now))) {
    int free = 0;
    for (const auto& [kind, count] : f.kinds) free += count.free;
    out[f.org_id] = free;
  }
  return out;
}

Result<std::vector<FacilityBeds>> NetworkBeds(store::Tx& tx, TimePoint now) {
  store::Rows rows = TRY(tx.Query(kBeds, {FormatRfc3339(now)}));
  std::vector<FacilityBeds> out;
  for (const auto& r : rows) {
    if (out.empty() || out.back().org_id != r.Text(0)) {
      out.push_back({.org_id = r.Text(0), .facility_type = r.Text(1), .region = r.Text(2)});
    }
    auto& count = out.back().kinds[r.Text(3)];
    ++count.total;
    count.free += int(r.Int(4));
  }
  return out;
}

Result<std::map<std::string, ActiveHold>> ActiveHolds(store::Tx& tx, const std::string& org_id,
                                                      TimePoint now) {
  store::Rows rows =
      TRY(tx.Query("SELECT bed_id, id, expires_at FROM shelter_bed_holds WHERE org_id = ? AND "
                   "released_at IS NULL AND expires_at > ? ORDER BY expires_at",
                   {org_id, FormatRfc3339(now)}));
  std::map<std::string, ActiveHold> out;
  for (const auto& r : rows) out[r.Text(0)] = {r.Text(1), r.Text(2)};
  return out;
}

}  // namespace dandelion::shelters
