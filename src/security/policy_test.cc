#include "security/policy.h"

#include <gtest/gtest.h>

namespace dandelion::security {

TEST(PolicyTest, DeniesUnknownPermissions) {
  std::vector<std::string> roles = {"network_admin", "org_admin", "auditor"};
  EXPECT_FALSE(Allows("no.such.permission", roles));
}

TEST(PolicyTest, GrantsOnlyTheListedRoles) {
  EXPECT_TRUE(Allows(perm::kOrgCreate, std::vector<std::string>{"network_admin"}));
  EXPECT_FALSE(Allows(perm::kOrgCreate, std::vector<std::string>{"org_admin", "case_worker"}));
  EXPECT_TRUE(Allows(perm::kAuditRead, std::vector<std::string>{"case_worker", "auditor"}));
  EXPECT_FALSE(Allows(perm::kAuditRead, std::vector<std::string>{}));
}

TEST(PolicyTest, EveryRoleThatSeesSurvivorDataNeedsMfa) {
  EXPECT_TRUE(RoleNeedsMfa("case_worker"));
  EXPECT_TRUE(RoleNeedsMfa("dispatcher"));
  EXPECT_TRUE(RoleNeedsMfa("org_admin"));
  EXPECT_FALSE(RoleNeedsMfa("researcher"));
  EXPECT_TRUE(AnyRoleNeedsMfa(std::vector<std::string>{"advocate", "shelter_staff"}));
}

// The data-role set guards role grants: every role a record-level permission names must be in it,
// or a new grant there would slip past re-authentication and the no-self-grant rule.
TEST(PolicyTest, EveryRoleThatReadsRecordsIsADataRole) {
  for (auto permission :
       {perm::kPersonRead, perm::kPersonWrite, perm::kPersonErase, perm::kCaseRead,
        perm::kCaseWrite, perm::kCaseSupervise, perm::kEmergencyRead, perm::kEmergencyAct,
        perm::kShelterRead, perm::kShelterWrite, perm::kFundRead, perm::kFundApply,
        perm::kFundDecide, perm::kFundWrite, perm::kFundApprove, perm::kProgramRead,
        perm::kProgramWrite, perm::kSelfRelianceRead}) {
    for (const auto& grant : AllPermissions()) {
      if (grant.permission != permission) continue;
      for (auto role : grant.roles) EXPECT_TRUE(IsDataRole(role)) << permission << " " << role;
    }
  }
  for (auto role : {"network_admin", "org_admin", "advocate", "researcher", "auditor"}) {
    EXPECT_FALSE(IsDataRole(role)) << role;
  }
  for (auto role : kDataRoles) EXPECT_TRUE(IsRole(role)) << role;
}

TEST(PolicyTest, SplitsAndJoinsRoles) {
  auto roles = SplitRoles("case_worker,supervisor");
  ASSERT_EQ(roles.size(), 2u);
  EXPECT_EQ(JoinRoles(roles), "case_worker,supervisor");
  EXPECT_TRUE(SplitRoles("").empty());
}

}  // namespace dandelion::security
