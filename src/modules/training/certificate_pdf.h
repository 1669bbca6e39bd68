// The certificate of completion as a PDF in Korean (docs/api-training.md): A4, the Korean
// TrueType font embedded (exports::KoreanPdf), the holder's name, the course, its dates, the
// issue day, the issuing organization, the code, and a QR code of the public verification URL
// drawn as modules. A pure function of what it is given; thread-safe.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace dandelion::training {

struct CertificateContent {
  std::string holder;
  std::string course_ko, course_en;   // course_en may be empty
  std::string first_date, last_date;  // the Korea days of the first and last session
  std::string issued_on;
  std::string organization;
  std::string code;        // as shown (with dashes)
  std::string verify_url;  // what the QR code holds
};

Result<std::string> CertificatePdf(const CertificateContent& c,
                                   const std::filesystem::path& font_path);

}  // namespace dandelion::training
