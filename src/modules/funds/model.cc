#include "modules/funds/model.h"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>
#include <set>

namespace dandelion::funds {
namespace {

constexpr std::string_view kKinds[] = {"living_costs", "training", "housing_deposit",
                                       "grant",        "medical",  "legal"};
constexpr std::string_view kReversalReasons[] = {"entry_error", "duplicate", "returned",
                                                 "clawback"};

std::optional<int64_t> IntOf(const boost::json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  if (it->value().is_int64()) return it->value().as_int64();
  if (it->value().is_uint64()) return int64_t(it->value().as_uint64());
  return std::nullopt;
}

bool BoolOf(const boost::json::object& o, std::string_view name) {
  auto it = o.find(name);
  return it != o.end() && it->value().is_bool() && it->value().as_bool();
}

}  // namespace

bool IsMonth(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12 && text.substr(0, 4) >= "1900";
}

bool IsDay(std::string_view text) {
  if (text.size() != 10 || text[7] != '-' || !IsMonth(text.substr(0, 7))) return false;
  if (text[8] < '0' || text[8] > '9' || text[9] < '0' || text[9] > '9') return false;
  const int y = std::stoi(std::string(text.substr(0, 4)));
  const unsigned m = unsigned(std::stoi(std::string(text.substr(5, 2))));
  const unsigned d = unsigned((text[8] - '0') * 10 + (text[9] - '0'));
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                     std::chrono::day(d))
      .ok();
}

std::string SeoulDay(int64_t unix_seconds) {
  const std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(unix_seconds + 9 * 3600)));
  const std::chrono::year_month_day ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

std::span<const std::string_view> Kinds() { return kKinds; }
bool IsKind(std::string_view kind) {
  return std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds);
}
std::span<const std::string_view> ReversalReasons() { return kReversalReasons; }

std::string FormatRules(const Rules& rules) {
  boost::json::object out;
  for (const auto& [kind, r] : rules) {
    boost::json::object o;
    if (r.cap) o["cap"] = *r.cap;
    if (kind == kLivingCosts) {
      o["monthly"] = r.monthly;
      o["max_months"] = r.max_months;
      o["per_child"] = r.per_child;
    }
    o["committee"] = r.committee;
    o["clawback"] = r.clawback;
    out[kind] = std::move(o);
  }
  return boost::json::serialize(out);
}

std::optional<Rules> ParseRules(std::string_view text) {
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) return std::nullopt;
  Rules rules;
  for (const auto& [kind, v] : value.as_object()) {
    if (!IsKind(kind) || !v.is_object()) return std::nullopt;
    const auto& o = v.as_object();
    KindRule r;
    r.cap = IntOf(o, "cap");
    r.monthly = IntOf(o, "monthly").value_or(0);
    r.max_months = IntOf(o, "max_months").value_or(0);
    r.per_child = IntOf(o, "per_child").value_or(0);
    r.committee = BoolOf(o, "committee");
    r.clawback = BoolOf(o, "clawback");
    rules.emplace(std::string(kind), r);
  }
  return rules;
}

std::string CheckRule(std::string_view kind, const KindRule& rule) {
  if (!IsKind(kind)) return "field.unknown_value";
  if (rule.cap && (*rule.cap < 0 || *rule.cap > kMaxAmount)) return "field.out_of_range";
  if (rule.monthly < 0 || rule.monthly > kMaxAmount || rule.per_child < 0 ||
      rule.per_child > kMaxAmount || rule.max_months < 0 || rule.max_months > 120) {
    return "field.out_of_range";
  }
  if (kind == kLivingCosts) {
    if (rule.monthly <= 0 || rule.max_months <= 0) return "funds.living_costs_rule";
  } else if (rule.monthly != 0 || rule.max_months != 0 || rule.per_child != 0) {
    return "funds.monthly_only_living_costs";
  } else if (!rule.cap) {
    return "funds.cap_required";
  }
  return "";
}

int64_t Committed(std::span<const Entry> hers, std::string_view kind) {
  int64_t sum = 0;
  for (const auto& e : hers) {
    if (e.kind == kind) sum += e.amount;
  }
  return sum;
}

namespace {
std::map<std::string, int64_t> LivingByMonth(std::span<const Entry> hers) {
  std::map<std::string, int64_t> by_month;
  for (const auto& e : hers) {
    if (e.kind == kLivingCosts) by_month[e.month] += e.amount;
  }
  return by_month;
}
}  // namespace

int64_t MonthsUsed(std::span<const Entry> hers) {
  int64_t n = 0;
  for (const auto& [month, net] : LivingByMonth(hers)) {
    if (net > 0) ++n;
  }
  return n;
}

std::optional<Breach> CheckPayment(const KindRule& rule, std::span<const Entry> hers,
                                   int64_t budget, int64_t source_committed, const Payment& p) {
  if (p.approved_left && p.amount > *p.approved_left) {
    return Breach{"approved", std::max<int64_t>(0, *p.approved_left)};
  }
  if (rule.cap) {
    const int64_t left = *rule.cap - Committed(hers, p.kind);
    if (p.amount > left) return Breach{"cap", std::max<int64_t>(0, left)};
  }
  if (p.kind == kLivingCosts) {
    auto by_month = LivingByMonth(hers);
    const int64_t in_month = by_month.contains(p.month) ? by_month[p.month] : 0;
    if (in_month <= 0) {
      const int64_t used = MonthsUsed(hers);
      if (used >= rule.max_months)
        return Breach{"months", std::max<int64_t>(0, rule.max_months - used)};
    }
    const int64_t monthly = rule.monthly + rule.per_child * std::max<int64_t>(0, p.children);
    const int64_t left = monthly - std::max<int64_t>(0, in_month);
    if (p.amount > left) return Breach{"monthly", std::max<int64_t>(0, left)};
  }
  const int64_t budget_left = budget - source_committed;
  if (p.amount > budget_left) return Breach{"budget", std::max<int64_t>(0, budget_left)};
  return std::nullopt;
}

bool ReversalFits(int64_t original, int64_t reversed, int64_t amount) {
  return original > 0 && reversed >= 0 && amount >= 1 && amount <= original - reversed;
}

std::map<std::string, KindBalance> Balances(const Rules& rules,
                                            std::span<const LedgerEntry> entries) {
  std::map<std::string, KindBalance> out;
  std::vector<Entry> committed;
  for (const auto& le : entries) {
    KindBalance& b = out[le.entry.kind];
    if (le.pending) {
      b.pending += le.entry.amount;
    } else if (le.entry.amount >= 0) {
      b.paid += le.entry.amount;
    } else {
      b.reversed -= le.entry.amount;
    }
    committed.push_back(le.entry);
  }
  for (auto& [kind, b] : out) {
    auto rule = rules.find(kind);
    if (rule != rules.end() && rule->second.cap) {
      b.remaining = *rule->second.cap - Committed(committed, kind);
    }
    if (kind == kLivingCosts) b.months_used = MonthsUsed(committed);
  }
  return out;
}

}  // namespace dandelion::funds
