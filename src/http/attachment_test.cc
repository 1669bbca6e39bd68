#include "http/attachment.h"

#include <gtest/gtest.h>

namespace dandelion::http {
namespace {

TEST(Attachment, IsAlwaysADownloadUnderBothForms) {
  auto res = Attachment("진단서 1.pdf", "%PDF");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.content_type, "application/octet-stream");
  EXPECT_EQ(res.Header("Content-Disposition"),
            "attachment; filename=\"_________ 1.pdf\"; filename*=UTF-8''%EC%A7%84%EB%8B%A8%EC%84%"
            "9C%201.pdf");
  EXPECT_EQ(res.body, "%PDF");
}

TEST(Attachment, NamesAreSafeInAHeader) {
  EXPECT_EQ(AsciiFileName("letter.pdf"), "letter.pdf");
  EXPECT_EQ(AsciiFileName("a\"b;c.pdf"), "a_b_c.pdf");
  EXPECT_EQ(AsciiFileName(".hidden"), "_.hidden");
  EXPECT_EQ(AsciiFileName(""), "_");
  EXPECT_EQ(AsciiFileName("진단서.pdf"), "_________.pdf");
  EXPECT_EQ(PercentEncodeFileName("진 a.pdf"), "%EC%A7%84%20a.pdf");
  EXPECT_EQ(PercentEncodeFileName("a\r\nb"), "a%0D%0Ab");
}

TEST(Attachment, MediaTypeIsLowerCaseWithoutParameters) {
  Request req;
  req.headers = {{"content-type", "Application/PDF ; charset=binary"}};
  EXPECT_EQ(MediaType(req), "application/pdf");
  req.headers = {};
  EXPECT_EQ(MediaType(req), "");
}

}  // namespace
}  // namespace dandelion::http
