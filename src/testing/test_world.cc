#include "testing/test_world.h"

#include <exception>
#include <fstream>
#include <sstream>

#include "core/ids.h"
#include "security/account_repo.h"
#include "security/session_confirmation.h"
#include "security/sodium_init.h"
#include "store/migrations.h"

namespace dandelion::testing {
namespace {

// What ends a test after StopTest recorded why; GoogleTest catches it and moves on.
class TestStopped : public std::exception {
 public:
  const char* what() const noexcept override {
    return "the test stopped at a failed step (the failure above says where)";
  }
};

// The services own their clock; the test keeps moving its own.
class ClockRef final : public Clock {
 public:
  explicit ClockRef(const Clock& clock) : clock_(clock) {}
  TimePoint Now() const override { return clock_.Now(); }

 private:
  const Clock& clock_;
};

}  // namespace

void StopTest(std::string_view what, std::source_location where) {
  GTEST_MESSAGE_AT_(where.file_name(), static_cast<int>(where.line()), std::string(what).c_str(),
                    ::testing::TestPartResult::kFatalFailure);
  throw TestStopped();
}

std::string Describe(const Error& error) {
  std::ostringstream out;
  out << CodeName(error.code) << " " << error.message_key;
  for (const auto& [field, key] : error.fields) out << " [" << field << ": " << key << "]";
  if (!error.detail.empty()) out << " (" << error.detail << ")";
  return out.str();
}

void Must(Result<void> r, std::source_location where) {
  if (!r) StopTest(Describe(r.error()), where);
}

TimePoint At(const char* rfc3339, std::source_location where) {
  TimePoint t{};
  if (!ParseRfc3339(rfc3339, &t)) StopTest(std::string("not RFC 3339: ") + rfc3339, where);
  return t;
}

std::string SourceDir() { return DANDELION_SOURCE_DIR; }

std::string ReadSource(const std::string& relative_path, std::source_location where) {
  std::ifstream in(SourceDir() + "/" + relative_path, std::ios::binary);
  if (!in) StopTest("cannot read " + relative_path, where);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TestWorld::TestWorld(ManualClock& clock, const WorldOptions& options) : clock(clock) {
  security::EnsureSodium();
  app::RegisterAllMessages();
  services = std::make_unique<app::Services>();
  app::Services& s = *services;
  s.config.demo = options.demo;
  s.clock = std::make_unique<ClockRef>(clock);
  s.db = Must(store::Open("sqlite::memory:", 1));
  Must(store::Migrate(*s.db));
  security::SecretKey master = security::SecretKey::Random();
  s.audit = std::make_unique<security::AuditLog>(master, *s.clock);
  s.keyring = std::make_unique<security::Keyring>(std::move(master), 1);
  s.Build();
}

std::string TestWorld::AddOrg(const std::string& slug, const std::string& kind,
                              const std::string& region) {
  return Must(services->orgs->Create(security::Actor::Console(), {slug, slug, kind, "", region}))
      .id;
}

security::Actor TestWorld::AddUser(const std::string& org_id, const std::string& name,
                                   const std::string& role, const std::string& display_name) {
  security::Account account{.id = NewId(),
                            .org_id = org_id,
                            .username = name,
                            .display_name = display_name.empty() ? name : display_name,
                            .roles = {role},
                            .password_hash = "x",
                            .created_at = FormatRfc3339(clock.Now())};
  Must(services->db->Write(
      [&](store::Tx& tx) { return security::account_repo::Insert(tx, account); }));
  return ActorOf(account.id, org_id, {role});
}

security::Actor TestWorld::RememberedSession(const security::Actor& actor,
                                             const std::string& token_hash) {
  const int64_t now = UnixSeconds(clock.Now());
  security::SessionRecord session{.id = NewId(),
                                  .user_id = actor.user_id,
                                  .csrf_token = "csrf-" + NewId(),
                                  .mfa_complete = true,
                                  .created_at = now,
                                  .last_seen_at = now};
  Must(services->db->Write([&](store::Tx& tx) {
    return security::account_repo::InsertSession(tx, session, token_hash);
  }));
  auto stored = Must(security::account_repo::FindSession(*services->db, token_hash));
  if (!stored) StopTest("the session just stored is not there");
  security::Actor remembered = actor;
  remembered.session_id = session.id;
  remembered.unconfirmed_session = token_hash;
  remembered.session_fingerprint = security::SessionFingerprint(stored->session, stored->account);
  return remembered;
}

int64_t TestWorld::Count(const std::string& sql) {
  int64_t n = -1;
  Must(services->db->Read([&](store::Tx& tx) -> Result<void> {
    auto row = tx.QueryOne(sql);
    if (!row) return Fail(row.error());
    n = *row ? (*row)->Int(0) : 0;
    return Ok();
  }));
  return n;
}

std::string TestWorld::Text(const std::string& sql) {
  std::string out;
  Must(services->db->Read([&](store::Tx& tx) -> Result<void> {
    auto row = tx.QueryOne(sql);
    if (!row) return Fail(row.error());
    if (*row) out = (*row)->IsNull(0) ? "" : (*row)->Text(0);
    return Ok();
  }));
  return out;
}

std::vector<security::AuditRecord> TestWorld::AuditOf(const std::string& action) {
  std::vector<security::AuditRecord> out;
  Must(services->db->Read([&](store::Tx& tx) -> Result<void> {
    security::AuditQuery q;
    q.action = action;
    auto items = services->audit->Query(tx, q);
    if (!items) return Fail(items.error());
    out = std::move(*items);
    return Ok();
  }));
  return out;
}

security::Actor ActorOf(const std::string& user_id, const std::string& org_id,
                        std::vector<std::string> roles) {
  security::Actor a;
  a.user_id = user_id;
  a.org_id = org_id;
  a.roles = std::move(roles);
  a.mfa_complete = true;
  a.request_id = "req";
  a.remote = "127.0.0.1";
  return a;
}

void WorldTest::SetUp() {
  world_ = std::make_unique<TestWorld>(clock_, options_);
  app::Services& s = *world_->services;
  db_ = s.db.get();
  keyring_ = s.keyring.get();
  audit_ = s.audit.get();
  reads_ = s.audit_reads.get();
  auth_ = s.auth.get();
  orgs_ = s.orgs.get();
  users_ = s.users.get();
  people_ = s.people.get();
  cases_ = s.cases.get();
  records_ = s.case_records.get();
  emergency_ = s.emergency.get();
}

}  // namespace dandelion::testing
