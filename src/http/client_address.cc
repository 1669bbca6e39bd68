#include "http/client_address.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>

namespace dandelion::http {

std::string CanonicalAddress(std::string_view text) {
  if (text.empty() || text.size() > 45) return "";
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return "";
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6())
        .to_string();
  }
  return address.to_string();
}

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& addresses) {
  TrustedProxies out;
  for (const auto& a : addresses) {
    std::string canonical = CanonicalAddress(a);
    if (canonical.empty()) {
      return Fail(ErrorCode::kInvalid, "error.invalid",
                  "server.trusted_proxies: \"" + a + "\" is not an IP address");
    }
    out.addresses_.push_back(std::move(canonical));
  }
  return out;
}

std::string TrustedProxies::Resolve(std::string_view peer, std::string_view x_real_ip) const {
  std::string canonical_peer = CanonicalAddress(peer);
  if (canonical_peer.empty()) return std::string(peer);
  if (x_real_ip.empty() || addresses_.empty()) return canonical_peer;
  if (std::find(addresses_.begin(), addresses_.end(), canonical_peer) == addresses_.end()) {
    return canonical_peer;
  }
  std::string client = CanonicalAddress(x_real_ip);
  return client.empty() ? canonical_peer : client;
}

bool TrustedProxies::Ignored(std::string_view peer, std::string_view x_real_ip) const {
  if (x_real_ip.empty()) return false;
  std::string canonical_peer = CanonicalAddress(peer);
  return std::find(addresses_.begin(), addresses_.end(), canonical_peer) == addresses_.end();
}

bool TrustedProxies::Contains(std::string_view peer) const {
  std::string canonical_peer = CanonicalAddress(peer);
  return !canonical_peer.empty() &&
         std::find(addresses_.begin(), addresses_.end(), canonical_peer) != addresses_.end();
}

}  // namespace dandelion::http
