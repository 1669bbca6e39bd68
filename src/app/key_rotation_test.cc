// Master key rotation on a real data dir, on both backends: what a rotation changes (the
// wrapping, not the data), that the retired key no longer opens the database, that start-up
// finishes or rolls back a rotation a crash interrupted, and that a running server's data dir
// is refused.
#include "app/key_rotation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/commands.h"
#include "app/data_dir_lock.h"
#include "app/services.h"
#include "security/keys.h"
#include "store/test_backends.h"
#include "testing/test_world.h"

namespace dandelion::app {
namespace {

namespace fs = std::filesystem;
using store::test_support::Backend;
using testing::Must;

std::string FileBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class KeyRotationTest : public store::test_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db_.reset();  // the data dir opens its own
    data_dir_ = dir_.File("data");
    Must(InitDataDir(data_dir_, GetParam() == Backend::kPostgres ? url_ : ""));
    key_ = fs::path(data_dir_) / "keys" / "master.key";
    next_ = key_.string() + ".next";
    auto s = Open();
    org_id_ = Must(s->orgs->Create(security::Actor::Console(), {"seoul1-center", "서울1센터",
                                                                "counseling_center", "", "KR-11"}))
                  .id;
    // A survivor's record, sealed under the organization's key.
    security::Actor worker = testing::ActorOf("user-worker", org_id_, {"case_worker"});
    people::PersonFields minji;
    minji.legal_name = "김민지";
    person_id_ = Must(s->people->Create(worker, minji)).id;
  }

  std::unique_ptr<Services> Open() { return Must(Services::Open(data_dir_, 1)); }

  // Her name as the services read it back (so the organization key still opens her record).
  std::string LegalName(Services& s) {
    security::Actor supervisor = testing::ActorOf("user-super", org_id_, {"supervisor"});
    auto read = Must(s.people->Get(supervisor, person_id_));
    Must(read.audit.Wait());
    return read.value.legal_name;
  }

  // After start-up: no .next left, master.key holds key, the database is on version, and her
  // record still opens.
  void ExpectStartsOn(const std::string& key, uint32_t version) {
    auto s = Open();
    EXPECT_FALSE(fs::exists(next_));
    EXPECT_EQ(FileBytes(key_), key);
    EXPECT_EQ(s->keyring->master_version(), version);
    EXPECT_EQ(LegalName(*s), "김민지");
  }

  std::string data_dir_, org_id_, person_id_;
  fs::path key_;
  std::string next_;
};

TEST_P(KeyRotationTest, RewrapsTheOrganizationKeysAndRetiresTheOldMasterKey) {
  const std::string old_key = FileBytes(key_);
  RotationReport report = Must(RotateMasterKey(data_dir_));
  EXPECT_EQ(report.old_version, 1u);
  EXPECT_EQ(report.new_version, 2u);
  EXPECT_EQ(report.org_keys, 1);
  EXPECT_EQ(report.audit_problem, "");
  EXPECT_NE(report.old_public_key, report.new_public_key);
  EXPECT_NE(FileBytes(key_), old_key);
  EXPECT_FALSE(fs::exists(next_));

  auto s = Open();
  EXPECT_EQ(s->keyring->master_version(), 2u);
  EXPECT_EQ(LegalName(*s), "김민지");
  Must(s->db->Read([&](store::Tx& tx) { return s->audit->Verify(tx); }));
  int64_t rotations = 0;
  Must(s->db->Read([&](store::Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT COUNT(*) FROM audit_log WHERE action = 'keys.rotate'");
    if (!row) return Fail(row.error());
    rotations = (*row)->Int(0);
    return Ok();
  }));
  EXPECT_EQ(rotations, 1);
  s.reset();

  // The retired key, e.g. from an old backup medium, no longer opens the database.
  const std::string new_key = FileBytes(key_);
  std::ofstream(key_, std::ios::binary | std::ios::trunc) << old_key;
  EXPECT_FALSE(Services::Open(data_dir_, 1));
  std::ofstream(key_, std::ios::binary | std::ios::trunc) << new_key;

  // And a second rotation goes on from version 2.
  EXPECT_EQ(Must(RotateMasterKey(data_dir_)).new_version, 3u);
  EXPECT_EQ(LegalName(*Open()), "김민지");
}

TEST_P(KeyRotationTest, StartUpRollsBackARotationThatNeverCommitted) {
  // A crash after step 1: the new key file exists, the database never referred to it.
  const std::string old_key = FileBytes(key_);
  Must(security::CreateMasterKeyFile(next_));
  ExpectStartsOn(old_key, 1);
}

TEST_P(KeyRotationTest, StartUpFinishesARotationThatCommitted) {
  // A crash between steps 2 and 3: the database is on the new key, which is still in .next,
  // and master.key is the old one.
  const std::string old_key = FileBytes(key_);
  Must(RotateMasterKey(data_dir_));
  const std::string new_key = FileBytes(key_);
  fs::rename(key_, next_);
  std::ofstream(key_, std::ios::binary | std::ios::trunc) << old_key;
  fs::permissions(key_, fs::perms::owner_read | fs::perms::owner_write);
  ExpectStartsOn(new_key, 2);
}

TEST_P(KeyRotationTest, RefusesADataDirAServerHolds) {
  const std::string old_key = FileBytes(key_);
  auto lock = Must(DataDirLock::Acquire(data_dir_));
  auto r = RotateMasterKey(data_dir_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(FileBytes(key_), old_key);
  EXPECT_FALSE(fs::exists(next_));
}

INSTANTIATE_TEST_SUITE_P(Backends, KeyRotationTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         store::test_support::BackendName);

}  // namespace
}  // namespace dandelion::app
