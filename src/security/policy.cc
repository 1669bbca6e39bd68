#include "security/policy.h"

#include <algorithm>

namespace dandelion::security {
namespace {

const std::vector<PermissionGrant>& Grants() {
  static const std::vector<PermissionGrant> grants = {
      {perm::kOrgCreate, {"network_admin"}},
      {perm::kUserManage, {"org_admin", "network_admin"}},
      {perm::kAuditRead, {"auditor"}},
      // Survivors' records are the case roles' work: case workers register, find and correct
      // them; supervisors do the same for their team. Shelter staff, dispatchers and finance see
      // what the cases they serve show them (later, through cases), not the register of people;
      // network roles, advocates and researchers never see record-level data (docs/security.md).
      {perm::kPersonRead, {"case_worker", "supervisor"}},
      {perm::kPersonWrite, {"case_worker", "supervisor"}},
      // Erasure destroys her key for good: a supervisor decides it, after re-authenticating.
      {perm::kPersonErase, {"supervisor"}},
      // Cases and their records (services, notes, appointments, legal matters, consents, files)
      // are the case roles' work; assignment and restriction are checked on the loaded case.
      {perm::kCaseRead, {"case_worker", "supervisor"}},
      {perm::kCaseWrite, {"case_worker", "supervisor"}},
      // Assigning workers and restricting a case is a supervisor's decision (docs/domain.md).
      {perm::kCaseSupervise, {"supervisor"}},
      // Help requests reach the dispatchers of the organization they are routed to; supervisors
      // stand in for them. Nobody else reads what a woman wrote in the help form.
      {perm::kEmergencyRead, {"dispatcher", "supervisor"}},
      {perm::kEmergencyAct, {"dispatcher", "supervisor"}},
      // Which regions an organization answers for is its administrator's decision.
      {perm::kEmergencyCoverage, {"org_admin"}},
      // Rosters: administrators plan them, dispatchers swap shifts, supervisors see them.
      {perm::kEmergencyOnCall, {"org_admin", "dispatcher", "supervisor"}},
      // Times to acknowledge and resolve: counts and medians, no request-level data.
      {perm::kEmergencyMeasures, {"dispatcher", "supervisor", "org_admin", "network_admin"}},
      // What an organization shows the network (services, regions, whether it takes referrals)
      // is its administrator's to say.
      {perm::kDirectoryEdit, {"org_admin"}},
      // A facility's rooms and beds are set up by its staff or its administrator; its residents
      // (the board, stays, outings, exits, follow-ups) are the shelter staff's work alone.
      // Other organizations see free-bed counts only (GET /api/v1/network/beds, signed in).
      {perm::kShelterRooms, {"shelter_staff", "org_admin"}},
      {perm::kShelterRead, {"shelter_staff"}},
      {perm::kShelterWrite, {"shelter_staff"}},
      // The legal stay limits are the network's setting (the law changes).
      {perm::kShelterLimits, {"network_admin"}},
      // Support funds (docs/api-funds.md). Sources and their rules are an administrator's or
      // finance's to set; their budgets and totals (no person) are seen by whoever works with
      // them. A woman's ledger is finance's and her case roles' to see; workers apply for her, a
      // supervisor decides (for the committee too); finance or a supervisor pays, corrects and
      // gives the second approval of a large payment. Finance never sees case notes or the
      // sealed reason of an application (that needs case.read).
      {perm::kFundSources, {"org_admin", "finance", "supervisor", "case_worker"}},
      {perm::kFundRules, {"org_admin", "finance"}},
      {perm::kFundRead, {"finance", "case_worker", "supervisor"}},
      {perm::kFundApply, {"case_worker", "supervisor"}},
      {perm::kFundDecide, {"supervisor"}},
      {perm::kFundWrite, {"finance", "supervisor"}},
      {perm::kFundApprove, {"finance", "supervisor"}},
      {perm::kFundDoubleSupport, {"network_admin"}},
      {perm::kFundReceiptWrite, {"finance", "org_admin", "case_worker"}},
      {perm::kFundReceiptRead, {"finance", "org_admin", "case_worker", "supervisor"}},
      // Self-reliance programs (docs/api-programs.md). A program's definition names nobody: an
      // administrator may keep it beside the case roles. Its class, attendance, her certificates,
      // outcomes and follow-ups are the case roles' (her restriction followed). Her page's money
      // is finance's too, and finance gets nothing else of it.
      {perm::kProgramDefine, {"org_admin", "case_worker", "supervisor"}},
      {perm::kProgramRead, {"case_worker", "supervisor"}},
      {perm::kProgramWrite, {"case_worker", "supervisor"}},
      {perm::kSelfRelianceRead, {"case_worker", "supervisor", "finance"}},
      // Statistics (docs/statistics.md): the network's figures, from consenting women only and
      // with small cells hidden, are the secretariat's and researchers'; k is the network's
      // setting. An organization's own figures (all its records, counts only) are its
      // administrator's and supervisors'.
      {perm::kStatsNetwork, {"network_admin", "researcher"}},
      {perm::kStatsSettings, {"network_admin"}},
      {perm::kStatsOwn, {"org_admin", "supervisor"}},
      // Export jobs (docs/api-exports.md): whoever may read some statistics may export them; the
      // service checks the permission of the exported kind itself.
      {perm::kExports, {"org_admin", "supervisor", "network_admin", "researcher"}},
      {perm::kReportsRead, {"org_admin", "supervisor", "network_admin"}},
      {perm::kReportsPrepare, {"org_admin"}},
      {perm::kReportsReview, {"org_admin", "supervisor"}},
      {perm::kReportsFilings, {"network_admin"}},
      {perm::kPolicyEdit, {"advocate", "network_admin"}},
      // Events (docs/api-events.md) are run by their organizing organization: the secretariat's
      // advocates and network administrators, a member's administrator and advocates. The
      // attendee list (names or aliases, sealed) and check-in are theirs too; every read of it
      // is audited. Case roles have no part in it: an attendee is not a case.
      {perm::kEventRead, {"advocate", "org_admin", "network_admin"}},
      {perm::kEventWrite, {"advocate", "org_admin", "network_admin"}},
      {perm::kEventAttendees, {"advocate", "org_admin", "network_admin"}},
      // Campaigns and partners (docs/api-campaigns.md): everyone signed in reads those of her
      // organization (the secretariat's staff: all); the organization's administrator and
      // advocates edit its own, the secretariat's advocates and network administrators edit
      // everything (the service checks which). Partners' contacts only to those who may edit.
      {perm::kCampaignRead,
       {"network_admin", "org_admin", "case_worker", "supervisor", "shelter_staff", "dispatcher",
        "finance", "advocate", "researcher", "auditor"}},
      {perm::kCampaignWrite, {"advocate", "org_admin", "network_admin"}},
      {perm::kPartnerRead,
       {"network_admin", "org_admin", "case_worker", "supervisor", "shelter_staff", "dispatcher",
        "finance", "advocate", "researcher", "auditor"}},
      {perm::kPartnerWrite, {"advocate", "org_admin", "network_admin"}},
      // Activist training (docs/api-training.md) is run like events by its organizing
      // organization. A trainee is an activist, not a case: the case roles have no part in it.
      // Reading a trainee's name (the list, one trainee, her certificate's PDF) is audited.
      {perm::kTrainingRead, {"advocate", "org_admin", "network_admin"}},
      {perm::kTrainingWrite, {"advocate", "org_admin", "network_admin"}},
      // The survivors' network: its members' own accounts and its administrator; every other
      // organization's account is refused by the service (404), the secretariat's at the gate.
      {perm::kSurvivorSelf, {"survivor_member"}},
      {perm::kSurvivorRead, {"survivor_member", "org_admin"}},
      {perm::kSurvivorWrite, {"survivor_member", "org_admin"}},
  };
  return grants;
}

}  // namespace

bool IsRole(std::string_view role) {
  return std::find(std::begin(kRoles), std::end(kRoles), role) != std::end(kRoles);
}

bool IsDataRole(std::string_view role) {
  return std::find(std::begin(kDataRoles), std::end(kDataRoles), role) != std::end(kDataRoles);
}

// A survivor_member account sees only her own network's records, never a case; TOTP is optional
// for her (a second factor she cannot keep on a watched phone must not lock her out).
bool RoleNeedsMfa(std::string_view role) {
  return role != "advocate" && role != "researcher" && role != "survivor_member";
}

bool AnyRoleNeedsMfa(std::span<const std::string> roles) {
  return std::any_of(roles.begin(), roles.end(), [](const auto& r) { return RoleNeedsMfa(r); });
}

bool Allows(std::string_view permission, std::span<const std::string> roles) {
  for (const auto& grant : Grants()) {
    if (grant.permission != permission) continue;
    for (const auto& role : roles) {
      if (std::find(grant.roles.begin(), grant.roles.end(), role) != grant.roles.end()) {
        return true;
      }
    }
    return false;
  }
  return false;
}

std::span<const PermissionGrant> AllPermissions() { return Grants(); }

std::vector<std::string> SplitRoles(std::string_view text) {
  std::vector<std::string> roles;
  while (!text.empty()) {
    auto comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    if (!part.empty()) roles.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return roles;
}

std::string JoinRoles(std::span<const std::string> roles) {
  std::string out;
  for (const auto& r : roles) {
    if (!out.empty()) out += ',';
    out += r;
  }
  return out;
}

bool HasRole(std::span<const std::string> roles, std::string_view role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace dandelion::security
