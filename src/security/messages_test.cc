#include "security/messages.h"

#include <gtest/gtest.h>

#include "core/messages.h"

namespace dandelion::security {
namespace {

// Every message key the security building blocks can return.
constexpr const char* kKeysUsed[] = {
    "security.master_key_exists",
    "security.master_key_unreadable",
    "security.master_key_permissions",
    "security.master_key_size",
    "security.master_key_write_failed",
    "security.key_unwrap_failed",
    "security.decrypt_failed",
    "security.file_corrupt",
    "security.file_truncated",
    "security.file_io_failed",
    "security.password_too_short",
    "security.password_too_long",
    "security.password_common",
    "security.password_contains_username",
    "security.password_one_character",
    "security.totp_invalid",
    "security.totp_reused",
    "security.recovery_code_invalid",
    "security.qr_failed",
    "security.audit_hash_malformed",
    "security.audit_checkpoint_invalid",
    "security.audit_checkpoint_malformed",
    // Core keys these files also return.
    "error.internal",
    "error.invalid_utf8",
    "field.empty",
};

TEST(SecurityMessagesTest, EveryKeyUsedHasKoreanAndEnglish) {
  RegisterSecurityMessages();
  for (const char* key : kKeysUsed) {
    ASSERT_TRUE(HasMessage(key)) << key;
    std::string ko = Translate(key, Lang::kKo);
    std::string en = Translate(key, Lang::kEn);
    EXPECT_FALSE(ko.empty()) << key;
    EXPECT_FALSE(en.empty()) << key;
    EXPECT_NE(ko, en) << key;
  }
}

}  // namespace
}  // namespace dandelion::security
