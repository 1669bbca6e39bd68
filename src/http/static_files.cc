#include "http/static_files.h"

#include <algorithm>
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
  std::string_view path = request.path;
  // The request layer already refused "." and ".." segments and NULs; hidden files (".env",
  // ".git") are refused here as well, and Resolve() confines the rest to the root.
  if (path.find("/.") != std::string_view::npos || path.find('\\') != std::string_view::npos) {
    return NotFound(request);
  }
  if (IsFormerAppRoute(path)) {
    // The same path and query under /app/, as received (still percent-encoded).
    std::string_view target = request.target;
    size_t query = target.find('?');
    Response moved = Response::Text(308, "text/plain; charset=utf-8", "");
    moved.SetHeader("Location",
                    "/app" + request.raw_path +
                        std::string(query == std::string_view::npos ? std::string_view()
                                                                    : target.substr(query)));
    return moved;
  }
  if (root_.empty()) return NotFound(request);
  std::string file;
  bool asset = false;
  if (path == "/help" || path.starts_with("/help/")) {
    // The light public help page owns /help and /help/en, /help/th…; it is not the app.
    file = Resolve(root_, "help.html");
  } else if (path == "/notes" || path == "/notes/") {
    // A survivors' network member's own page, under a neutral name (docs/web-survivors.md).
    file = Resolve(root_, "notes.html");
  } else if (path == "/app" || path.starts_with("/app/")) {
    std::string_view relative =
        path.substr(std::min(path.size(), std::string_view("/app/").size()));
    while (relative.starts_with('/')) relative.remove_prefix(1);
    asset = relative.starts_with("assets/");
    if (!relative.empty()) file = Resolve(root_, relative);
    if (file.empty() && !asset) file = Resolve(root_, "index.html");  // a client-side route
  }
  if (file.empty()) return NotFound(request);
  Response response;
  response.content_type = std::string(ContentTypeFor(file));
  response.file_path = file;
  // A woman on a shared device: the help page and a member's page are never kept in a cache.
  const bool help = file.ends_with("/help.html") || file.ends_with("/notes.html");
  response.SetHeader("Cache-Control", std::string(help    ? "no-store"
                                                  : asset ? kImmutable
                                                          : kRevalidate));
  return response;
}

bool IsFormerAppRoute(std::string_view path) {
  // The top-level routes of web/src/App.tsx (and its routes.tsx files) before the move.
  static constexpr std::string_view kRoutes[] = {
      "sign-in",  "change-password", "enrol",     "account",  "emergency",   "cases",   "people",
      "calendar", "referrals",       "directory", "programs", "supervision", "shelter", "funds",
      "advocacy", "statistics",      "reports",   "policy",   "audit",       "admin",
  };
  if (!path.starts_with('/')) return false;
  std::string_view first =
      path.substr(1, path.find('/', 1) == std::string_view::npos ? std::string_view::npos
                                                                 : path.find('/', 1) - 1);
  for (std::string_view route : kRoutes) {
    if (first == route) return true;
  }
  return false;
}

}  // namespace dandelion::http
