#include "modules/exports/korean_pdf.h"

#include <system_error>

namespace dandelion::exports {

Error WriteFailed(std::string detail) {
  Error e{ErrorCode::kInternal, "exports.write_failed"};
  e.detail = std::move(detail);
  return e;
}

void KoreanPdf::OnError(HPDF_STATUS code, HPDF_STATUS detail, void* self) {
  auto* pdf = static_cast<KoreanPdf*>(self);
  if (pdf->code_ == 0) {
    pdf->code_ = code;
    pdf->detail_ = detail;
  }
}

Result<std::unique_ptr<KoreanPdf>> KoreanPdf::Open(const std::filesystem::path& font_path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(font_path, ec)) {
    return Fail(ErrorCode::kInternal, "exports.font_missing",
                font_path.string() +
                    " is missing (install the Debian package fonts-nanum, or "
                    "set exports.font_path in config.toml)");
  }
  std::unique_ptr<KoreanPdf> pdf(new KoreanPdf());
  pdf->doc_ = HPDF_New(OnError, pdf.get());
  if (!pdf->doc_) return Fail(WriteFailed("pdf: out of memory"));
  HPDF_SetCompressionMode(pdf->doc_, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf->doc_);
  HPDF_SetCurrentEncoder(pdf->doc_, "UTF-8");
  const char* name = HPDF_LoadTTFontFromFile(pdf->doc_, font_path.c_str(), HPDF_TRUE);
  pdf->font_ = name ? HPDF_GetFont(pdf->doc_, name, "UTF-8") : nullptr;
  if (!pdf->font_ || pdf->code_ != 0) {
    return Fail(WriteFailed("pdf: cannot load the font " + font_path.string() + " (error " +
                            std::to_string(pdf->code_) + ")"));
  }
  return pdf;
}

KoreanPdf::~KoreanPdf() {
  if (doc_) HPDF_Free(doc_);
}

Result<void> KoreanPdf::Check() const {
  if (code_ != 0) {
    return Fail(
        WriteFailed("pdf: libharu error " + std::to_string(code_) + "/" + std::to_string(detail_)));
  }
  return Ok();
}

Result<void> KoreanPdf::SaveToFile(const std::filesystem::path& path) {
  TRY(Check());
  if (HPDF_SaveToFile(doc_, path.c_str()) != HPDF_OK || code_ != 0) {
    return Fail(WriteFailed("pdf: cannot save " + path.string()));
  }
  return Ok();
}

Result<std::string> KoreanPdf::Bytes() {
  TRY(Check());
  if (HPDF_SaveToStream(doc_) != HPDF_OK) return Fail(WriteFailed("pdf: cannot write"));
  std::string out(HPDF_GetStreamSize(doc_), '\0');
  if (out.empty()) return Fail(WriteFailed("pdf: nothing written"));
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
  const HPDF_STATUS read =
      HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  // Reading up to the end may answer "end of stream": that is the whole document, not an error.
  if (code_ == HPDF_STREAM_EOF) code_ = 0;
  if ((read != HPDF_OK && read != HPDF_STREAM_EOF) || size != out.size()) {
    return Fail(WriteFailed("pdf: cannot read the stream"));
  }
  TRY(Check());
  return out;
}

}  // namespace dandelion::exports
