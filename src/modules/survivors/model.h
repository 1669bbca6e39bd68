// The survivors' network: the pure rules (docs/api-survivors.md) — network roles and what each
// may do, the statement minimum, and the shapes of the network's records.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace dandelion::survivors {

inline constexpr std::string_view kNetworkKind = "survivor_network";
inline constexpr std::string_view kNetworkRoles[] = {"member", "facilitator", "peer_supporter",
                                                     "coordinator"};
inline constexpr std::string_view kContactModes[] = {"in_person", "phone", "online", "message"};
inline constexpr int kDefaultStatementMinimum = 10;
inline constexpr int kMaxStatementMinimum = 100000;

// Who the caller is inside the network: her member record (if any) and her network roles. The
// organization's org_admin is a coordinator without a member record.
struct Caller {
  std::string member_id;  // "" for an org_admin without a member record
  std::string group_id;
  std::vector<std::string> roles;
  bool org_admin = false;
};

bool IsNetworkRole(std::string_view role);
bool HasNetworkRole(const Caller& c, std::string_view role);
// Coordinators (and the organization's org_admin) act on the whole network.
bool IsCoordinator(const Caller& c);
// A facilitator of group_id, or a coordinator.
bool RunsGroup(const Caller& c, std::string_view group_id);
// Her group's members, facilitators and coordinators read a meeting's place.
bool ReadsPlace(const Caller& c, std::string_view group_id);
// A peer supporter logs contacts; she and coordinators read them (hers / all).
bool LogsPeerContacts(const Caller& c);

// A statement reaches the public only while its live signature count is at least the minimum.
bool MeetsMinimum(int signatures, int minimum);
// Whether a statement in status is on the public site with signatures of minimum.
bool OnSite(std::string_view status, int signatures, int minimum);
// The status transitions a coordinator may make: draft -> open -> published; open or
// published -> closed.
bool CanMove(std::string_view from, std::string_view to);
// Members sign open or published statements.
bool SignableStatus(std::string_view status);

// Roles as stored ("member,facilitator"), always including "member", deduplicated, in the order
// of kNetworkRoles; and back.
std::string JoinNetworkRoles(std::span<const std::string> roles);
std::vector<std::string> SplitNetworkRoles(std::string_view text);

// Field reasons for a new member's fields (alias required, roles known).
Error ValidateMember(std::string_view alias, std::span<const std::string> roles);

}  // namespace dandelion::survivors
