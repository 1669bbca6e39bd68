// EmergencyService, measures: how fast requests are acknowledged and resolved, by organization
// and region (emergency.md, "Measures"). Aggregates only.
#include <algorithm>
#include <map>

#include "modules/emergency/emergency_service.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::emergency {
namespace {

std::optional<int64_t> Median(std::vector<int64_t> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::optional<int64_t> SecondsBetween(const std::string& from, const std::string& to) {
  TimePoint a{}, b{};
  if (from.empty() || to.empty() || !ParseRfc3339(from, &a) || !ParseRfc3339(to, &b)) {
    return std::nullopt;
  }
  return std::max<int64_t>(0, UnixSeconds(b) - UnixSeconds(a));
}

}  // namespace

Result<Measures> EmergencyService::GetMeasures(const security::Actor& actor) {
  TRY(RequirePermission(actor, security::perm::kEmergencyMeasures));
  auto timings = TRY(db_.ReadValue([](store::Tx& tx) { return request_repo::Timings(tx); }));
  struct Acc {
    int64_t count = 0;
    std::vector<int64_t> ack, resolve;
  };
  std::map<std::string, Acc> by_org, by_region;
  for (const auto& t : timings) {
    for (Acc* acc : {&by_org[t.org_id], &by_region[t.region]}) {
      ++acc->count;
      if (auto s = SecondsBetween(t.received_at, t.acknowledged_at)) acc->ack.push_back(*s);
      if (auto s = SecondsBetween(t.received_at, t.resolved_at)) acc->resolve.push_back(*s);
    }
  }
  Measures out;
  for (auto& [key, acc] : by_org) {
    out.by_org.push_back({key, acc.count, Median(acc.ack), Median(acc.resolve)});
  }
  for (auto& [key, acc] : by_region) {
    out.by_region.push_back({key, acc.count, Median(acc.ack), Median(acc.resolve)});
  }
  return out;
}

}  // namespace dandelion::emergency
