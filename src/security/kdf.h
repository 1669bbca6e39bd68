// Subkey derivation (crypto_kdf) and the registry of every derived key in Dandelion.
//
// A (context, subkey id) pair must never serve two purposes, so all of them are listed here.
// Adding a use: add a context or an id below; never change or reuse an existing one, since
// stored indexes, hashes and signatures depend on them. Pure functions; thread-safe.
#pragma once

#include <cstdint>

#include "security/keys.h"

namespace dandelion::security {

// crypto_kdf contexts are exactly 8 bytes.
struct KdfContext {
  char bytes[9];  // 8 characters and the literal's terminating NUL
};

// Organization key -> one blind-index key per indexed field; subkey ids are BlindIndexField
// values (blind_index.h).
inline constexpr KdfContext kBlindIndexContext{"DdBlndIx"};
// Master key -> the Ed25519 seed that signs audit checkpoints (audit_checkpoint.h); id 1.
inline constexpr KdfContext kAuditSigningContext{"DdAudSig"};
inline constexpr uint64_t kAuditSigningSubkeyId = 1;
// Master key -> the key of the keyed hash of MFA recovery codes (recovery_codes.h); id 1.
inline constexpr KdfContext kRecoveryCodeContext{"DdRecCod"};
inline constexpr uint64_t kRecoveryCodeSubkeyId = 1;
// Master key -> the key that signs the public help form's time tokens (emergency/help_form.h);
// id 1.
inline constexpr KdfContext kHelpFormContext{"DdHlpFrm"};
inline constexpr uint64_t kHelpFormSubkeyId = 1;
// Master key -> the key that tags sign-in device cookies (device_cookie.h); id 1. Derived anew
// from each master key: after a rotation every browser is new again until its next sign-in.
inline constexpr KdfContext kDeviceCookieContext{"DdDevCok"};
inline constexpr uint64_t kDeviceCookieSubkeyId = 1;
// Master key -> the key that signs the public event registration form's time tokens
// (events/event_service.h, the help form's guard with its own key); id 1.
inline constexpr KdfContext kEventFormContext{"DdEvtFrm"};
inline constexpr uint64_t kEventFormSubkeyId = 1;
// Master key -> the key of event tickets' check-in token MAC (events/model.h); id 1.
inline constexpr KdfContext kEventTicketContext{"DdEvtTkt"};
inline constexpr uint64_t kEventTicketSubkeyId = 1;
// Master key -> the key of the keyed index of a registrant's contact, bound to the event
// (duplicate detection, events/model.h); id 1.
inline constexpr KdfContext kEventContactContext{"DdEvtIdx"};
inline constexpr uint64_t kEventContactSubkeyId = 1;
// Master key -> the key of the MAC in training certificates' codes (training/model.h); id 1.
inline constexpr KdfContext kCertificateCodeContext{"DdTrnCrt"};
inline constexpr uint64_t kCertificateCodeSubkeyId = 1;
// Organization key (of a survivor_network organization) -> the key that wraps each member's own
// key (survivors/member_keys.h); id 1. A branch no person record uses: members are never people.
inline constexpr KdfContext kSurvivorMemberContext{"DdSrvMbr"};
inline constexpr uint64_t kSurvivorMemberSubkeyId = 1;
// Organization key -> the network's own key for meeting places and peer-support notes; id 1.
inline constexpr KdfContext kSurvivorNetworkContext{"DdSrvNet"};
inline constexpr uint64_t kSurvivorNetworkSubkeyId = 1;

// The 32-byte subkey number id of parent in context (BLAKE2b-based crypto_kdf_derive_from_key).
// Subkeys are independent: knowing one reveals nothing of the parent or of other subkeys.
SecretKey DeriveSubkey(const SecretKey& parent, const KdfContext& context, uint64_t id);

}  // namespace dandelion::security
