#include "security/match_token.h"

#include <sodium.h>

#include "core/ids.h"
#include "security/normalize.h"

namespace dandelion::security {

std::string MatchToken(const SecretKey& key, std::string_view legal_name,
                       std::string_view birth_date) {
  if (birth_date.size() != 10) return "";
  auto name = NormalizeForIndex(FieldKind::kName, legal_name);
  if (!name || name->empty()) return "";
  std::string input = "dandelion-match-v1";
  input.push_back('\0');
  input += *name;
  input.push_back('\0');
  input += birth_date;
  unsigned char out[crypto_generichash_BYTES];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(input.data()),
                     input.size(), key.data(), SecretKey::kSize);
  return ToHex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

}  // namespace dandelion::security
