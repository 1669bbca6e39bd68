// KoreanPdf: a libharu document with a Korean TrueType font embedded and set for UTF-8 text —
// the one way drawn PDFs are begun here (statistics exports in writers.cc, training
// certificates). libharu reports errors through a callback; the first one is kept, and Check()
// turns it into "exports.write_failed".
//
// Include only from module sources (libharu's header is the modules' private dependency). Not
// thread-safe; one per document.
#pragma once

#include <hpdf.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/result.h"

namespace dandelion::exports {

class KoreanPdf {
 public:
  // A missing font fails with "exports.font_missing" naming the Debian package (fonts-nanum);
  // a font libharu cannot load with "exports.write_failed".
  static Result<std::unique_ptr<KoreanPdf>> Open(const std::filesystem::path& font_path);
  ~KoreanPdf();
  KoreanPdf(const KoreanPdf&) = delete;
  KoreanPdf& operator=(const KoreanPdf&) = delete;

  HPDF_Doc doc() const { return doc_; }
  HPDF_Font font() const { return font_; }
  bool failed() const { return code_ != 0; }

  // Ok, or "exports.write_failed" with libharu's first error.
  Result<void> Check() const;
  Result<void> SaveToFile(const std::filesystem::path& path);
  // The document's bytes.
  Result<std::string> Bytes();

 private:
  KoreanPdf() = default;
  static void OnError(HPDF_STATUS code, HPDF_STATUS detail, void* self);

  HPDF_Doc doc_ = nullptr;
  HPDF_Font font_ = nullptr;
  HPDF_STATUS code_ = 0;
  HPDF_STATUS detail_ = 0;
};

// "exports.write_failed" with a detail for the log.
Error WriteFailed(std::string detail);

}  // namespace dandelion::exports
