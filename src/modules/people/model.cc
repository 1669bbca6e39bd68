#include "modules/people/model.h"

#include <algorithm>
#include <cstdio>

#include "core/korea_date.h"
#include "security/normalize.h"

namespace dandelion::people {
namespace {

constexpr std::string_view kCategories[] = {
    "youth",
    "migrant",
    "north_korean_refugee",
    "disability",
    "military_camptown",
    "online_exploitation",
    "international_trafficking",
};

// ISO 3166-1 alpha-2, concatenated (from tzdata's iso3166.tab).
constexpr std::string_view kCountries =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCI"
    "CKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQ"
    "GRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLS"
    "LTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPG"
    "PHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTK"
    "TLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

bool IsPhone(std::string_view phone) {
  int digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != '-' && c != ' ' && c != '+' && c != '(' && c != ')' && c != '.') {
      return false;
    }
  }
  return digits >= 7 && digits <= 15;
}

}  // namespace

std::span<const std::string_view> Categories() { return kCategories; }

bool IsCategory(std::string_view tag) {
  return std::find(std::begin(kCategories), std::end(kCategories), tag) != std::end(kCategories);
}

bool IsCountryCode(std::string_view code) {
  if (code.size() != 2) return false;
  for (size_t i = 0; i + 2 <= kCountries.size(); i += 2) {
    if (kCountries.substr(i, 2) == code) return true;
  }
  return false;
}

bool IsLanguageCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 3) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string AgeBand(std::string_view birth_date, TimePoint at) {
  int y = 0, m = 0, d = 0;
  if (!ParseDate(birth_date, &y, &m, &d)) return "";
  std::string now = FormatRfc3339(at);  // "YYYY-MM-DDT..."
  int ny = 0, nm = 0, nd = 0;
  if (!ParseDate(std::string_view(now).substr(0, 10), &ny, &nm, &nd)) return "";
  int age = ny - y - ((nm < m || (nm == m && nd < d)) ? 1 : 0);
  if (age < 19) return "under_19";
  if (age < 25) return "19_24";
  if (age < 30) return "25_29";
  if (age < 40) return "30_39";
  if (age < 50) return "40_49";
  return "50_plus";
}

std::string CodePrefix(std::string_view org_slug) {
  std::string out;
  for (char c : org_slug) {
    if (out.size() == 4) break;
    if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 'A');
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  }
  return out.empty() ? "P" : out;
}

std::string FormatCode(std::string_view prefix, int year, int64_t seq) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "-%04d-%04lld", year, static_cast<long long>(seq));
  return std::string(prefix) + buf;
}

std::vector<std::string> PersonFields::Names() const {
  std::vector<std::string> out;
  if (legal_name) out.emplace_back("legal_name");
  if (alias) out.emplace_back("alias");
  if (birth_date) out.emplace_back("birth_date");
  if (phone) out.emplace_back("phone");
  if (safe_contact) out.emplace_back("safe_contact");
  if (nationality) out.emplace_back("nationality");
  if (languages) out.emplace_back("languages");
  if (categories) out.emplace_back("categories");
  return out;
}

Result<void> ValidatePersonFields(const PersonFields& in, bool creating, TimePoint today) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  if (creating && !in.legal_name) {
    e.Field("legal_name", "field.required");
  } else if (in.legal_name &&
             !security::NormalizeForIndex(security::FieldKind::kName, *in.legal_name)) {
    e.Field("legal_name", "field.empty");  // nothing left to index: blank or punctuation only
  }
  if (in.birth_date && !in.birth_date->empty()) {
    int y = 0, m = 0, d = 0;
    if (!ParseDate(*in.birth_date, &y, &m, &d)) {
      e.Field("birth_date", "field.invalid_date");
    } else if (*in.birth_date > KoreaDate(today) || y < 1900) {
      e.Field("birth_date", "people.birth_date_range");
    }
  }
  if (in.phone && !in.phone->empty() && !IsPhone(*in.phone)) e.Field("phone", "people.phone");
  if (in.nationality && !in.nationality->empty() && !IsCountryCode(*in.nationality)) {
    e.Field("nationality", "field.unknown_value");
  }
  if (in.languages && !std::all_of(in.languages->begin(), in.languages->end(), IsLanguageCode)) {
    e.Field("languages", "field.unknown_value");
  }
  if (in.categories && !std::all_of(in.categories->begin(), in.categories->end(),
                                    [](const std::string& c) { return IsCategory(c); })) {
    e.Field("categories", "field.unknown_value");
  }
  if (!e.fields.empty()) return Fail(e);
  return Ok();
}

void ApplyPersonFields(const PersonFields& in, Person& p) {
  if (in.legal_name) p.legal_name = *in.legal_name;
  if (in.alias) p.alias = *in.alias;
  if (in.birth_date) p.birth_date = *in.birth_date;
  if (in.phone) p.phone = *in.phone;
  if (in.safe_contact) p.safe_contact = *in.safe_contact;
  if (in.nationality) p.nationality = *in.nationality;
  if (in.languages) p.languages = *in.languages;
  if (in.categories) p.categories = *in.categories;
}

}  // namespace dandelion::people
