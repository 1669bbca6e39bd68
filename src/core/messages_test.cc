#include "core/messages.h"

#include <gtest/gtest.h>

namespace dandelion {

TEST(MessagesTest, EveryMessageHasKoreanAndEnglish) {
  for (const Message& m : AllMessages()) {
    EXPECT_FALSE(m.ko.empty()) << m.key;
    EXPECT_FALSE(m.en.empty()) << m.key;
  }
}

TEST(MessagesTest, TranslatesIntoTheAskedLanguage) {
  EXPECT_EQ(Translate("error.not_found", Lang::kEn), "Not found.");
  EXPECT_EQ(Translate("error.not_found", Lang::kKo), "찾을 수 없습니다.");
}

TEST(MessagesTest, UnknownKeyRendersAsItself) {
  EXPECT_EQ(Translate("no.such.key", Lang::kKo), "no.such.key");
}

TEST(MessagesTest, AcceptLanguageDefaultsToKorean) {
  EXPECT_EQ(LangFromAcceptLanguage(""), Lang::kKo);
  EXPECT_EQ(LangFromAcceptLanguage("ko-KR,ko;q=0.9,en;q=0.8"), Lang::kKo);
  EXPECT_EQ(LangFromAcceptLanguage("en-US,en;q=0.9"), Lang::kEn);
  EXPECT_EQ(LangFromAcceptLanguage("fr"), Lang::kKo);
}

}  // namespace dandelion
