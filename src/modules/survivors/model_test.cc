#include "modules/survivors/model.h"

#include <gtest/gtest.h>

namespace dandelion::survivors {
namespace {

Caller Member(std::string group, std::vector<std::string> roles) {
  return Caller{.member_id = "m1", .group_id = std::move(group), .roles = std::move(roles)};
}

TEST(SurvivorModel, RolesGiveRights) {
  Caller plain = Member("g1", {"member"});
  EXPECT_FALSE(IsCoordinator(plain));
  EXPECT_FALSE(RunsGroup(plain, "g1"));
  EXPECT_TRUE(ReadsPlace(plain, "g1"));
  EXPECT_FALSE(ReadsPlace(plain, "g2"));
  EXPECT_FALSE(LogsPeerContacts(plain));

  Caller facilitator = Member("g1", {"member", "facilitator"});
  EXPECT_TRUE(RunsGroup(facilitator, "g1"));
  EXPECT_FALSE(RunsGroup(facilitator, "g2"));
  EXPECT_FALSE(ReadsPlace(facilitator, "g2"));

  Caller peer = Member("g1", {"member", "peer_supporter"});
  EXPECT_TRUE(LogsPeerContacts(peer));
  EXPECT_FALSE(RunsGroup(peer, "g1"));

  Caller coordinator = Member("g1", {"member", "coordinator"});
  EXPECT_TRUE(IsCoordinator(coordinator));
  EXPECT_TRUE(RunsGroup(coordinator, "g2"));
  EXPECT_TRUE(ReadsPlace(coordinator, "g2"));

  Caller admin{.org_admin = true};
  EXPECT_TRUE(IsCoordinator(admin));
  EXPECT_TRUE(RunsGroup(admin, "any"));
  EXPECT_FALSE(LogsPeerContacts(admin));  // contacts are logged by a member
}

TEST(SurvivorModel, MinimumRule) {
  EXPECT_FALSE(MeetsMinimum(9, 10));
  EXPECT_TRUE(MeetsMinimum(10, 10));
  EXPECT_FALSE(MeetsMinimum(0, 0));
  EXPECT_TRUE(OnSite("published", 10, 10));
  EXPECT_FALSE(OnSite("published", 9, 10));  // a withdrawal below the minimum takes it down
  EXPECT_FALSE(OnSite("open", 50, 10));
  EXPECT_FALSE(OnSite("closed", 50, 10));
}

TEST(SurvivorModel, StatusMoves) {
  EXPECT_TRUE(CanMove("draft", "open"));
  EXPECT_TRUE(CanMove("open", "published"));
  EXPECT_FALSE(CanMove("draft", "published"));
  EXPECT_TRUE(CanMove("published", "closed"));
  EXPECT_FALSE(CanMove("closed", "open"));
  EXPECT_TRUE(SignableStatus("open"));
  EXPECT_FALSE(SignableStatus("draft"));
}

TEST(SurvivorModel, RolesText) {
  std::vector<std::string> roles{"coordinator", "facilitator", "facilitator"};
  EXPECT_EQ(JoinNetworkRoles(roles), "member,facilitator,coordinator");
  EXPECT_EQ(SplitNetworkRoles("member,peer_supporter"),
            (std::vector<std::string>{"member", "peer_supporter"}));
  EXPECT_TRUE(SplitNetworkRoles("").empty());
}

TEST(SurvivorModel, MemberValidation) {
  EXPECT_TRUE(ValidateMember("들꽃", std::vector<std::string>{"member"}).fields.empty());
  EXPECT_EQ(ValidateMember("  ", {}).fields.at("alias"), "field.required");
  EXPECT_EQ(ValidateMember("a", std::vector<std::string>{"boss"}).fields.at("roles"),
            "field.unknown_value");
}

}  // namespace
}  // namespace dandelion::survivors
