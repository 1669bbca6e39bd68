#include "modules/training/model.h"

#include <gtest/gtest.h>

#include <set>

#include "security/sodium_init.h"

namespace dandelion::training {
namespace {

TimePoint At(const char* rfc3339) {
  TimePoint t;
  EXPECT_TRUE(ParseRfc3339(rfc3339, &t)) << rfc3339;
  return t;
}

security::SecretKey Key() {
  security::EnsureSodium();
  return security::SecretKey::Random();
}

std::vector<SessionRef> Five() {
  return {{"s1", "m1"}, {"s2", "m1"}, {"s3", "m2"}, {"s4", "m2"}, {"s5", ""}};
}

TEST(TrainingModelTest, EightyPercentOfFiveSessionsIsFour) {
  EXPECT_EQ(NeededSessions(5, 80), 4);
  EXPECT_EQ(NeededSessions(6, 80), 5);  // 4.8 rounds up: a share is a minimum
  EXPECT_EQ(NeededSessions(10, 80), 8);
  EXPECT_EQ(NeededSessions(1, 1), 1);
  EXPECT_EQ(NeededSessions(3, 100), 3);
  EXPECT_EQ(NeededSessions(0, 80), 0);
}

TEST(TrainingModelTest, FourOfFivePresentPassesThreeDoesNot) {
  auto c = Complete(80, Five(), {},
                    {{"s1", "present"},
                     {"s2", "present"},
                     {"s3", "present"},
                     {"s4", "present"},
                     {"s5", "absent"}});
  EXPECT_TRUE(c.passed);
  EXPECT_EQ(c.present, 4);
  EXPECT_EQ(c.absent, 1);
  EXPECT_EQ(c.needed, 4);
  c = Complete(80, Five(), {}, {{"s1", "present"}, {"s2", "present"}, {"s3", "present"}});
  EXPECT_FALSE(c.passed);
  EXPECT_EQ(c.unmarked, 2);
}

TEST(TrainingModelTest, ExcusedIsRecordedButNotAttendedAndStaysCounted) {
  // Three present, two excused: 3 of 5 < 4, not passed; the excused are not left out of the
  // count (otherwise one present and four excused would pass).
  auto c = Complete(80, Five(), {},
                    {{"s1", "present"},
                     {"s2", "present"},
                     {"s3", "present"},
                     {"s4", "excused"},
                     {"s5", "excused"}});
  EXPECT_FALSE(c.passed);
  EXPECT_EQ(c.excused, 2);
  EXPECT_EQ(c.sessions, 5);
  EXPECT_EQ(c.needed, 4);
  c = Complete(80, Five(), {},
               {{"s1", "present"},
                {"s2", "excused"},
                {"s3", "excused"},
                {"s4", "excused"},
                {"s5", "excused"}});
  EXPECT_FALSE(c.passed);
  // Four present and one excused passes.
  c = Complete(80, Five(), {},
               {{"s1", "present"},
                {"s2", "present"},
                {"s3", "present"},
                {"s4", "present"},
                {"s5", "excused"}});
  EXPECT_TRUE(c.passed);
}

TEST(TrainingModelTest, EveryRequiredModuleNeedsOneSessionPresent) {
  // Four of five present, but both sessions of the required m2 missed.
  const std::map<std::string, std::string> marks = {
      {"s1", "present"}, {"s2", "present"}, {"s3", "excused"}, {"s4", "absent"}, {"s5", "present"}};
  auto c = Complete(60, Five(), {"m2"}, marks);
  EXPECT_EQ(c.present, 3);
  EXPECT_GE(c.present, c.needed);
  EXPECT_FALSE(c.passed);
  EXPECT_EQ(c.missing_modules, std::vector<std::string>{"m2"});
  // One session of m2 is enough: a module offered twice is covered by either.
  auto covered = marks;
  covered["s4"] = "present";
  c = Complete(60, Five(), {"m2", "m1"}, covered);
  EXPECT_TRUE(c.passed);
  EXPECT_TRUE(c.missing_modules.empty());
  // A required module without any session cannot be covered yet.
  c = Complete(60, Five(), {"m9"}, covered);
  EXPECT_FALSE(c.passed);
  EXPECT_EQ(c.missing_modules, std::vector<std::string>{"m9"});
}

TEST(TrainingModelTest, NobodyPassesACourseWithoutSessions) {
  auto c = Complete(80, {}, {}, {});
  EXPECT_FALSE(c.passed);
  EXPECT_EQ(c.needed, 0);
  // Marks of sessions that are not the course's are ignored.
  c = Complete(100, {{"s1", ""}}, {}, {{"s1", "present"}, {"other", "present"}});
  EXPECT_TRUE(c.passed);
  EXPECT_EQ(c.present, 1);
}

TEST(TrainingModelTest, FieldsAreChecked) {
  CourseFields course{.title_ko = " ", .pass_percent = 0};
  auto e = ValidateCourse(course);
  EXPECT_EQ(e.fields.count("title_ko"), 1u);
  EXPECT_EQ(e.fields.count("pass_percent"), 1u);
  EXPECT_TRUE(ValidateCourse({.title_ko = "활동가 양성 과정"}).fields.empty());
  EXPECT_EQ(ValidateModule({.title_ko = "x", .position = 1001}).fields.count("position"), 1u);
  SessionFields s{.starts_at = At("2026-05-01T14:00:00+09:00"),
                  .ends_at = At("2026-05-01T13:00:00+09:00"),
                  .venue = "교육장"};
  EXPECT_EQ(ValidateSession(s).fields.count("ends_at"), 1u);
  s.ends_at = At("2026-05-02T14:00:01+09:00");
  EXPECT_EQ(ValidateSession(s).fields.count("ends_at"), 1u);  // over 24 hours
  s.ends_at = At("2026-05-01T17:00:00+09:00");
  EXPECT_TRUE(ValidateSession(s).fields.empty());
  EXPECT_TRUE(IsMark("excused"));
  EXPECT_FALSE(IsMark("late"));
}

TEST(TrainingModelTest, CodesCarryAMacAndAreTypable) {
  const auto key = Key();
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string code = NewCertificateCode(key);
    ASSERT_EQ(code.size(), kCodeLength);
    for (char c : code) EXPECT_NE(kCodeAlphabet.find(c), std::string_view::npos) << code;
    EXPECT_TRUE(seen.insert(code).second);
    EXPECT_EQ(VerifyCertificateCode(key, code), code);
  }
  const std::string code = *seen.begin();
  const std::string shown = FormatCode(code);
  ASSERT_EQ(shown.size(), 24u);
  EXPECT_EQ(shown[4], '-');
  // Typed with dashes, spaces, in lower case.
  std::string lower;
  for (char c : shown) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  EXPECT_EQ(VerifyCertificateCode(key, lower), code);
  EXPECT_EQ(VerifyCertificateCode(key, " " + shown + " "), code);
  // Another key, one character altered (serial or MAC), too short, letters outside the
  // alphabet: all refused without a lookup.
  EXPECT_FALSE(VerifyCertificateCode(Key(), code));
  for (size_t i : {size_t{0}, size_t{11}, size_t{12}, size_t{19}}) {
    std::string altered = code;
    altered[i] = altered[i] == '2' ? '3' : '2';
    EXPECT_FALSE(VerifyCertificateCode(key, altered)) << i;
  }
  EXPECT_FALSE(VerifyCertificateCode(key, code.substr(1)));
  EXPECT_FALSE(VerifyCertificateCode(key, "0" + code.substr(1)));
  EXPECT_FALSE(VerifyCertificateCode(key, ""));
  EXPECT_FALSE(VerifyCertificateCode(key, std::string(100, 'A')));
  EXPECT_EQ(CodeForSerial(key, code.substr(0, kSerialLength)), code);
}

TEST(TrainingModelTest, TheVerifyUrlNamesTheCodeOnly) {
  EXPECT_EQ(VerifyUrl("https://dandelion.example.kr/", "ABCDEFGHJKMN23456789"),
            "https://dandelion.example.kr/certificates/ABCD-EFGH-JKMN-2345-6789");
  EXPECT_EQ(VerifyUrl("http://127.0.0.1:8080", "ABCDEFGHJKMN23456789"),
            "http://127.0.0.1:8080/certificates/ABCD-EFGH-JKMN-2345-6789");
}

}  // namespace
}  // namespace dandelion::training
