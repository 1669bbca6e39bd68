// org add, user add, audit and keys: the operator's console, through the same services as HTTP.
#include "app/admin_commands.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/data_dir_checks.h"
#include "app/key_rotation.h"
#include "app/services.h"
#include "core/ids.h"
#include "modules/reports/model.h"
#include "security/policy.h"

namespace dandelion::app {

Result<void> OrgAdd(const OrgAddOptions& o) {
  auto s = Services::Open(o.data_dir, 1);
  if (!s) return Fail(s.error());
  network::NewOrganization in{o.slug, o.name, o.kind, o.facility_type, o.region};
  auto org = (*s)->orgs->Create(security::Actor::Console(), in);
  if (!org) return Fail(org.error());
  std::cout << "Added organization " << org->slug << " (" << org->id << ")\n";
  return Ok();
}

Result<void> UserAdd(const UserAddOptions& o) {
  auto s = Services::Open(o.data_dir, 1);
  if (!s) return Fail(s.error());
  auto console = security::Actor::Console();
  auto org = (*s)->orgs->Get(console, o.org);
  if (!org) {
    Error e = org.error();
    e.detail = "no organization " + o.org;
    return Fail(e);
  }
  network::NewUser in;
  in.username = o.username;
  in.display_name = o.display_name.empty() ? o.username : o.display_name;
  in.roles = security::SplitRoles(o.roles);
  if (o.password_stdin) {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    in.password = std::move(password);
  }
  auto created = (*s)->users->Create(console, org->id, in);
  if (!created) return Fail(created.error());
  std::cout << "Added user " << created->user.account.username << " (" << created->user.account.id
            << ") to " << org->slug << "\n";
  if (!created->one_time_password.empty()) {
    std::cout << "One-time password (shown once; it must be changed at first sign-in):\n  "
              << created->one_time_password << "\n";
  }
  return Ok();
}

Result<void> AuditVerify(const std::string& data_dir) {
  auto s = Services::Open(data_dir, 1);
  if (!s) return Fail(s.error());
  auto& services = **s;
  auto r =
      services.db->Read([&](store::Tx& tx) -> Result<void> { return services.audit->Verify(tx); });
  if (!r) return r;
  TRY(CompareWithKeptCheckpoint(services));
  std::cout << "The audit log is intact.\n";
  return Ok();
}

Result<void> AuditCheckpoint(const std::string& data_dir) {
  auto s = Services::Open(data_dir, 1);
  if (!s) return Fail(s.error());
  auto text = (*s)->audit_reader->Checkpoint(security::Actor::Console());
  if (!text) return Fail(text.error());
  TRY(KeepCheckpointText(**s, *text));
  std::cout << *text;
  return Ok();
}

Result<void> AuditFlush(const std::string& data_dir) {
  auto s = Services::Open(data_dir, 1);  // opening files the journal (app/services.h)
  if (!s) return Fail(s.error());
  TRY((*s)->audit_reads->FileJournal());  // and what a running server journaled since
  std::cout << "The audit log holds every entry made so far.\n"
               "감사 로그에 지금까지의 모든 기록이 들어 있습니다.\n";
  return Ok();
}

Result<void> AuditPublicKey(const std::string& data_dir) {
  auto s = Services::Open(data_dir, 1);
  if (!s) return Fail(s.error());
  std::cout << (*s)->audit_reader->PublicKeyHex() << "\n";
  return Ok();
}

Result<void> ReportVerify(const std::string& file, const std::string& public_key_hex,
                          const std::string& data_dir) {
  std::string trusted;
  // Keys this data dir retired at a master key rotation, each good for reports filed before it.
  std::vector<security::AuditLog::RetiredSigningKey> retired;
  if (!public_key_hex.empty()) {
    std::string hex = public_key_hex;
    while (!hex.empty() && (hex.back() == '\n' || hex.back() == ' ')) hex.pop_back();
    auto bytes = reports::ParseHex(hex);
    if (!bytes || bytes->size() != 32) {
      return Fail(ErrorCode::kInvalid, "report.signature_invalid",
                  "--public-key is not 64 hex digits (32 bytes)");
    }
    trusted = *bytes;
  } else {
    auto s = Services::Open(data_dir, 1);
    if (!s) return Fail(s.error());
    trusted = (*s)->audit->PublicKey();
    retired = TRY(
        (*s)->db->ReadValue([&](store::Tx& tx) { return (*s)->audit->RetiredSigningKeys(tx); }));
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return Fail(ErrorCode::kInvalid, "report.file_malformed", "cannot read " + file);
  std::stringstream text;
  text << in.rdbuf();
  auto v = reports::VerifyFile(text.str(), trusted);
  std::string by_retired;
  for (auto k = retired.rbegin();
       !v && v.error().code == ErrorCode::kInvalid &&
       v.error().message_key == "report.signature_invalid" && k != retired.rend();
       ++k) {
    auto old = reports::VerifyFile(text.str(), k->public_key);
    TimePoint filed;
    // Only for what it signed while it was the key: a retired key cannot vouch for later filings.
    if (old && ParseRfc3339(old->filed_at, &filed) && filed <= k->retired_at) {
      v = std::move(old);
      by_retired = FormatRfc3339(k->retired_at);
    }
  }
  if (!v) return Fail(v.error());
  std::cout << "organization: " << v->org_name << " (" << v->org_id << ")\nperiod: " << v->period
            << "\ntemplate: " << v->template_key << "\nfiled_at: " << v->filed_at << "\n";
  if (!by_retired.empty()) {
    std::cout << "signed with the key retired at " << by_retired
              << " (a master key rotation), endorsed by the current key / 마스터 키 교체 전의 "
                 "키로 서명되었고 현재 키가 그 키를 보증합니다.\n";
  }
  std::cout << "OK: the signature verifies / 서명이 확인되었습니다.\n";
  return Ok();
}

Result<void> KeysRotate(const std::string& data_dir) {
  auto r = RotateMasterKey(data_dir);
  if (!r) return Fail(r.error());
  // The kept checkpoint was signed with the retired key: keep one signed with the new key.
  auto s = TRY(Services::Open(data_dir, 1));
  TRY(KeepCheckpoint(*s));
  std::cout << "Rotated the master key from version " << r->old_version << " to " << r->new_version
            << ": re-wrapped " << r->org_keys
            << " organization key(s) in one transaction and replaced keys/master.key.\n"
            << "마스터 키를 버전 " << r->old_version << "에서 " << r->new_version
            << "(으)로 교체했습니다. 기관 키 " << r->org_keys
            << "개를 새 키로 다시 감쌌고 keys/master.key 를 바꿨습니다.\n\n";
  if (!r->audit_problem.empty()) {
    std::cout << "Warning: the audit log did not verify before the rotation: " << r->audit_problem
              << "\n경고: 교체 전에 감사 기록 검증이 실패했습니다. 원인을 조사하세요.\n\n";
  }
  std::cout << "Audit checkpoints are now signed with a new public key (copy it elsewhere):\n  "
            << r->new_public_key << "\n(the retired one, " << r->old_public_key
            << ", still verifies checkpoints made before now)\n"
            << "감사 체크포인트의 새 공개 키입니다. 다른 곳에 복사해 두세요.\n\n"
            << "Back up the NEW keys/master.key now and check that the backup can be read. Only "
               "after that, destroy every backup of the old key: it no longer opens this "
               "database, but it still opens older database backups.\n"
            << "지금 새 keys/master.key 를 백업하고 백업을 읽을 수 있는지 확인하세요. 확인한 "
               "뒤에만 옛 키의 백업을 모두 폐기하세요. 옛 키는 이 데이터베이스는 열지 "
               "못하지만 이전 데이터베이스 백업은 여전히 엽니다.\n";
  return Ok();
}

}  // namespace dandelion::app
