#include "security/messages.h"

#include "core/messages.h"

namespace dandelion::security {
namespace {

// Keys used by keys, field_cipher, file_cipher, password_policy, totp, recovery_codes, qr_svg,
// audit_chain and audit_checkpoint. Master-key messages are read by operators at the command
// line, so they say what to do.
constexpr Message kSecurityMessages[] = {
    {"security.master_key_exists", "마스터 키 파일이 이미 있습니다. 덮어쓰지 않습니다.",
     "The master key file already exists; it will not be overwritten."},
    {"security.master_key_unreadable",
     "마스터 키 파일을 읽을 수 없습니다. 경로와 권한을 확인하세요.",
     "The master key file cannot be read. Check its path and permissions."},
    {"security.master_key_permissions",
     "마스터 키 파일을 소유자만 읽을 수 있어야 합니다. chmod 600 으로 권한을 바꾸세요.",
     "The master key file must be readable by its owner only. Run chmod 600 on it."},
    {"security.master_key_size",
     "마스터 키 파일의 크기가 32바이트가 아닙니다. 손상되었을 수 있습니다.",
     "The master key file is not 32 bytes long; it may be damaged."},
    {"security.master_key_write_failed", "마스터 키 파일을 만들 수 없습니다.",
     "The master key file could not be written."},
    {"security.key_unwrap_failed", "암호화 키를 열 수 없습니다. 키가 맞지 않거나 손상되었습니다.",
     "An encryption key could not be opened: wrong key, or damaged data."},
    {"security.decrypt_failed", "암호화된 값을 읽을 수 없습니다. 키가 맞지 않거나 손상되었습니다.",
     "An encrypted value could not be read: wrong key, or damaged data."},
    {"security.file_corrupt", "암호화된 파일이 손상되었거나 변조되었습니다.",
     "The encrypted file is damaged or has been altered."},
    {"security.file_truncated", "암호화된 파일이 중간에 잘렸습니다.",
     "The encrypted file is incomplete (truncated)."},
    {"security.file_io_failed", "파일을 읽거나 쓸 수 없습니다.",
     "The file could not be read or written."},
    {"security.password_too_short", "비밀번호는 10자 이상이어야 합니다.",
     "The password must be at least 10 characters long."},
    {"security.password_too_long", "비밀번호는 128자 이하여야 합니다.",
     "The password must be at most 128 characters long."},
    {"security.password_common", "너무 흔한 비밀번호입니다. 추측하기 어려운 문장을 써 보세요.",
     "This password is too common. Try a phrase that is hard to guess."},
    {"security.password_contains_username", "비밀번호에 사용자 이름이 들어 있으면 안 됩니다.",
     "The password must not contain the username."},
    {"security.password_one_character", "같은 글자만 반복한 비밀번호는 쓸 수 없습니다.",
     "The password cannot be one character repeated."},
    {"security.totp_invalid", "인증 코드가 맞지 않습니다.",
     "The verification code is not correct."},
    {"security.totp_reused", "이미 사용한 인증 코드입니다. 다음 코드를 기다려 입력하세요.",
     "This verification code was already used. Wait for the next one."},
    {"security.recovery_code_invalid", "복구 코드가 맞지 않습니다.",
     "The recovery code is not correct."},
    {"security.qr_failed", "QR 코드를 만들 수 없습니다.", "The QR code could not be made."},
    {"security.audit_hash_malformed", "감사 기록의 해시 값이 손상되었습니다.",
     "An audit log hash is damaged."},
    {"security.audit_checkpoint_invalid", "감사 기록 체크포인트의 서명이 맞지 않습니다.",
     "The audit checkpoint's signature does not verify."},
    {"security.audit_checkpoint_malformed", "감사 기록 체크포인트의 형식이 올바르지 않습니다.",
     "The audit checkpoint is not in the expected format."},
    {"security.audit_broken",
     "감사 기록이 손상되었거나 변조되었습니다. 처음 어긋난 행을 확인하세요.",
     "The audit log is damaged or has been altered. Check the first broken entry named."},
    {"security.audit_empty", "감사 기록이 비어 있어 체크포인트를 만들 수 없습니다.",
     "The audit log is empty, so there is nothing to sign."},
    {"security.master_key_rotated", "다른 작업이 마스터 키를 교체했습니다. 명령을 다시 실행하세요.",
     "The master key was rotated meanwhile. Run the command again."},
    {"security.key_rotation_in_progress",
     "마스터 키 교체가 진행 중입니다. 끝난 뒤 다시 시도하세요.",
     "A master key rotation is in progress. Try again when it has finished."},
    {"security.key_rotation_unresolved",
     "중단된 마스터 키 교체를 마무리할 수 없습니다. master.key 와 master.key.next 중 어느 "
     "것도 데이터베이스의 키를 열지 못합니다. 두 파일을 지우지 말고 백업에서 키를 찾으세요.",
     "An interrupted master key rotation cannot be finished: neither master.key nor "
     "master.key.next opens the database's keys. Delete neither file; find the key in your "
     "backups."},
};

}  // namespace

void RegisterSecurityMessages() { RegisterMessages(kSecurityMessages); }

}  // namespace dandelion::security
