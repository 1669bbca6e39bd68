#include "modules/events/model.h"

#include <sodium.h>

#include <algorithm>
#include <span>

#include "core/ids.h"
#include "core/korea_date.h"
#include "modules/network/model.h"
#include "modules/service_support.h"
#include "security/normalize.h"

namespace dandelion::events {
namespace {

constexpr std::string_view kTokenPrefix = "DDEV1";
constexpr size_t kMacBytes = 16;

bool Contains(std::span<const std::string_view> list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::string Mac(const security::SecretKey& key, std::string_view message, size_t bytes) {
  std::string out(bytes, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), bytes,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                     key.data(), key.size());
  return out;
}

}  // namespace

Error ValidateEvent(const EventFields& f) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  if (!Contains(kKinds, f.kind)) e.Field("kind", "field.unknown_value");
  if (Blank(f.title_ko)) e.Field("title_ko", "field.required");
  if (f.kind == kGatheringKind && f.published) e.Field("published", "events.gathering_private");
  if (Blank(f.venue)) e.Field("venue", "field.required");
  if (!network::IsRegion(f.region)) e.Field("region", "field.unknown_value");
  if (f.ends_at <= f.starts_at) {
    e.Field("ends_at", "events.ends_before_start");
  } else if (UnixSeconds(f.ends_at) - UnixSeconds(f.starts_at) > kMaxEventSeconds) {
    e.Field("ends_at", "events.too_long");
  }
  if (f.capacity && (*f.capacity < 1 || *f.capacity > kMaxCapacity)) {
    e.Field("capacity", "field.out_of_range");
  }
  return e;
}

std::string StatusForNew(std::string_view role, std::optional<int> capacity,
                         int registered_attendees) {
  if (role != "attendee") return "registered";
  auto left = PlacesLeft(capacity, registered_attendees);
  return !left || *left > 0 ? "registered" : "waitlisted";
}

std::optional<int> PlacesLeft(std::optional<int> capacity, int registered_attendees) {
  if (!capacity) return std::nullopt;
  return std::max(0, *capacity - registered_attendees);
}

std::vector<std::string> PickPromotions(std::optional<int> capacity, int registered_attendees,
                                        std::vector<Waiting> waiting) {
  std::sort(waiting.begin(), waiting.end(), [](const Waiting& a, const Waiting& b) {
    return a.registered_at != b.registered_at ? a.registered_at < b.registered_at : a.id < b.id;
  });
  size_t n = waiting.size();
  if (auto left = PlacesLeft(capacity, registered_attendees)) {
    n = std::min(n, static_cast<size_t>(*left));
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back(waiting[i].id);
  return out;
}

std::string NewReference() {
  std::string out;
  for (size_t i = 0; i < kReferenceLength; ++i) {
    out +=
        kReferenceAlphabet[randombytes_uniform(static_cast<uint32_t>(kReferenceAlphabet.size()))];
  }
  return out;
}

std::string FormatReference(std::string_view reference) {
  if (reference.size() != kReferenceLength) return std::string(reference);
  return std::string(reference.substr(0, 4)) + "-" + std::string(reference.substr(4));
}

std::optional<std::string> ParseReference(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kReferenceAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    out += c;
  }
  if (out.size() != kReferenceLength) return std::nullopt;
  return out;
}

std::string TicketToken(const security::SecretKey& key, std::string_view event_id,
                        std::string_view reference) {
  const std::string message =
      "event-ticket:" + std::string(event_id) + ":" + std::string(reference);
  return std::string(kTokenPrefix) + "." + std::string(event_id) + "." + std::string(reference) +
         "." + ToHex(Mac(key, message, kMacBytes));
}

Result<Ticket> VerifyTicketToken(const security::SecretKey& key, std::string_view token) {
  auto bad = [] {
    return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("token", "events.bad_token"));
  };
  if (token.size() > 200) return bad();
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t dot = token.find('.', start);
    parts.push_back(token.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (parts.size() != 4 || parts[0] != kTokenPrefix || !LooksLikeId(parts[1])) return bad();
  auto reference = ParseReference(parts[2]);
  if (!reference || *reference != parts[2]) return bad();
  const std::string expected = TicketToken(key, parts[1], parts[2]);
  if (expected.size() != token.size() ||
      sodium_memcmp(expected.data(), token.data(), token.size()) != 0) {
    return bad();
  }
  return Ticket{std::string(parts[1]), *reference};
}

Result<std::string> ContactIndex(const security::SecretKey& key, std::string_view event_id,
                                 std::string_view contact) {
  const bool email = contact.find('@') != std::string_view::npos;
  std::string normalized = TRY(security::NormalizeForIndex(
      email ? security::FieldKind::kName : security::FieldKind::kPhone, contact));
  std::string message(event_id);
  message.push_back('\0');
  message += normalized;
  return Mac(key, message, 16);
}

Result<TimePoint> CheckInTime(std::optional<TimePoint> given, TimePoint now, TimePoint starts_at) {
  if (!given) return now;
  Error bad =
      Error{ErrorCode::kInvalid, "error.invalid"}.Field("checked_in_at", "events.checkin_time");
  if (UnixSeconds(*given) > UnixSeconds(now) + kCheckInSkewSeconds) return Fail(bad);
  // 00:00 in Korea of the event's first day.
  const std::string day = KoreaDate(starts_at);
  TimePoint midnight;
  if (!ParseRfc3339(day + "T00:00:00+09:00", &midnight)) return Fail(bad);
  if (*given < midnight) return Fail(bad);
  return *given;
}

bool ValidIdempotencyKey(std::string_view key) {
  if (key.size() < 8 || key.size() > 100) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

}  // namespace dandelion::events
