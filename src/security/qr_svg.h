// QR codes as standalone SVG, for showing a TOTP enrolment URI (totp.h) in the web app.
//
// The SVG is plain markup: no scripts, no external references, no styles, so it is safe to
// serve under the strict CSP (docs/security.md) or to inline. One <path> draws the dark modules,
// with shape-rendering="crispEdges" so scaled codes stay sharp, inside a 4-module quiet zone.
// Pure function; thread-safe (libqrencode keeps no shared state in QRcode_encodeString).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace dandelion::security {

// The QR code of text (byte mode, error correction level M) as an SVG document. Fails with
// "security.qr_failed" for text that contains NUL or is too long for a QR code.
Result<std::string> QrSvg(std::string_view text);

}  // namespace dandelion::security
