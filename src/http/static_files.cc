#include "http/static_files.h"

#include <filesystem>
#include <system_error>

#include "http/text_util.h"

namespace dandelion::http {
namespace {

namespace fs = std::filesystem;

// Vite names bundled assets with a content hash, so a URL under /assets/ never changes
// meaning and may be cached for a year; everything else (index.html) is revalidated.
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

Response NotFound(const Request& request) {
  return ErrorResponse(Error{ErrorCode::kNotFound, "error.not_found"}, request.lang,
                       request.request_id);
}

// A regular file strictly inside root, after resolving symlinks; "" otherwise.
std::string Resolve(const std::string& root, std::string_view relative) {
  std::error_code ec;
  fs::path candidate = fs::weakly_canonical(fs::path(root) / fs::path(relative), ec);
  if (ec) return {};
  std::string text = candidate.string();
  if (!text.starts_with(root + "/")) return {};
  if (!fs::is_regular_file(candidate, ec) || ec) return {};
  return text;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view file_name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  };
  size_t dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext = AsciiLower(file_name.substr(dot));
    for (const auto& [e, type] : kTypes) {
      if (e == ext) return type;
    }
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string root) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::path(root), ec);
  root_ = ec || root.empty() ? std::string() : canonical.string();
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

bool StaticFiles::has_index() const {
  std::error_code ec;
  return !root_.empty() && fs::is_regular_file(fs::path(root_) / "index.html", ec);
}

Response StaticFiles::Serve(const Request& request) const {
  if (root_.empty()) return NotFound(request);
  std::string_view path = request.path;
  // The request layer already refused "." and ".." segments and NULs; hidden files (".env",
  // ".git") are refused here as well, and Resolve() confines the rest to the root.
  if (path.find("/.") != std::string_view::npos || path.find('\\') != std::string_view::npos) {
    return NotFound(request);
  }
  std::string_view relative = path.substr(path.find_first_not_of('/') == std::string_view::npos
                                              ? path.size()
                                              : path.find_first_not_of('/'));
  bool asset = path.starts_with("/assets/");
  std::string file = relative.empty() ? std::string() : Resolve(root_, relative);
  if (file.empty()) {
    if (asset) return NotFound(request);
    // A separate page of the build owns its paths: /help and /help/en are help.html (the light
    // public help page, not the app). Anything else is a client-side route of the SPA.
    std::string_view first = relative.substr(0, relative.find('/'));
    if (!first.empty() && first.find('.') == std::string_view::npos) {
      file = Resolve(root_, std::string(first) + ".html");
    }
    if (file.empty()) file = Resolve(root_, "index.html");
    if (file.empty()) return NotFound(request);
  }
  Response response;
  response.content_type = std::string(ContentTypeFor(file));
  response.file_path = file;
  // A woman on a shared device: the public help page is never kept in a cache.
  const bool help = file.ends_with("/help.html");
  response.SetHeader("Cache-Control", std::string(help    ? "no-store"
                                                  : asset ? kImmutable
                                                          : kRevalidate));
  return response;
}

}  // namespace dandelion::http
