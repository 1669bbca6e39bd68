// ClientAddress: whom a request comes from, when a reverse proxy may stand in between.
//
// Throttling (sign-in back-off, the public help form's flood control) keys on the client's
// address. Behind a reverse proxy every connection's peer is the proxy, so the proxy's
// `X-Real-IP` header names the visitor instead. The header is believed only from a peer listed
// in `server.trusted_proxies`: from anyone else it would let a script pick a fresh address for
// every request, and with no proxy configured it is always ignored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dandelion::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;

  // Each entry an IPv4 or IPv6 address (no ranges). Refuses anything else, naming it.
  static Result<TrustedProxies> Parse(const std::vector<std::string>& addresses);

  bool empty() const { return addresses_.empty(); }

  // The client's address: `x_real_ip` when `peer` is a trusted proxy and the header holds one
  // plain IP address, otherwise `peer`. Addresses come back in canonical text form
  // (IPv4-mapped IPv6 as plain IPv4), so one visitor has one spelling.
  std::string Resolve(std::string_view peer, std::string_view x_real_ip) const;

  // True when the header was present but not believed because the peer is not trusted: an
  // operator who forgot the setting behind a proxy is told once in the log.
  bool Ignored(std::string_view peer, std::string_view x_real_ip) const;

  // True when peer is one of the configured proxies (it stands for many visitors).
  bool Contains(std::string_view peer) const;

 private:
  std::vector<std::string> addresses_;  // canonical
};

// The canonical text form of an IP address, or "" when `text` is not one.
std::string CanonicalAddress(std::string_view text);

}  // namespace dandelion::http
