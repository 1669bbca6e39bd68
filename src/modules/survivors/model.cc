#include "modules/survivors/model.h"

#include <algorithm>

namespace dandelion::survivors {

bool IsNetworkRole(std::string_view role) {
  return std::find(std::begin(kNetworkRoles), std::end(kNetworkRoles), role) !=
         std::end(kNetworkRoles);
}

bool HasNetworkRole(const Caller& c, std::string_view role) {
  return std::find(c.roles.begin(), c.roles.end(), role) != c.roles.end();
}

bool IsCoordinator(const Caller& c) { return c.org_admin || HasNetworkRole(c, "coordinator"); }

bool RunsGroup(const Caller& c, std::string_view group_id) {
  if (IsCoordinator(c)) return true;
  return HasNetworkRole(c, "facilitator") && !c.group_id.empty() && c.group_id == group_id;
}

bool ReadsPlace(const Caller& c, std::string_view group_id) {
  return RunsGroup(c, group_id) || (!c.member_id.empty() && c.group_id == group_id);
}

bool LogsPeerContacts(const Caller& c) {
  return !c.member_id.empty() && HasNetworkRole(c, "peer_supporter");
}

bool MeetsMinimum(int signatures, int minimum) { return minimum > 0 && signatures >= minimum; }

bool OnSite(std::string_view status, int signatures, int minimum) {
  return status == "published" && MeetsMinimum(signatures, minimum);
}

bool CanMove(std::string_view from, std::string_view to) {
  if (to == "open") return from == "draft";
  if (to == "published") return from == "open";
  if (to == "closed") return from == "open" || from == "published";
  return false;
}

bool SignableStatus(std::string_view status) { return status == "open" || status == "published"; }

std::string JoinNetworkRoles(std::span<const std::string> roles) {
  std::string out = "member";
  for (auto known : kNetworkRoles) {
    if (known == "member") continue;
    if (std::find(roles.begin(), roles.end(), known) != roles.end()) {
      out += ",";
      out += known;
    }
  }
  return out;
}

std::vector<std::string> SplitNetworkRoles(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Error ValidateMember(std::string_view alias, std::span<const std::string> roles) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  if (alias.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    e.fields["alias"] = "field.required";
  }
  for (const auto& r : roles) {
    if (!IsNetworkRole(r)) e.fields["roles"] = "field.unknown_value";
  }
  return e;
}

}  // namespace dandelion::survivors
