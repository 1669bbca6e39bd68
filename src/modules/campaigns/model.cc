#include "modules/campaigns/model.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "core/clock.h"
#include "modules/network/model.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::campaigns {
namespace {

Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }

std::optional<std::chrono::sys_days> DayOf(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || !ParseDate(s, &y, &m, &d)) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

// Known values, each once.
bool KnownDistinct(const std::vector<std::string>& items, std::span<const std::string_view> known) {
  std::set<std::string> seen;
  for (const auto& i : items) {
    if (!IsOneOf(known, i) || !seen.insert(i).second) return false;
  }
  return true;
}

}  // namespace

bool IsOneOf(std::span<const std::string_view> allowed, std::string_view value) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ',';
    out += i;
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<int> DaysBetween(std::string_view a, std::string_view b) {
  auto da = DayOf(a), db = DayOf(b);
  if (!da || !db) return std::nullopt;
  return static_cast<int>((*db - *da).count());
}

bool IsDay(std::string_view s) { return DayOf(s).has_value(); }

bool IsWebUrl(std::string_view url) {
  return (url.starts_with("https://") || url.starts_with("http://")) && url.size() >= 10 &&
         url.size() <= 2000 && url.find_first_of(" \t\r\n\"<>") == std::string_view::npos;
}

Error ValidateCampaign(const CampaignFields& f) {
  Error e = Invalid();
  if (Blank(f.title_ko)) e.Field("title_ko", "field.required");
  if (!IsDay(f.starts_on)) e.Field("starts_on", "field.required");
  if (!IsDay(f.ends_on)) e.Field("ends_on", "field.required");
  if (auto days = DaysBetween(f.starts_on, f.ends_on)) {
    if (*days < 0) {
      e.Field("ends_on", "campaigns.ends_before_start");
    } else if (*days >= kMaxCampaignDays) {
      e.Field("ends_on", "campaigns.too_long");
    }
  }
  if (f.themes.size() > 8 || !KnownDistinct(f.themes, kThemes)) {
    e.Field("themes", "field.unknown_value");
  }
  if (!IsOneOf(kStatuses, f.status)) e.Field("status", "field.unknown_value");
  return e;
}

Error ValidateStop(const StopFields& s, std::string_view starts_on, std::string_view ends_on) {
  Error e = Invalid();
  if (!IsDay(s.day)) {
    e.Field("date", "field.required");
  } else if (s.day < starts_on || s.day > ends_on) {
    e.Field("date", "campaigns.stop_outside_period");
  }
  if (!network::IsRegion(s.region)) e.Field("region", "field.unknown_value");
  if (Blank(s.city)) e.Field("city", "field.required");
  if (Blank(s.venue)) e.Field("venue", "field.required");
  if (s.activities.empty()) {
    e.Field("activities", "field.required");
  } else if (s.activities.size() > std::size(kActivities) ||
             !KnownDistinct(s.activities, kActivities)) {
    e.Field("activities", "field.unknown_value");
  }
  if (!s.host_org_id.empty() && !s.host_partner_id.empty()) {
    e.Field("host_partner_id", "campaigns.one_host");
  }
  return e;
}

bool RouteInOrder(const std::vector<std::string>& days) {
  return std::is_sorted(days.begin(), days.end());
}

int InsertPosition(const std::vector<std::string>& days, std::string_view day) {
  int pos = 0;
  for (size_t i = 0; i < days.size(); ++i) {
    if (days[i] <= day) pos = static_cast<int>(i) + 1;
  }
  return pos + 1;
}

bool IsPermutation(std::vector<std::string> current, std::vector<std::string> given) {
  if (current.size() != given.size()) return false;
  std::sort(current.begin(), current.end());
  std::sort(given.begin(), given.end());
  return current == given;
}

bool StopDone(const StopState& s, std::string_view today) {
  return s.day < today || (s.day == today && s.event_ended);
}

Progress ComputeProgress(const std::vector<StopState>& stops, std::string_view today) {
  Progress p;
  p.stops_total = static_cast<int>(stops.size());
  for (const auto& s : stops) {
    if (StopDone(s, today)) {
      ++p.stops_done;
    } else if (p.next_stop_on.empty() || s.day < p.next_stop_on) {
      p.next_stop_on = s.day;
    }
  }
  return p;
}

Error ValidatePartner(const PartnerFields& f) {
  Error e = Invalid();
  if (!IsOneOf(kPartnerKinds, f.kind)) e.Field("kind", "field.unknown_value");
  if (Blank(f.name_ko)) e.Field("name_ko", "field.required");
  if (!f.website.empty() && (!IsWebUrl(f.website) || f.website.size() > 500)) {
    e.Field("website", "campaigns.bad_url");
  }
  return e;
}

Error ValidateContact(const ContactFields& f) {
  Error e = Invalid();
  if (Blank(f.name)) e.Field("name", "field.required");
  if (Blank(f.phone) && Blank(f.email)) e.Field("phone", "partners.contact_reach");
  if (!Blank(f.email) && f.email.find('@') == std::string::npos) {
    e.Field("email", "partners.bad_email");
  }
  return e;
}

Error ValidateAlliance(std::string_view name, std::string_view since, std::string_view until) {
  Error e = Invalid();
  if (Blank(name)) e.Field("name", "field.required");
  if (!IsDay(since)) e.Field("since", "field.required");
  if (!until.empty() && (!IsDay(until) || until < since)) e.Field("until", "partners.dates");
  return e;
}

Error ValidateAgreement(std::string_view title, std::string_view signed_on,
                        std::string_view expires_on) {
  Error e = Invalid();
  if (Blank(title)) e.Field("title", "field.required");
  if (!IsDay(signed_on)) e.Field("signed_on", "field.required");
  if (!expires_on.empty() && (!IsDay(expires_on) || expires_on < signed_on)) {
    e.Field("expires_on", "partners.dates");
  }
  return e;
}

bool AgreementActive(std::string_view expires_on, std::string_view today) {
  return expires_on.empty() || expires_on >= today;
}

Error ValidateInteraction(std::string_view day, std::string_view kind, std::string_view summary,
                          std::string_view today) {
  Error e = Invalid();
  if (!IsDay(day)) {
    e.Field("date", "field.required");
  } else if (day > today) {
    e.Field("date", "partners.future");
  }
  if (!IsOneOf(kInteractionKinds, kind)) e.Field("kind", "field.unknown_value");
  if (Blank(summary)) e.Field("summary", "field.required");
  return e;
}

bool MaySee(const Caller& c, std::string_view owner_org) {
  return !c.org_id.empty() && (c.org_id == owner_org || c.in_secretariat);
}

bool MayEdit(const Caller& c, std::string_view owner_org, std::string_view write_permission) {
  if (c.org_id.empty() || !security::Allows(write_permission, c.roles)) return false;
  if (c.org_id == owner_org) return true;
  return c.in_secretariat &&
         (security::HasRole(c.roles, "advocate") || security::HasRole(c.roles, "network_admin"));
}

}  // namespace dandelion::campaigns
