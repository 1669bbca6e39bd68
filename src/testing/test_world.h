// The unit tests' world: every service of a data dir, wired by app::Services::Build exactly as
// the server wires them, over a fresh in-memory SQLite database (every migration applied), a
// random master key and a clock the test moves. Plus helpers that STOP the test when a step
// fails, so a test never goes on with a value it does not have (`EXPECT_TRUE(org)` followed by
// `org->id` would read an empty Result).
//
//   class CaseTest : public testing::WorldTest {
//     void SetUp() override {
//       WorldTest::SetUp();
//       org_ = AddOrg("seoul1-center");
//       worker_ = AddUser(org_, "worker", "case_worker");
//     }
//   };
//   TEST_F(CaseTest, X) { auto c = testing::Must(cases_->Open(worker_, f)); ... }
//
// One world per test; not shared between threads beyond what the services themselves allow.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <source_location>
#include <string>
#include <string_view>
#include <vector>

#include "app/services.h"
#include "core/clock.h"
#include "core/result.h"
#include "security/actor.h"

namespace dandelion::testing {

// Records a fatal failure at `where` and ends the running test, as an ASSERT_* does, but from
// any function, whatever it returns.
[[noreturn]] void StopTest(std::string_view what,
                           std::source_location where = std::source_location::current());

// The error as a test failure shows it: code, message key, field reasons, detail.
std::string Describe(const Error& error);

// The value of r, or the test stops at the caller's line.
template <typename T>
T Must(Result<T> r, std::source_location where = std::source_location::current()) {
  if (!r) StopTest(Describe(r.error()), where);
  return std::move(*r);
}
void Must(Result<void> r, std::source_location where = std::source_location::current());

// An RFC 3339 time; the test stops on a malformed one.
TimePoint At(const char* rfc3339, std::source_location where = std::source_location::current());

// The checkout's top directory (CMake's source dir), for tests that read the source itself.
std::string SourceDir();
// The text of a file under SourceDir(); the test stops when it cannot be read.
std::string ReadSource(const std::string& relative_path,
                       std::source_location where = std::source_location::current());

struct WorldOptions {
  TimePoint start = FromUnixSeconds(1'800'000'000);  // the clock's first reading
  bool demo = false;  // a demo data dir: MFA offered, not forced (AuthOptions::demo)
};

class TestWorld {
 public:
  // Builds the world on clock, which must outlive it; the test stops when any step fails.
  TestWorld(ManualClock& clock, const WorldOptions& options);

  ManualClock& clock;                       // what every service reads the time from
  std::unique_ptr<app::Services> services;  // db, keyring, audit and every service

  // An organization made by the operator; returns its id.
  std::string AddOrg(const std::string& slug, const std::string& kind = "counseling_center",
                     const std::string& region = "KR-11");
  // An account row (password "x": it cannot sign in) and the actor of its requests, MFA
  // complete. The username is `name`; the display name `name` unless given.
  security::Actor AddUser(const std::string& org_id, const std::string& name,
                          const std::string& role, const std::string& display_name = "");
  // A session of actor's account stored under token_hash, and actor as the security gate admits
  // her on it taken from memory (security/session_confirmation.h): unconfirmed, with the
  // session's fingerprint and id.
  security::Actor RememberedSession(const security::Actor& actor, const std::string& token_hash);

  // A single number or text (the first column of the first row; "" for NULL or no row).
  int64_t Count(const std::string& sql);
  std::string Text(const std::string& sql);
  // The audit entries of an action, newest first.
  std::vector<security::AuditRecord> AuditOf(const std::string& action);
};

// The actor of a request by user_id of org_id with roles, MFA complete; no database row.
security::Actor ActorOf(const std::string& user_id, const std::string& org_id,
                        std::vector<std::string> roles);

// A fixture with a world, its services as members under their usual names.
class WorldTest : public ::testing::Test {
 protected:
  explicit WorldTest(WorldOptions options = {}) : options_(options), clock_(options.start) {}
  void SetUp() override;

  std::string AddOrg(const std::string& slug, const std::string& kind = "counseling_center",
                     const std::string& region = "KR-11") {
    return world_->AddOrg(slug, kind, region);
  }
  security::Actor AddUser(const std::string& org_id, const std::string& name,
                          const std::string& role, const std::string& display_name = "") {
    return world_->AddUser(org_id, name, role, display_name);
  }
  security::Actor RememberedSession(const security::Actor& actor, const std::string& token_hash) {
    return world_->RememberedSession(actor, token_hash);
  }
  int64_t Count(const std::string& sql) { return world_->Count(sql); }
  std::string Text(const std::string& sql) { return world_->Text(sql); }
  std::vector<security::AuditRecord> AuditOf(const std::string& action) {
    return world_->AuditOf(action);
  }

  WorldOptions options_;
  ManualClock clock_;
  std::unique_ptr<TestWorld> world_;

  // Owned by world_, set by SetUp.
  store::Database* db_ = nullptr;
  security::Keyring* keyring_ = nullptr;
  security::AuditLog* audit_ = nullptr;
  security::AuditBatcher* reads_ = nullptr;
  security::AuthService* auth_ = nullptr;
  network::OrgService* orgs_ = nullptr;
  network::UserService* users_ = nullptr;
  people::PeopleService* people_ = nullptr;
  cases::CaseService* cases_ = nullptr;
  case_records::CaseRecords* records_ = nullptr;
  emergency::EmergencyService* emergency_ = nullptr;
};

}  // namespace dandelion::testing
