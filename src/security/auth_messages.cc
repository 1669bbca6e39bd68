// The Korean/English messages of signing in, sessions and enrolment (keys "security.*" used by
// AuthService and the security gate).
#include "core/messages.h"
#include "security/auth_service.h"

namespace dandelion::security {

void RegisterAuthMessages() {
  static constexpr Message kMessages[] = {
      {"security.bad_credentials", "아이디 또는 비밀번호가 올바르지 않습니다.",
       "The username or password is not correct."},
      {"security.locked",
       "로그인 실패가 반복되어 잠시 잠겼습니다. 15분 후 다시 시도하거나 기관 관리자에게 "
       "잠금 해제를 요청하세요.",
       "Too many failed sign-ins. Try again in 15 minutes, or ask your organization's "
       "administrator to unlock the account."},
      {"security.account_disabled", "사용이 중지된 계정입니다. 기관 관리자에게 문의하세요.",
       "This account is disabled. Please contact your organization's administrator."},
      {"security.session_expired", "로그인이 만료되었습니다. 다시 로그인하세요.",
       "Your session has ended. Please sign in again."},
      // Acted on by the dispatcher, which checks the session again; shown only should that fail.
      {"security.session_unconfirmed", "로그인 상태를 다시 확인해야 합니다. 다시 시도하세요.",
       "Your session needs to be checked again. Please try again."},
      {"security.totp_already_enabled", "2단계 인증이 이미 설정되어 있습니다.",
       "Two-step verification is already set up."},
      {"security.totp_not_started", "먼저 2단계 인증 등록을 시작하세요.",
       "Start setting up two-step verification first."},
      {"security.reauth_required", "이 작업 전에 비밀번호와 인증 코드를 다시 입력해야 합니다.",
       "Enter your password and code again before this action."},
      {"security.mfa_enrollment_required", "계속하려면 먼저 2단계 인증을 설정하세요.",
       "Set up two-step verification to continue."},
      {"security.password_change_required",
       "임시 비밀번호를 새 비밀번호로 바꾼 뒤 계속할 수 있습니다.",
       "Replace your one-time password with your own to continue."},
      {"security.csrf", "보안 토큰이 없거나 올바르지 않습니다. 페이지를 새로 고치세요.",
       "The security token is missing or wrong. Please reload the page."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::security
