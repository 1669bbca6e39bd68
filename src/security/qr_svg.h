// QR codes as standalone SVG, for showing a TOTP enrolment URI (totp.h) in the web app, and as
// a module matrix for drawing one elsewhere (a certificate's PDF).
//
// The SVG is plain markup: no scripts, no external references, no styles, so it is safe to
// serve under the strict CSP (docs/security.md) or to inline. One <path> draws the dark modules,
// with shape-rendering="crispEdges" so scaled codes stay sharp, inside a 4-module quiet zone.
// Pure function; thread-safe (libqrencode keeps no shared state in QRcode_encodeString).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dandelion::security {

// The modules of a QR code (byte mode, error correction level M), without the quiet zone.
struct QrModules {
  int width = 0;
  std::vector<uint8_t> dark;  // width * width, row by row: 1 for a dark module
  bool Dark(int x, int y) const { return dark[static_cast<size_t>(y * width + x)] != 0; }
};
// Fails like QrSvg. Callers drawing it leave a quiet zone of kQrQuietZone modules around it.
inline constexpr int kQrQuietZone = 4;
Result<QrModules> QrMatrix(std::string_view text);

// The QR code of text (byte mode, error correction level M) as an SVG document. Fails with
// "security.qr_failed" for text that contains NUL or is too long for a QR code.
Result<std::string> QrSvg(std::string_view text);

}  // namespace dandelion::security
