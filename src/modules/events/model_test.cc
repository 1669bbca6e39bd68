#include "modules/events/model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "core/ids.h"
#include "security/qr_svg.h"
#include "security/sodium_init.h"

namespace dandelion::events {
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

EventFields Good() {
  return {.kind = "forum",
          .title_ko = "성매매 수요 차단 정책 포럼",
          .starts_at = At("2026-05-01T14:00:00+09:00"),
          .ends_at = At("2026-05-01T17:00:00+09:00"),
          .venue = "국회 의원회관",
          .region = "KR-11",
          .capacity = 50};
}

TEST(ValidateEvent, AcceptsAGoodEventAndNamesEachWrongField) {
  EXPECT_TRUE(ValidateEvent(Good()).fields.empty());
  EventFields f = Good();
  f.kind = "party";
  f.title_ko = "  ";
  f.region = "KR-99";
  f.ends_at = f.starts_at;
  f.capacity = 0;
  const auto e = ValidateEvent(f);
  EXPECT_EQ(e.fields.at("kind"), "field.unknown_value");
  EXPECT_EQ(e.fields.at("title_ko"), "field.required");
  EXPECT_EQ(e.fields.at("region"), "field.unknown_value");
  EXPECT_EQ(e.fields.at("ends_at"), "events.ends_before_start");
  EXPECT_EQ(e.fields.at("capacity"), "field.out_of_range");
  f = Good();
  f.ends_at = f.starts_at + std::chrono::hours(24 * 15);
  EXPECT_EQ(ValidateEvent(f).fields.at("ends_at"), "events.too_long");
  f.ends_at = f.starts_at + std::chrono::hours(2);
  f.kind = "gathering";
  f.published = true;
  EXPECT_EQ(ValidateEvent(f).fields.at("published"), "events.gathering_private");
  f.published = false;
  EXPECT_EQ(ValidateEvent(f).fields.count("published"), 0u);
  f.capacity.reset();  // no limit
  f.ends_at = f.starts_at + std::chrono::hours(2);
  EXPECT_TRUE(ValidateEvent(f).fields.empty());
}

TEST(Capacity, AttendeesBeyondItWaitOthersNever) {
  EXPECT_EQ(StatusForNew("attendee", 2, 1), "registered");
  EXPECT_EQ(StatusForNew("attendee", 2, 2), "waitlisted");
  EXPECT_EQ(StatusForNew("attendee", 2, 5), "waitlisted");
  EXPECT_EQ(StatusForNew("speaker", 2, 2), "registered");
  EXPECT_EQ(StatusForNew("press", 1, 9), "registered");
  EXPECT_EQ(StatusForNew("attendee", std::nullopt, 100000), "registered");
  EXPECT_EQ(PlacesLeft(2, 5), 0);
  EXPECT_EQ(PlacesLeft(5, 2), 3);
  EXPECT_FALSE(PlacesLeft(std::nullopt, 3));
}

TEST(Capacity, PromotesTheOldestWaitingAsManyAsFit) {
  std::vector<Waiting> waiting = {
      {"c", "2026-04-01T10:00:02Z"}, {"a", "2026-04-01T10:00:00Z"}, {"b", "2026-04-01T10:00:01Z"}};
  EXPECT_EQ(PickPromotions(3, 2, waiting), std::vector<std::string>{"a"});
  EXPECT_EQ(PickPromotions(3, 3, waiting), std::vector<std::string>{});
  EXPECT_EQ(PickPromotions(5, 3, waiting), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(PickPromotions(std::nullopt, 3, waiting), (std::vector<std::string>{"a", "b", "c"}));
  // Same second: the id breaks the tie, so the order never depends on the database's.
  EXPECT_EQ(PickPromotions(1, 0, {{"y", "2026-04-01T10:00:00Z"}, {"x", "2026-04-01T10:00:00Z"}}),
            std::vector<std::string>{"x"});
}

TEST(Reference, IsShortTypableAndParsedHoweverTyped) {
  security::EnsureSodium();
  std::set<std::string> seen;
  const std::regex shape("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
  for (int i = 0; i < 2000; ++i) {
    const std::string r = NewReference();
    EXPECT_TRUE(std::regex_match(r, shape)) << r;
    seen.insert(r);
  }
  EXPECT_EQ(seen.size(), 2000u);  // 31^8 values: a collision here would mean a broken generator
  EXPECT_EQ(FormatReference("ABCD2345"), "ABCD-2345");
  EXPECT_EQ(ParseReference("abcd-2345"), "ABCD2345");
  EXPECT_EQ(ParseReference(" ABCD 2345 "), "ABCD2345");
  EXPECT_FALSE(ParseReference("ABCD-O345"));  // O is not in the alphabet
  EXPECT_FALSE(ParseReference("ABCD-234"));
  EXPECT_FALSE(ParseReference("ABCD-23456"));
}

TEST(TicketToken, VerifiesAndRefusesAForgedOrAlteredOne) {
  const auto key = Key();
  const std::string event = NewId();
  const std::string token = TicketToken(key, event, "ABCD2345");
  EXPECT_EQ(token.find("DDEV1." + event + ".ABCD2345."), 0u);
  auto ok = VerifyTicketToken(key, token);
  ASSERT_TRUE(ok) << token;
  EXPECT_EQ(ok->event_id, event);
  EXPECT_EQ(ok->reference, "ABCD2345");
  // Another reference under the same MAC, another key, a flipped MAC digit, garbage.
  std::string other = token;
  other.replace(other.find("ABCD2345"), 8, "ABCD2346");
  EXPECT_FALSE(VerifyTicketToken(key, other));
  EXPECT_FALSE(VerifyTicketToken(Key(), token));
  std::string flipped = token;
  flipped.back() = flipped.back() == '0' ? '1' : '0';
  EXPECT_FALSE(VerifyTicketToken(key, flipped));
  EXPECT_FALSE(VerifyTicketToken(key, "DDEV1.x.y.z"));
  EXPECT_FALSE(VerifyTicketToken(key, ""));
  EXPECT_EQ(VerifyTicketToken(key, "nonsense").error().fields.at("token"), "events.bad_token");
}

// A small well-formedness check: one root, every tag closed in order, attributes quoted.
bool WellFormedXml(const std::string& doc) {
  std::vector<std::string> open;
  size_t i = 0;
  bool root_seen = false;
  while ((i = doc.find('<', i)) != std::string::npos) {
    const size_t end = doc.find('>', i);
    if (end == std::string::npos) return false;
    std::string tag = doc.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty()) return false;
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return false;
      open.pop_back();
      continue;
    }
    const bool self_closing = tag.back() == '/';
    const std::string name = tag.substr(0, tag.find_first_of(" /"));
    if (std::count(tag.begin(), tag.end(), '"') % 2 != 0) return false;
    if (open.empty()) {
      if (root_seen) return false;
      root_seen = true;
    }
    if (!self_closing) open.push_back(name);
  }
  return root_seen && open.empty();
}

TEST(TicketSvg, IsWellFormedXmlWithoutScript) {
  const auto key = Key();
  auto svg = security::QrSvg(TicketToken(key, "0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000", "WXYZ2345"));
  ASSERT_TRUE(svg);
  EXPECT_TRUE(WellFormedXml(*svg)) << *svg;
  EXPECT_EQ(svg->find("<svg xmlns=\"http://www.w3.org/2000/svg\""), 0u);
  EXPECT_EQ(svg->find("script"), std::string::npos);
  EXPECT_FALSE(WellFormedXml("<svg><path></svg>"));
}

TEST(ContactIndex, SameContactSameEventMatchesAcrossSpellingsNeverAcrossEvents) {
  const auto key = Key();
  auto a = ContactIndex(key, "e1", "010-1234-5678");
  auto b = ContactIndex(key, "e1", "01012345678");
  auto c = ContactIndex(key, "e2", "010-1234-5678");
  auto m1 = ContactIndex(key, "e1", "Jiyoung@Example.org ");
  auto m2 = ContactIndex(key, "e1", "jiyoung@example.org");
  ASSERT_TRUE(a && b && c && m1 && m2);
  EXPECT_EQ(*a, *b);
  EXPECT_NE(*a, *c);
  EXPECT_EQ(*m1, *m2);
  EXPECT_EQ(a->size(), 16u);
  EXPECT_EQ(a->find("01012345678"), std::string::npos);
  EXPECT_FALSE(ContactIndex(key, "e1", "no digits"));
  EXPECT_FALSE(ContactIndex(key, "e1", std::string("\xff\xfe@x", 4)));
}

TEST(CheckInTime, NotInTheFutureNotBeforeTheEventsDay) {
  const TimePoint starts = At("2026-05-01T10:00:00+09:00");
  const TimePoint now = At("2026-05-01T11:00:00+09:00");
  EXPECT_EQ(*CheckInTime(std::nullopt, now, starts), now);
  EXPECT_EQ(*CheckInTime(At("2026-05-01T10:30:00+09:00"), now, starts),
            At("2026-05-01T10:30:00+09:00"));
  // Midnight in Korea of the event's day is allowed (early volunteers), a minute before is not.
  EXPECT_TRUE(CheckInTime(At("2026-05-01T00:00:00+09:00"), now, starts));
  EXPECT_FALSE(CheckInTime(At("2026-04-30T23:59:00+09:00"), now, starts));
  EXPECT_TRUE(CheckInTime(now + std::chrono::minutes(4), now, starts));
  auto future = CheckInTime(now + std::chrono::minutes(6), now, starts);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().fields.at("checked_in_at"), "events.checkin_time");
}

TEST(IdempotencyKey, Shape) {
  EXPECT_TRUE(ValidIdempotencyKey("phone-7f3a_0001"));
  EXPECT_FALSE(ValidIdempotencyKey("short"));
  EXPECT_FALSE(ValidIdempotencyKey("has space in it"));
  EXPECT_FALSE(ValidIdempotencyKey(std::string(101, 'a')));
}

}  // namespace
}  // namespace dandelion::events
