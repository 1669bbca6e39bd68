#include "modules/policy/model.h"

#include <algorithm>

#include "modules/policy/jurisdictions.h"

namespace dandelion::policy {
namespace {

constexpr std::string_view kKinds[] = {"law",    "decree",    "ordinance", "bill",
                                       "budget", "guideline", "ruling"};
constexpr std::string_view kStances[] = {"support", "oppose", "amend", "watch"};
constexpr std::string_view kStatuses[] = {"proposed", "under_review", "enacted",
                                          "amended",  "repealed",     "rejected"};
constexpr std::string_view kCriterionKinds[] = {"yes_no", "amount", "months"};
constexpr std::string_view kEventKinds[] = {"hearing", "council_session", "committee", "meeting",
                                            "other"};
constexpr std::string_view kSubmissionKinds[] = {"recommendation", "submission", "opinion"};

}  // namespace

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

const std::string& At(const std::vector<std::string>& fields, int i) {
  static const std::string kEmpty;
  return i < 0 || static_cast<size_t>(i) >= fields.size() ? kEmpty : fields[i];
}

std::span<const std::string_view> ItemKinds() { return kKinds; }
std::span<const std::string_view> Stances() { return kStances; }
std::span<const std::string_view> Statuses() { return kStatuses; }
std::span<const std::string_view> CriterionKinds() { return kCriterionKinds; }
std::span<const std::string_view> EventKinds() { return kEventKinds; }
std::span<const std::string_view> SubmissionKinds() { return kSubmissionKinds; }

bool IsOneOf(std::span<const std::string_view> list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<StatusEntry> CurrentStatus(std::span<const StatusEntry> history) {
  const StatusEntry* best = nullptr;
  for (const auto& e : history) {
    if (!best || e.on > best->on || (e.on == best->on && e.seq > best->seq)) best = &e;
  }
  if (!best) return std::nullopt;
  return *best;
}

bool InForce(std::string_view status) { return status == "enacted" || status == "amended"; }
bool Considered(std::string_view status) {
  return status == "proposed" || status == "under_review";
}

bool KindFitsLevel(std::string_view kind, std::string_view level) {
  if (kind == "ordinance") return level == "region" || level == "municipality";
  if (kind == "law" || kind == "decree") return level == "nation";
  return !level.empty();
}

bool IsCriterionKey(std::string_view key) {
  if (key.size() < 2 || key.size() > 40) return false;
  if (key[0] < 'a' || key[0] > 'z') return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool Met(std::string_view kind, std::optional<int64_t> value) {
  if (!value) return false;
  if (kind == "yes_no") return *value == 1;
  return *value > 0;
}

int64_t Score(std::span<const Criterion> criteria,
              const std::map<std::string, int64_t, std::less<>>& values) {
  int64_t active = 0;
  int64_t met = 0;
  for (const auto& c : criteria) {
    if (c.retired) continue;
    ++active;
    auto it = values.find(c.key);
    if (it != values.end() && Met(c.kind, it->second)) ++met;
  }
  return active == 0 ? 0 : met * 100 / active;
}

std::vector<std::string> Gaps(std::span<const Criterion> criteria,
                              const std::map<std::string, int64_t, std::less<>>& values) {
  std::vector<std::string> out;
  for (const auto& c : criteria) {
    if (c.retired) continue;
    auto it = values.find(c.key);
    if (it == values.end() || !Met(c.kind, it->second)) out.push_back(c.key);
  }
  return out;
}

MapCell DeriveRegion(std::string_view region, std::span<const MapOrdinance> ordinances) {
  MapCell cell{.code = std::string(region), .status = "none"};
  bool own = false;
  bool municipal = false;
  bool considering = false;
  for (const auto& o : ordinances) {
    if (RegionOf(o.jurisdiction) != region) continue;
    const bool at_region = o.jurisdiction == region;
    if (InForce(o.status)) {
      ++cell.ordinances;
      if (at_region) {
        own = true;
        if (o.score && (!cell.score || *o.score > *cell.score)) cell.score = o.score;
      } else {
        municipal = true;
      }
    } else if (Considered(o.status)) {
      considering = true;
    }
  }
  if (own) {
    cell.status = "in_force";
  } else if (municipal) {
    cell.status = "municipal";
  } else if (considering) {
    cell.status = "considering";
  }
  return cell;
}

std::vector<MapCell> DeriveMap(std::span<const MapOrdinance> ordinances) {
  std::vector<MapCell> out;
  for (const auto& j : Jurisdictions()) {
    if (j.level == "region") out.push_back(DeriveRegion(j.code, ordinances));
  }
  return out;
}

std::vector<MapCell> DeriveMunicipalities(std::string_view region,
                                          std::span<const MapOrdinance> ordinances) {
  std::vector<MapCell> out;
  for (const auto& m : Municipalities()) {
    if (m.parent != region) continue;
    MapCell cell{.code = std::string(m.code), .status = "none"};
    bool considering = false;
    for (const auto& o : ordinances) {
      if (o.jurisdiction != m.code) continue;
      if (InForce(o.status)) {
        ++cell.ordinances;
        if (o.score && (!cell.score || *o.score > *cell.score)) cell.score = o.score;
      } else if (Considered(o.status)) {
        considering = true;
      }
    }
    if (cell.ordinances > 0) {
      cell.status = "in_force";
    } else if (considering) {
      cell.status = "considering";
    }
    out.push_back(std::move(cell));
  }
  return out;
}

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

std::vector<CsvRecord> ParseCsv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<CsvRecord> out;
  size_t i = 0;
  int64_t row = 0;
  while (i < text.size()) {
    CsvRecord rec;
    rec.row = ++row;
    const size_t start = i;
    std::string field;
    bool any = false;
    bool done = false;
    while (!done) {
      if (i >= text.size()) {
        done = true;
        break;
      }
      char c = text[i];
      if (c == '"' && field.empty() && rec.error.empty()) {
        // A quoted field.
        ++i;
        bool closed = false;
        while (i < text.size()) {
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          field.push_back(text[i++]);
        }
        any = true;
        if (!closed) {
          rec.error = "quote";
          i = text.size();
          done = true;
          break;
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          rec.error = "quote";
          // Skip to the end of the line.
          while (i < text.size() && text[i] != '\n') ++i;
          if (i < text.size()) ++i;
          done = true;
          break;
        }
        continue;
      }
      if (c == ',') {
        rec.fields.push_back(std::move(field));
        field.clear();
        any = true;
        ++i;
        continue;
      }
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        ++i;
        done = true;
        break;
      }
      if (c == '"') {
        rec.error = "quote";  // a quote inside an unquoted field
        while (i < text.size() && text[i] != '\n') ++i;
        if (i < text.size()) ++i;
        done = true;
        break;
      }
      field.push_back(c);
      any = true;
      ++i;
    }
    if (rec.error.empty()) rec.fields.push_back(std::move(field));
    const std::string_view raw = text.substr(start, i - start);
    if (rec.error.empty() && !ValidUtf8(raw)) rec.error = "utf8";
    const bool blank = !any && rec.error.empty();
    if (blank) {
      --row;  // a blank line is not a row
      continue;
    }
    out.push_back(std::move(rec));
  }
  return out;
}

std::optional<std::string> ParseDay(std::string_view text) {
  std::string digits;
  for (char c : Trim(text)) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != '-' && c != '.' && c != ' ' && c != '/') {
      return std::nullopt;
    }
  }
  if (digits.size() != 8) return std::nullopt;
  const int y = std::stoi(digits.substr(0, 4));
  const int m = std::stoi(digits.substr(4, 2));
  const int d = std::stoi(digits.substr(6, 2));
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int max = m == 2 && leap ? 29 : kDays[m - 1];
  if (d > max) return std::nullopt;
  return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
}

std::optional<OrdinanceLayout> ReadOrdinanceHeader(const std::vector<std::string>& header,
                                                   std::vector<std::string>& missing) {
  OrdinanceLayout l;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = Trim(header[i]);
    const int at = static_cast<int>(i);
    if (name == "자치법규ID") l.id = at;
    if (name == "자치법규명") l.title = at;
    if (name == "지자체기관명") l.government = at;
    if (name == "자치법규종류") l.kind = at;
    if (name == "제개정구분명") l.change = at;
    if (name == "공포일자") l.promulgated = at;
    if (name == "시행일자") l.effective = at;
    if (name == "자치법규분야명") l.field = at;
  }
  if (l.id < 0) missing.push_back("자치법규ID");
  if (l.title < 0) missing.push_back("자치법규명");
  if (l.government < 0) missing.push_back("지자체기관명");
  if (l.change < 0) missing.push_back("제개정구분명");
  if (l.promulgated < 0) missing.push_back("공포일자");
  if (!missing.empty()) return std::nullopt;
  return l;
}

std::optional<RowRefusal> ReadOrdinanceRow(const OrdinanceLayout& l,
                                           const std::vector<std::string>& fields, ImportRow& out) {
  out.external_id = Trim(At(fields, l.id));
  out.title = Trim(At(fields, l.title));
  if (out.external_id.empty() || out.external_id.size() > 100) {
    return RowRefusal{"malformed", "policy.import.bad_id"};
  }
  if (out.title.empty() || out.title.size() > 900) {
    return RowRefusal{"malformed", "policy.import.bad_title"};
  }
  const std::string kind = Trim(At(fields, l.kind));
  if (kind.empty() || kind == "조례") {
    out.kind = "ordinance";
  } else if (kind == "규칙" || kind == "훈령" || kind == "예규" || kind == "고시") {
    out.kind = "guideline";
  } else {
    return RowRefusal{"malformed", "policy.import.bad_kind"};
  }
  const std::string change = Trim(At(fields, l.change));
  std::string status;
  if (change == "제정") {
    status = "enacted";
  } else if (change == "일부개정" || change == "전부개정" || change == "타법개정") {
    status = "amended";
  } else if (change == "폐지" || change == "타법폐지") {
    status = "repealed";
  } else {
    return RowRefusal{"malformed", "policy.import.bad_change"};
  }
  auto day = ParseDay(At(fields, l.promulgated));
  if (!day) return RowRefusal{"malformed", "policy.import.bad_date"};
  out.statuses = {{.status = status, .on = *day}};
  out.topic = Trim(At(fields, l.field));
  if (out.topic.size() > 300) out.topic.clear();
  auto j = JurisdictionByName(At(fields, l.government));
  if (!j || *j == "KR") return RowRefusal{"unknown_jurisdiction", "policy.import.unknown_place"};
  out.jurisdiction = *j;
  return std::nullopt;
}

}  // namespace dandelion::policy
