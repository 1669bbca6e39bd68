#include "modules/survivors/member_keys.h"

#include "core/error.h"
#include "modules/survivors/survivor_repo.h"
#include "security/field_cipher.h"
#include "security/kdf.h"

namespace dandelion::survivors {
namespace {

constexpr std::string_view kMembers = "survivor_members";

std::string Aad(const std::string& member_id) { return "survivor_member:" + member_id; }

Error Undecryptable() {
  return Error{ErrorCode::kInternal, "error.internal", {}, "survivors field does not decrypt"};
}

}  // namespace

Result<MemberKey> MemberKey::Create(store::Tx& tx, security::Keyring& keyring,
                                    const std::string& org_id, const std::string& member_id) {
  auto org = TRY(keyring.CurrentOrgKey(tx, org_id));
  auto wrapping = security::DeriveSubkey(*org.key, security::kSurvivorMemberContext,
                                         security::kSurvivorMemberSubkeyId);
  auto key = security::SecretKey::Random();
  TRY(repo::InsertMemberKey(tx, member_id,
                            security::WrapKey(wrapping, org.version, key, Aad(member_id))));
  return MemberKey(std::move(key), org_id, member_id);
}

Result<MemberKey> MemberKey::Load(store::Tx& tx, security::Keyring& keyring,
                                  const std::string& org_id, const std::string& member_id) {
  std::string wrapped = TRY(repo::MemberKey(tx, member_id));
  if (wrapped.empty()) return Fail(ErrorCode::kNotFound, "error.not_found");
  uint32_t version = TRY(security::WrappingKeyVersion(wrapped));
  auto org = TRY(keyring.OrgKeyVersion(tx, org_id, version));
  auto wrapping = security::DeriveSubkey(*org.key, security::kSurvivorMemberContext,
                                         security::kSurvivorMemberSubkeyId);
  auto key = TRY(security::UnwrapKey(wrapping, wrapped, Aad(member_id)));
  return MemberKey(std::move(key), org_id, member_id);
}

std::string MemberKey::Seal(std::string_view column, std::string_view value) const {
  if (value.empty()) return "";
  return security::EncryptField(key_, 1, {org_id_, kMembers, column, member_id_},
                                std::string(value));
}

Result<std::string> MemberKey::Open(std::string_view column, std::string_view blob) const {
  if (blob.empty()) return std::string();
  auto plain = security::DecryptField(key_, {org_id_, kMembers, column, member_id_}, blob);
  if (!plain) return Fail(Undecryptable());
  return std::move(*plain);
}

Result<std::string> SealNetwork(store::Tx& tx, security::Keyring& keyring,
                                const std::string& org_id, std::string_view table,
                                std::string_view column, const std::string& row_id,
                                const std::string& value) {
  if (value.empty()) return std::string();
  auto org = TRY(keyring.CurrentOrgKey(tx, org_id));
  auto key = security::DeriveSubkey(*org.key, security::kSurvivorNetworkContext,
                                    security::kSurvivorNetworkSubkeyId);
  return security::EncryptField(key, org.version, {org_id, table, column, row_id}, value);
}

Result<std::string> OpenNetwork(store::Tx& tx, security::Keyring& keyring,
                                const std::string& org_id, std::string_view table,
                                std::string_view column, const std::string& row_id,
                                const std::string& blob) {
  if (blob.empty()) return std::string();
  uint32_t version = TRY(security::FieldKeyVersion(blob));
  auto org = TRY(keyring.OrgKeyVersion(tx, org_id, version));
  auto key = security::DeriveSubkey(*org.key, security::kSurvivorNetworkContext,
                                    security::kSurvivorNetworkSubkeyId);
  auto plain = security::DecryptField(key, {org_id, table, column, row_id}, blob);
  if (!plain) return Fail(Undecryptable());
  return std::move(*plain);
}

}  // namespace dandelion::survivors
