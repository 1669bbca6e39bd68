#include "security/qr_svg.h"

#include <qrencode.h>

#include <memory>

namespace dandelion::security {
namespace {

constexpr int kQuietZone = kQrQuietZone;  // modules of white border the QR standard requires

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<QrModules> QrMatrix(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    return Fail(ErrorCode::kInternal, "security.qr_failed", "QR text contains NUL");
  }
  std::string input(text);  // QRcode_encodeString needs a NUL-terminated string
  std::unique_ptr<QRcode, QrFree> code(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, /*casesensitive=*/1));
  if (!code) {
    return Fail(ErrorCode::kInternal, "security.qr_failed",
                "QRcode_encodeString failed for " + std::to_string(text.size()) + " bytes");
  }
  QrModules out;
  out.width = code->width;
  out.dark.resize(static_cast<size_t>(code->width * code->width));
  for (size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = code->data[i] & 1;
  return out;
}

Result<std::string> QrSvg(std::string_view text) {
  const QrModules code = TRY(QrMatrix(text));
  const int width = code.width;
  const int size = width + 2 * kQuietZone;
  std::string path;
  // One rectangle per horizontal run of dark modules keeps the path short.
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if (!code.Dark(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && code.Dark(x + run, y)) ++run;
      path += "M" + std::to_string(x + kQuietZone) + "," + std::to_string(y + kQuietZone) + "h" +
              std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  }
  const std::string n = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + n + "\" height=\"" + n +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
}

}  // namespace dandelion::security
