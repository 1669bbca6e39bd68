// Serving the built web app (web/dist) from a directory under /app/: files with their content
// types, long-lived caching for content-hashed assets, and the single-page app's fallback. The
// root path `/` belongs to the network's public site, not to this. Thread-safe: holds only the
// root path.
#pragma once

#include <string>
#include <string_view>

#include "http/request.h"

namespace dandelion::http {

class StaticFiles {
 public:
  // root is canonicalised once; files are served only from inside it.
  explicit StaticFiles(std::string root);

  // True when the directory holds an index.html (the web app is built).
  bool has_index() const;

  // The answer to a GET/HEAD of request.path:
  // - `/app` and `/app/<file>`: the file of the build (as a file_path response); for paths that
  //   are not files, index.html (client-side routes), except under /app/assets/ (404);
  // - `/help` and `/help/...`: the public help page, help.html, never cached;
  // - `/notes`: a survivors' network member's own page, notes.html (a neutral name and title,
  //   for a shared or watched phone), never cached;
  // - a former top-level route of the app (`/sign-in`, `/cases/...`): 308 to the same path
  //   under /app/, so old bookmarks keep working;
  // - anything else, hidden files, and anything outside the root (symlinks included): 404.
  Response Serve(const Request& request) const;

 private:
  std::string root_;
};

// True when the first segment of path was a top-level route of the app before it moved under
// /app/ ("/cases/1" -> true, "/app/cases" -> false).
bool IsFormerAppRoute(std::string_view path);

// The Content-Type for a file name by its extension; application/octet-stream if unknown.
std::string_view ContentTypeFor(std::string_view file_name);

}  // namespace dandelion::http
