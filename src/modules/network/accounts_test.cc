// Accounts under attack, at the services: who may give data roles (UserService), and sign-in
// throttling with device cookies and password changes (AuthService).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "modules/network/user_service.h"
#include "security/auth_service.h"
#include "testing/test_world.h"

namespace dandelion::network {
namespace {

using security::Actor;

constexpr const char* kPassword = "Dandelion-unit-pass-4417";

class AccountsTest : public testing::WorldTest {
 protected:
  // A demo world (no TOTP): these tests are about passwords, cookies and roles.
  AccountsTest() : WorldTest({.demo = true}) {}

  void SetUp() override {
    WorldTest::SetUp();
    sec_ = AddOrg("sec");
    org_a_ = AddOrg("org-a");
    org_b_ = AddOrg("org-b");
  }

  // An account made by the operator (who may give any role), and an actor signed in as it.
  Actor Account(const std::string& org_id, const std::string& username,
                std::vector<std::string> roles) {
    auto made = testing::Must(users_->Create(Actor::Console(), org_id,
                                             {username, username, roles, std::string(kPassword)}));
    Actor a = testing::ActorOf(made.user.account.id, org_id, std::move(roles));
    a.session_id = "session-" + username;
    a.remote = "10.0.0.1";
    return a;
  }

  int64_t Now() const { return UnixSeconds(clock_.Now()); }

  Result<security::SignedIn> SignIn(const std::string& username, const std::string& password,
                                    const std::string& remote, const std::string& cookie = "") {
    security::SignInRequest in;
    in.username = username;
    in.password = password;
    in.device_cookie = cookie;
    Actor meta;
    meta.remote = remote;
    meta.request_id = "req";
    return auth_->SignIn(in, meta);
  }

  std::string sec_, org_a_, org_b_;
};

TEST_F(AccountsTest, NobodyGivesHerselfADataRoleEvenJustReauthenticated) {
  Actor admin = Account(org_a_, "boss-a", {"org_admin"});
  admin.reauth_at = Now();
  for (const char* role : {"case_worker", "supervisor", "shelter_staff", "dispatcher", "finance"}) {
    auto r = users_->ChangeRoles(admin, org_a_, admin.user_id, {"org_admin", role});
    ASSERT_FALSE(r) << role;
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(r.error().message_key, "network.self_grant");
  }
  EXPECT_TRUE(users_->ChangeRoles(admin, org_a_, admin.user_id, {"org_admin", "advocate"}));
  // Another administrator may.
  Actor other = Account(org_a_, "boss-a2", {"org_admin"});
  other.reauth_at = Now();
  EXPECT_TRUE(users_->ChangeRoles(other, org_a_, admin.user_id, {"org_admin", "supervisor"}));
}

TEST_F(AccountsTest, ADataRoleNeedsAReauthenticationOfTheLastFiveMinutes) {
  Actor admin = Account(org_a_, "boss-a", {"org_admin"});
  NewUser worker{"new-worker", "새 상담원", {"case_worker"}, std::nullopt};
  for (int64_t reauth_at : {int64_t{0}, Now() - 301}) {
    admin.reauth_at = reauth_at;
    auto r = users_->Create(admin, org_a_, worker);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kReauthRequired);
  }
  EXPECT_TRUE(users_->Create(admin, org_a_, {"new-advocate", "활동가", {"advocate"}, {}}));
  admin.reauth_at = Now() - 60;
  auto made = users_->Create(admin, org_a_, worker);
  ASSERT_TRUE(made) << made.error().detail;
  // Roles are audited by name, before and after.
  admin.reauth_at = Now();
  ASSERT_TRUE(
      users_->ChangeRoles(admin, org_a_, made->user.account.id, {"case_worker", "supervisor"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.roles_change' AND fields = "
                  "'roles,roles.before:case_worker,roles.after:case_worker,"
                  "roles.after:supervisor'"),
            1);
}

TEST_F(AccountsTest, ANetworkAdminMakesOrgAdminsOnlyAndTheOrganizationIsTold) {
  Actor boss_a = Account(org_a_, "boss-a", {"org_admin"});
  Actor net = Account(sec_, "net-admin", {"network_admin"});
  net.reauth_at = Now();
  for (auto roles : {std::vector<std::string>{"org_admin", "case_worker"},
                     std::vector<std::string>{"supervisor"}}) {
    auto r = users_->Create(net, org_a_, {"net-made", "x", roles, {}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  }
  auto made = users_->Create(net, org_a_, {"net-made", "x", {"org_admin"}, {}});
  ASSERT_TRUE(made) << made.error().detail;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE kind = 'user.org_admin_created' AND "
                  "user_id = '" +
                  boss_a.user_id + "' AND actor_id = '" + net.user_id + "'"),
            1);
  // The new administrator is not told about herself.
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM notifications WHERE user_id = '" + made->user.account.id + "'"),
      0);
}

TEST_F(AccountsTest, ANameOfAnotherOrganizationIsRefusedWithoutSayingItIsInUse) {
  Actor admin = Account(org_a_, "boss-a", {"org_admin"});
  Account(org_b_, "boss-b", {"org_admin"});
  auto here = users_->Create(admin, org_a_, {"boss-a", "x", {"advocate"}, {}});
  auto elsewhere = users_->Create(admin, org_a_, {"boss-b", "x", {"advocate"}, {}});
  ASSERT_FALSE(here);
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(here.error().code, ErrorCode::kConflict);
  EXPECT_EQ(here.error().message_key, "network.username_taken");
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kConflict);
  EXPECT_EQ(elsewhere.error().message_key, "network.username_unavailable");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.create' AND "
                  "outcome = 'conflict'"),
            2);
}

TEST_F(AccountsTest, HerBrowserOutlastsALockSomeoneElseCaused) {
  Account(org_a_, "org-a-dispatcher", {"advocate"});
  auto first = SignIn("org-a-dispatcher", kPassword, "10.0.0.1");
  ASSERT_TRUE(first);
  std::string cookie = first->device_cookie;
  ASSERT_FALSE(cookie.empty());
  for (int i = 0; i < 5; ++i) {
    auto r = SignIn("org-a-dispatcher", "wrong-guess", "10.6.6.6");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
  }
  auto locked = SignIn("org-a-dispatcher", kPassword, "10.0.0.1");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kRateLimited);
  auto hers = SignIn("org-a-dispatcher", kPassword, "10.0.0.1", cookie);
  ASSERT_TRUE(hers);
  // Her success does not lift the lock for browsers without the cookie.
  EXPECT_FALSE(SignIn("org-a-dispatcher", kPassword, "10.0.0.2"));
  // Her browser's own failures: five, then it is distrusted like any browser.
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(SignIn("org-a-dispatcher", "typo", "10.0.0.1", cookie));
  auto distrusted = SignIn("org-a-dispatcher", kPassword, "10.0.0.1", cookie);
  ASSERT_FALSE(distrusted);
  EXPECT_EQ(distrusted.error().code, ErrorCode::kRateLimited);
}

TEST_F(AccountsTest, AnAddressWaitsLongerWithEveryFailureUpToFifteenMinutes) {
  for (int i = 0; i < 11; ++i) EXPECT_FALSE(SignIn("guess" + std::to_string(i), "x", "10.9.9.9"));
  auto rate_limited = [&](const std::string& name) {
    auto r = SignIn(name, "x", "10.9.9.9");
    return !r && r.error().code == ErrorCode::kRateLimited;
  };
  EXPECT_TRUE(rate_limited("a"));  // 2 s
  int64_t lock = 2;
  clock_.Advance(std::chrono::seconds(lock));
  for (int i = 0; i < 14; ++i) {
    // The lock is over: this failure counts, and the next wait is twice as long (at most 15
    // minutes) instead of starting again from nothing.
    EXPECT_FALSE(rate_limited("n" + std::to_string(i))) << i;
    lock = std::min<int64_t>(lock * 2, 15 * 60);
    clock_.Advance(std::chrono::seconds(lock - 1));
    EXPECT_TRUE(rate_limited("m" + std::to_string(i))) << i;
    clock_.Advance(std::chrono::seconds(1));
  }
}

TEST_F(AccountsTest, APasswordChangeIsCheckedLikeASignInAndEndsOtherSessions) {
  Account(org_a_, "changer", {"advocate"});
  auto here = SignIn("changer", kPassword, "10.0.0.1");
  auto there = SignIn("changer", kPassword, "10.0.0.2");
  ASSERT_TRUE(here && there);
  Actor me;
  me.user_id = here->auth.account.id;
  me.org_id = org_a_;
  me.session_id = here->auth.session.id;
  me.remote = "10.0.0.1";
  for (int i = 0; i < 5; ++i) {
    auto r = auth_->ChangePassword(me, "not-my-password", "Jeonju-1987-lantern-walk");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  }
  auto locked = auth_->ChangePassword(me, kPassword, "Jeonju-1987-lantern-walk");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.password_change' AND "
                  "outcome = 'failed' AND actor_user_id = '" +
                  me.user_id + "'"),
            5);
  // With her browser's cookie the lock does not hold her; the change ends the other session.
  auto changed =
      auth_->ChangePassword(me, kPassword, "Jeonju-1987-lantern-walk", here->device_cookie);
  ASSERT_TRUE(changed) << changed.error().message_key;
  EXPECT_TRUE(auth_->Authenticate(here->token));
  EXPECT_FALSE(auth_->Authenticate(there->token));
}

}  // namespace
}  // namespace dandelion::network
