// Serving the built web app (web/dist) from a directory: files with their content types,
// long-lived caching for content-hashed assets, and the single-page app's fallback.
// Thread-safe: holds only the root path.
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

  // The answer to a GET/HEAD of request.path: the file (as a file_path response), or for paths
  // that are not files the page named by their first segment if the build has one ("/help/en"
  // -> help.html), else index.html (client-side routes), or 404 for missing files
  // under /assets/ and for hidden files, never anything outside the root (symlinks included).
  Response Serve(const Request& request) const;

 private:
  std::string root_;
};

// The Content-Type for a file name by its extension; application/octet-stream if unknown.
std::string_view ContentTypeFor(std::string_view file_name);

}  // namespace dandelion::http
