#include "modules/emergency/model.h"

#include <sodium.h>

#include <algorithm>

namespace dandelion::emergency {
namespace {

constexpr std::string_view kChannels[] = {"public_web_form", "hotline", "sms",
                                          "police",          "partner", "walk_in"};
constexpr std::string_view kStatuses[] = {"new", "acknowledged", "dispatched", "resolved",
                                          "closed"};
constexpr std::string_view kUrgencies[] = {"immediate", "high", "normal"};
constexpr std::string_view kOutcomes[] = {"rescued", "referred", "no_contact", "declined",
                                          "not_genuine"};

}  // namespace

std::span<const std::string_view> Channels() { return kChannels; }
std::span<const std::string_view> StaffChannels() {
  return std::span<const std::string_view>(kChannels).subspan(1);
}
std::span<const std::string_view> Statuses() { return kStatuses; }
std::span<const std::string_view> Urgencies() { return kUrgencies; }
std::span<const std::string_view> Outcomes() { return kOutcomes; }

bool IsOneOf(std::span<const std::string_view> list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool IsOpenStatus(std::string_view status) {
  return status == "new" || status == "acknowledged" || status == "dispatched";
}

std::string NewReference() {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";  // 31 characters
  std::string out = "H-";
  for (int i = 0; i < 8; ++i) {
    out += kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)];
  }
  return out;
}

}  // namespace dandelion::emergency
