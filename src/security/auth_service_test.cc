// AuthService at the service: signing in, what a wrong or unknown credential answers, the
// username lock and the address throttle, inactivity, sessions' timeouts, TOTP enrolment and
// second factors (codes used once, recovery codes), and re-authentication.
#include "security/auth_service.h"

#include <gtest/gtest.h>

#include <string>

#include "core/ids.h"
#include "security/account_repo.h"
#include "security/password.h"
#include "security/session_confirmation.h"
#include "security/totp.h"
#include "testing/test_world.h"

namespace dandelion::security {
namespace {

using testing::Must;

constexpr const char* kPassword = "Dandelion-unit-pass-4417";

// RFC 4648 base32 (the enrolment secret as shown to the user), back to its bytes.
std::string Base32Decode(std::string_view text) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    size_t v = kAlphabet.find(c);
    if (v == std::string_view::npos) continue;  // padding
    buffer = (buffer << 5) | static_cast<uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xff));
      bits -= 8;
    }
  }
  return out;
}

class AuthServiceTest : public testing::WorldTest {
 protected:
  void SetUp() override {
    WorldTest::SetUp();
    org_ = AddOrg("seoul1-center");
  }

  int64_t Now() const { return UnixSeconds(clock_.Now()); }

  // An account that can sign in with kPassword (hashed once per run: Argon2id is slow).
  Account AddAccount(const std::string& username, const std::string& role) {
    static const std::string hash = Must(HashPassword(kPassword));
    Account account{.id = NewId(),
                    .org_id = org_,
                    .username = username,
                    .display_name = username,
                    .roles = {role},
                    .password_hash = hash,
                    .last_active_at = Now(),
                    .created_at = FormatRfc3339(clock_.Now())};
    Must(db_->Write([&](store::Tx& tx) { return account_repo::Insert(tx, account); }));
    return account;
  }

  Result<SignedIn> SignIn(const std::string& username, const std::string& password,
                          const std::string& remote = "10.0.0.1",
                          std::optional<std::string> totp = std::nullopt,
                          std::optional<std::string> recovery_code = std::nullopt) {
    SignInRequest in{username, password, std::move(totp), std::move(recovery_code), ""};
    Actor meta;
    meta.remote = remote;
    meta.request_id = "req";
    return auth_->SignIn(in, meta);
  }

  // The actor of requests in a signed-in session.
  Actor InSession(const SignedIn& s) {
    Actor a = testing::ActorOf(s.auth.account.id, s.auth.account.org_id, s.auth.account.roles);
    a.session_id = s.auth.session.id;
    a.mfa_complete = s.auth.session.mfa_complete;
    a.remote = "10.0.0.1";
    return a;
  }

  static void ExpectRefused(const Result<SignedIn>& r, ErrorCode code, const std::string& key) {
    ASSERT_FALSE(r) << "signed in";
    EXPECT_EQ(r.error().code, code);
    EXPECT_EQ(r.error().message_key, key);
  }

  std::string org_;
};

TEST_F(AuthServiceTest, SignsInToASessionThatEndsWhenIdleOrSignedOut) {
  Account minji = AddAccount("minji", "advocate");
  SignedIn s = Must(SignIn("  MinJi ", kPassword));  // usernames are trimmed and lower-cased
  EXPECT_EQ(s.auth.account.id, minji.id);
  EXPECT_EQ(s.token.size(), 64u);
  EXPECT_FALSE(s.device_cookie.empty());
  EXPECT_TRUE(s.auth.session.mfa_complete);  // an advocate sees no survivor's data
  EXPECT_EQ(Must(auth_->Authenticate(s.token)).account.id, minji.id);
  ASSERT_EQ(AuditOf("session.create").size(), 1u);
  EXPECT_EQ(AuditOf("session.create")[0].outcome, "ok");

  clock_.Advance(std::chrono::minutes(14));
  EXPECT_TRUE(auth_->Authenticate(s.token));  // and touches the session
  clock_.Advance(std::chrono::minutes(14));
  EXPECT_TRUE(auth_->Authenticate(s.token));
  // A board refreshing itself is answered but does not keep the session alive.
  clock_.Advance(std::chrono::minutes(10));
  EXPECT_TRUE(auth_->Authenticate(s.token, AuthService::Activity::kNone));
  clock_.Advance(std::chrono::minutes(6));
  auto idle = auth_->Authenticate(s.token);
  ASSERT_FALSE(idle);
  EXPECT_EQ(idle.error().message_key, "security.session_expired");

  SignedIn again = Must(SignIn("minji", kPassword));
  Must(auth_->SignOut(InSession(again)));
  EXPECT_FALSE(auth_->Authenticate(again.token));
  EXPECT_FALSE(auth_->Authenticate("not-a-token"));
}

// What the gate may take from memory for a read that confirms it (session_confirmation.h): the
// last full check's answer, for thirty seconds, without the account's secrets; and what the read
// then confirms against.
TEST_F(AuthServiceTest, ASessionIsRememberedForThirtySecondsAndConfirmedOnlyUnchanged) {
  Account minji = AddAccount("minji", "advocate");
  SignedIn s = Must(SignIn("minji", kPassword));
  EXPECT_FALSE(auth_->Remembered(s.token));  // only a full check is remembered
  Must(auth_->Authenticate(s.token));
  auto remembered = auth_->Remembered(s.token);
  ASSERT_TRUE(remembered);
  EXPECT_EQ(remembered->auth.session.id, s.auth.session.id);
  EXPECT_EQ(remembered->auth.account.id, minji.id);
  EXPECT_TRUE(remembered->auth.account.password_hash.empty());
  EXPECT_TRUE(remembered->auth.account.totp_secret.empty());
  EXPECT_FALSE(auth_->Remembered(std::string(64, '0')));
  EXPECT_FALSE(auth_->Remembered("short"));

  // The read's actor carries what the gate decided on; the database's row confirms it.
  Actor actor = InSession(s);
  actor.unconfirmed_session = remembered->token_hash;
  // Its fingerprint was made when it was remembered: a digest of what the gate decides on.
  EXPECT_EQ(remembered->fingerprint,
            SessionFingerprint(remembered->auth.session, remembered->auth.account));
  EXPECT_EQ(remembered->fingerprint.size(), kSessionFingerprintBytes);
  actor.session_fingerprint = remembered->fingerprint;
  auto fresh = [&] { return Must(account_repo::FindSession(*db_, remembered->token_hash)); };
  // In a read, as the reads that confirm their session do: on SQLite the fingerprint is then
  // remembered with the session's row until anything commits.
  auto in_a_read = [&] {
    return db_->Read([&](store::Tx& tx) { return ConfirmSessionIn(tx, actor); });
  };
  EXPECT_TRUE(ConfirmSession(actor, fresh()));
  EXPECT_TRUE(in_a_read());
  EXPECT_TRUE(in_a_read());
  EXPECT_TRUE(ConfirmSession(InSession(s), std::nullopt));  // a checked actor needs nothing

  auto refused = [&](const char* what) {
    for (auto r : {ConfirmSession(actor, fresh()), in_a_read(), in_a_read()}) {
      ASSERT_FALSE(r) << what;
      EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
      EXPECT_EQ(r.error().message_key, kSessionUnconfirmed);
    }
  };
  auto change = [&](auto&& write) { Must(db_->Write(write)); };
  change([&](store::Tx& tx) { return account_repo::UpdateRoles(tx, minji.id, "auditor"); });
  refused("roles changed");
  change([&](store::Tx& tx) { return account_repo::UpdateRoles(tx, minji.id, "advocate"); });
  EXPECT_TRUE(ConfirmSession(actor, fresh()));
  EXPECT_TRUE(in_a_read());
  change([&](store::Tx& tx) { return account_repo::SetDisabled(tx, minji.id, "2026-01-01"); });
  refused("disabled");
  change([&](store::Tx& tx) { return account_repo::SetDisabled(tx, minji.id, ""); });
  change([&](store::Tx& tx) { return account_repo::EndSession(tx, s.auth.session.id, Now()); });
  refused("ended");
  EXPECT_FALSE(ConfirmSession(actor, std::nullopt));  // gone

  // Thirty seconds after its check, a session is checked in full again.
  SignedIn later = Must(SignIn("minji", kPassword));
  Must(auth_->Authenticate(later.token));
  clock_.Advance(std::chrono::seconds(29));
  EXPECT_TRUE(auth_->Remembered(later.token));
  clock_.Advance(std::chrono::seconds(1));
  EXPECT_FALSE(auth_->Remembered(later.token));
}

TEST_F(AuthServiceTest, AWrongPasswordAndAnUnknownNameGetTheSameAnswer) {
  AddAccount("minji", "advocate");
  ExpectRefused(SignIn("minji", "wrong-password"), ErrorCode::kUnauthenticated,
                "security.bad_credentials");
  ExpectRefused(SignIn("nobody", kPassword), ErrorCode::kUnauthenticated,
                "security.bad_credentials");
  auto entries = AuditOf("session.create");
  ASSERT_EQ(entries.size(), 2u);
  for (const auto& e : entries) EXPECT_EQ(e.outcome, "failed");
}

TEST_F(AuthServiceTest, FiveFailuresLockTheUsernameForFifteenMinutesKnownOrNot) {
  AddAccount("minji", "advocate");
  for (const char* name : {"minji", "nobody"}) {
    for (int i = 0; i < 5; ++i) {
      // From different addresses: the username's own count locks it.
      EXPECT_FALSE(SignIn(name, "wrong-password", "10.0.1." + std::to_string(i)));
    }
    // Locked: even the right password is refused, and says so the same way for both names.
    ExpectRefused(SignIn(name, kPassword, "10.0.2.1"), ErrorCode::kRateLimited, "security.locked");
  }
  clock_.Advance(std::chrono::minutes(14));
  ExpectRefused(SignIn("minji", kPassword, "10.0.2.1"), ErrorCode::kRateLimited, "security.locked");
  clock_.Advance(std::chrono::minutes(1) + std::chrono::seconds(1));
  EXPECT_TRUE(SignIn("minji", kPassword, "10.0.2.1"));
  EXPECT_EQ(AuditOf("session.create").front().outcome, "ok");
}

TEST_F(AuthServiceTest, AnAddressIsSlowedAfterTenFailuresWhateverTheNames) {
  AddAccount("minji", "advocate");
  for (int i = 0; i < 11; ++i) {
    EXPECT_FALSE(SignIn("guess-" + std::to_string(i), kPassword, "203.0.113.9"));
  }
  // The eleventh failure holds the address for two seconds; another address is not held.
  ExpectRefused(SignIn("minji", kPassword, "203.0.113.9"), ErrorCode::kRateLimited,
                "security.locked");
  EXPECT_TRUE(SignIn("minji", kPassword, "198.51.100.1"));
  clock_.Advance(std::chrono::seconds(3));
  EXPECT_TRUE(SignIn("minji", kPassword, "203.0.113.9"));
}

TEST_F(AuthServiceTest, AnAccountUnusedForNinetyDaysIsDisabledAtItsNextSignIn) {
  AddAccount("minji", "advocate");
  clock_.Advance(std::chrono::hours(24 * 91));
  ExpectRefused(SignIn("minji", kPassword), ErrorCode::kForbidden, "security.account_disabled");
  EXPECT_EQ(AuditOf("user.disable_inactive").size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE disabled_at IS NOT NULL"), 1);
  // A wrong password still says only that the credentials are wrong.
  ExpectRefused(SignIn("minji", "wrong-password"), ErrorCode::kUnauthenticated,
                "security.bad_credentials");
}

TEST_F(AuthServiceTest, TotpEnrolmentCompletesTheSessionAndEachCodeWorksOnce) {
  AddAccount("minji", "case_worker");
  SignedIn first = Must(SignIn("minji", kPassword));
  EXPECT_TRUE(first.auth.mfa_enrollment_required);
  EXPECT_FALSE(first.auth.session.mfa_complete);
  Actor me = InSession(first);

  TotpEnrollment enrollment = Must(auth_->BeginTotp(me));
  EXPECT_TRUE(enrollment.otpauth_uri.starts_with("otpauth://totp/")) << enrollment.otpauth_uri;
  EXPECT_NE(enrollment.otpauth_uri.find("minji"), std::string::npos) << enrollment.otpauth_uri;
  EXPECT_NE(enrollment.qr_svg.find("<svg"), std::string::npos);
  const std::string secret = Base32Decode(enrollment.secret_base32);
  ASSERT_EQ(secret.size(), kTotpSecretSize);

  std::string wrong_code = "000000";
  for (int64_t t : {Now() - kTotpPeriodSeconds, Now(), Now() + kTotpPeriodSeconds}) {
    if (TotpCode(secret, t) == wrong_code) wrong_code = "111111";  // never both near
  }
  auto wrong = auth_->ConfirmTotp(me, wrong_code);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().message_key, "security.totp_invalid");
  std::vector<std::string> recovery = Must(auth_->ConfirmTotp(me, TotpCode(secret, Now())));
  EXPECT_EQ(recovery.size(), 10u);
  EXPECT_TRUE(Must(auth_->Authenticate(first.token)).session.mfa_complete);
  EXPECT_EQ(auth_->BeginTotp(me).error().code, ErrorCode::kConflict);

  // Now a sign-in needs a code; the one enrolment used is spent.
  ExpectRefused(SignIn("minji", kPassword), ErrorCode::kMfaRequired, "error.mfa_required");
  ExpectRefused(SignIn("minji", kPassword, "10.0.0.1", TotpCode(secret, Now())),
                ErrorCode::kUnauthenticated, "security.totp_invalid");
  clock_.Advance(std::chrono::seconds(kTotpPeriodSeconds));
  const std::string code = TotpCode(secret, Now());
  SignedIn second = Must(SignIn("minji", kPassword, "10.0.0.1", code));
  EXPECT_TRUE(second.auth.session.mfa_complete);
  ExpectRefused(SignIn("minji", kPassword, "10.0.0.1", code), ErrorCode::kUnauthenticated,
                "security.totp_invalid");

  // A recovery code stands in for a code, once.
  EXPECT_TRUE(SignIn("minji", kPassword, "10.0.0.1", std::nullopt, recovery[3]));
  ExpectRefused(SignIn("minji", kPassword, "10.0.0.1", std::nullopt, recovery[3]),
                ErrorCode::kUnauthenticated, "security.totp_invalid");
  ExpectRefused(SignIn("minji", kPassword, "10.0.0.1", std::nullopt, "not-a-code"),
                ErrorCode::kUnauthenticated, "security.totp_invalid");
}

TEST_F(AuthServiceTest, ReauthenticationIsCheckedAndCountedLikeASignIn) {
  AddAccount("minji", "advocate");
  SignedIn s = Must(SignIn("minji", kPassword));
  Actor me = InSession(s);
  EXPECT_EQ(auth_->RequireRecentReauth(me).error().code, ErrorCode::kReauthRequired);

  auto wrong = auth_->Reauthenticate(me, "wrong-password", std::nullopt);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(AuditOf("session.reauthenticate").front().outcome, "failed");

  Must(auth_->Reauthenticate(me, kPassword, std::nullopt));
  me.reauth_at = Must(auth_->Authenticate(s.token)).session.reauth_at;
  EXPECT_EQ(me.reauth_at, Now());
  EXPECT_TRUE(auth_->RequireRecentReauth(me));
  clock_.Advance(std::chrono::minutes(5) + std::chrono::seconds(1));
  EXPECT_EQ(auth_->RequireRecentReauth(me).error().message_key, "security.reauth_required");
  EXPECT_TRUE(auth_->RequireRecentReauth(Actor::Console()));

  // Its failures count toward the username's lock.
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(auth_->Reauthenticate(me, "wrong", std::nullopt));
  EXPECT_FALSE(SignIn("minji", "wrong-password"));  // the fifth
  ExpectRefused(SignIn("minji", kPassword), ErrorCode::kRateLimited, "security.locked");
}

}  // namespace
}  // namespace dandelion::security
