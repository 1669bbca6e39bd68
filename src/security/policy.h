// Policy: roles, the permissions routes declare, and which roles hold each (deny by default).
//
// A route names one permission; the gate refuses callers whose roles do not grant it before the
// handler runs. That is the first of two checks: the service then re-checks against the loaded
// record (same organization, assignment, restriction), because a permission says what kind of
// thing a role may touch, never which one.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dandelion::security {

// The roles of docs/domain.md, as stored and sent.
inline constexpr std::string_view kRoles[] = {
    "network_admin", "org_admin", "case_worker", "supervisor", "shelter_staff",   "dispatcher",
    "finance",       "advocate",  "researcher",  "auditor",    "survivor_member",
};

bool IsRole(std::string_view role);

// Data roles: the roles whose work reads survivors' records (cases, people, help requests,
// payments). Giving one to an account needs a fresh re-authentication and another person: nobody
// grants a data role to herself (docs/security.md, "Granting roles").
inline constexpr std::string_view kDataRoles[] = {
    "case_worker", "supervisor", "shelter_staff", "dispatcher", "finance",
};
bool IsDataRole(std::string_view role);

// Roles that never see survivors' personal data; every other role must use a second factor.
bool RoleNeedsMfa(std::string_view role);
bool AnyRoleNeedsMfa(std::span<const std::string> roles);

// Permissions that routes declare (besides http::kPublic and http::kSignedIn).
namespace perm {
inline constexpr std::string_view kOwnSession = "own_session";  // me, enrolment: MFA not needed
inline constexpr std::string_view kOrgCreate = "org.create";
inline constexpr std::string_view kUserManage = "user.manage";
inline constexpr std::string_view kAuditRead = "audit.read";
inline constexpr std::string_view kPersonRead = "person.read";
inline constexpr std::string_view kPersonWrite = "person.write";
inline constexpr std::string_view kPersonErase = "person.erase";
inline constexpr std::string_view kCaseRead = "case.read";
inline constexpr std::string_view kCaseWrite = "case.write";
inline constexpr std::string_view kCaseSupervise = "case.supervise";
inline constexpr std::string_view kEmergencyRead = "emergency.read";
inline constexpr std::string_view kEmergencyAct = "emergency.act";
inline constexpr std::string_view kEmergencyCoverage = "emergency.coverage";
inline constexpr std::string_view kEmergencyOnCall = "emergency.on_call";
inline constexpr std::string_view kEmergencyMeasures = "emergency.measures";
inline constexpr std::string_view kDirectoryEdit = "directory.edit";
inline constexpr std::string_view kShelterRooms = "shelter.rooms";
inline constexpr std::string_view kShelterRead = "shelter.read";
inline constexpr std::string_view kShelterWrite = "shelter.write";
inline constexpr std::string_view kShelterLimits = "shelter.limits";
inline constexpr std::string_view kFundSources = "fund.sources";
inline constexpr std::string_view kFundRules = "fund.rules";
inline constexpr std::string_view kFundRead = "fund.read";
inline constexpr std::string_view kFundApply = "fund.apply";
inline constexpr std::string_view kFundDecide = "fund.decide";
inline constexpr std::string_view kFundWrite = "fund.write";
inline constexpr std::string_view kFundApprove = "fund.approve";
inline constexpr std::string_view kFundDoubleSupport = "fund.double_support";
inline constexpr std::string_view kFundReceiptWrite = "fund.receipt.write";
inline constexpr std::string_view kFundReceiptRead = "fund.receipt.read";
inline constexpr std::string_view kProgramDefine = "program.define";
inline constexpr std::string_view kProgramRead = "program.read";
inline constexpr std::string_view kProgramWrite = "program.write";
inline constexpr std::string_view kSelfRelianceRead = "self_reliance.read";
inline constexpr std::string_view kStatsNetwork = "stats.network";
inline constexpr std::string_view kStatsSettings = "stats.settings";
inline constexpr std::string_view kStatsOwn = "stats.own";
// Export jobs; each kind needs the permission of what it exports as well (stats.own,
// stats.network).
inline constexpr std::string_view kExports = "exports";
// Periodic reports (docs/api-reports.md): read (a network role reads filed reports only),
// prepare and file (org_admin), review, and the network's filing status.
inline constexpr std::string_view kReportsRead = "reports.read";
inline constexpr std::string_view kReportsPrepare = "reports.prepare";
inline constexpr std::string_view kReportsReview = "reports.review";
inline constexpr std::string_view kReportsFilings = "reports.filings";
// The policy monitor (api-policy.md): the secretariat's advocates and network admins edit;
// reading needs only a session (signed_in), the public site reads what is published.
inline constexpr std::string_view kPolicyEdit = "policy.edit";
// Events (docs/api-events.md): the organizing organization's own; the service checks the event
// is the caller's organization's.
inline constexpr std::string_view kEventRead = "event.read";
inline constexpr std::string_view kEventWrite = "event.write";
inline constexpr std::string_view kEventAttendees = "event.attendees";
// Campaigns and partners (docs/api-campaigns.md): the service checks the record is one the
// caller may see (her organization's, or any for the secretariat) or edit.
inline constexpr std::string_view kCampaignRead = "campaign.read";
inline constexpr std::string_view kCampaignWrite = "campaign.write";
inline constexpr std::string_view kPartnerRead = "partner.read";
inline constexpr std::string_view kPartnerWrite = "partner.write";
// Activist training (docs/api-training.md): the organizing organization's own, as events; the
// service checks the course is the caller's organization's. Reading includes the certificate PDF.
inline constexpr std::string_view kTrainingRead = "training.read";
inline constexpr std::string_view kTrainingWrite = "training.write";
// The survivors' network (docs/api-survivors.md): only inside an organization of kind
// survivor_network; the service narrows by the caller's network roles (member, facilitator,
// peer_supporter, coordinator; the organization's org_admin counts as coordinator).
inline constexpr std::string_view kSurvivorSelf = "survivor.self";
inline constexpr std::string_view kSurvivorRead = "survivor.read";
inline constexpr std::string_view kSurvivorWrite = "survivor.write";
}  // namespace perm

// True when any of roles grants permission. Unknown permissions grant nothing.
bool Allows(std::string_view permission, std::span<const std::string> roles);

// Every permission with its roles, for the permission-matrix test and the API document.
struct PermissionGrant {
  std::string_view permission;
  std::vector<std::string_view> roles;
};
std::span<const PermissionGrant> AllPermissions();

// Splits "a,b" into roles; joins them back.
std::vector<std::string> SplitRoles(std::string_view text);
std::string JoinRoles(std::span<const std::string> roles);
bool HasRole(std::span<const std::string> roles, std::string_view role);

}  // namespace dandelion::security
