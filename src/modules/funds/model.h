// The support funds' pure rules: the kinds of support, a source's rules per kind, and the checks a
// payment must pass against the rules and the budget (docs/api-funds.md). No I/O; amounts are
// whole KRW (int64_t), never floating point.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dandelion::funds {

// living_costs | housing_deposit | training | grant | medical | legal
std::span<const std::string_view> Kinds();
bool IsKind(std::string_view kind);
inline constexpr std::string_view kLivingCosts = "living_costs";

// "YYYY-MM-DD" of a real calendar day; "YYYY-MM" of a real month.
bool IsDay(std::string_view text);
bool IsMonth(std::string_view text);
// Today in Seoul ("YYYY-MM-DD") at t (seconds since the epoch, UTC).
std::string SeoulDay(int64_t unix_seconds);

// Why a reversal is made.
std::span<const std::string_view> ReversalReasons();

// The largest amount any field may hold (10,000,000,000 KRW): far above any ordinance's amounts
// and far below int64_t overflow when summed.
inline constexpr int64_t kMaxAmount = 10'000'000'000;

// One kind's rule under a source's ordinance.
struct KindRule {
  std::optional<int64_t> cap;  // total per person under this source; none: no total cap
  // Living costs only: the amount per month, the months she may receive it, and the amount per
  // child per month on top.
  int64_t monthly = 0;
  int64_t max_months = 0;
  int64_t per_child = 0;
  bool committee = false;  // payments need an approved application (a committee's decision)
  bool clawback = false;   // the ordinance reclaims payments obtained by fraud
  bool operator==(const KindRule&) const = default;
};

using Rules = std::map<std::string, KindRule, std::less<>>;

// Rules as stored (JSON) and back; nullopt for text that is not stored rules.
std::string FormatRules(const Rules& rules);
std::optional<Rules> ParseRules(std::string_view text);

// A rule's own consistency, beyond the types the HTTP layer checks: "" when fine, else a message
// key (living costs need a monthly amount and months; other kinds take neither).
std::string CheckRule(std::string_view kind, const KindRule& rule);

// An entry of the ledger as the checks see it: committed entries only (paid, or waiting for a
// second approval; a rejected one no longer counts).
struct Entry {
  std::string kind;
  int64_t amount = 0;  // negative for a reversal
  std::string month;   // YYYY-MM
};

// A payment to check.
struct Payment {
  std::string kind;
  int64_t amount = 0;  // > 0
  std::string month;   // YYYY-MM
  int64_t children = 0;
  // Against an approved application: what remains of its approved amount.
  std::optional<int64_t> approved_left;
};

// The limit a payment would break and what remains under it.
struct Breach {
  std::string limit;  // cap | monthly | months | approved | budget
  int64_t remaining = 0;
};

// The sum of her committed entries of kind (per source), and the living-costs months she
// received money for (a month whose net is positive).
int64_t Committed(std::span<const Entry> hers, std::string_view kind);
int64_t MonthsUsed(std::span<const Entry> hers);

// Checks a payment to her under rule against her committed entries under the same source and
// the source's budget and committed total. nullopt when it may be paid; otherwise the first
// broken limit, rules before budget.
std::optional<Breach> CheckPayment(const KindRule& rule, std::span<const Entry> hers,
                                   int64_t budget, int64_t source_committed, const Payment& p);

// What a reversal of an entry of `original` (> 0) may take back when `reversed` (>= 0) was taken
// back already: amount in 1..original-reversed.
bool ReversalFits(int64_t original, int64_t reversed, int64_t amount);

// Her balance under one source and kind.
struct KindBalance {
  int64_t paid = 0;                  // payments that count as paid
  int64_t reversed = 0;              // reversals (a positive number: what was taken back)
  int64_t pending = 0;               // payments waiting for a second approval
  std::optional<int64_t> remaining;  // under the cap (committed counted); none without a cap
  int64_t months_used = 0;           // living costs
};
// entries: every committed entry of hers under the source, with pending ones marked.
struct LedgerEntry {
  Entry entry;
  bool pending = false;
};
std::map<std::string, KindBalance> Balances(const Rules& rules,
                                            std::span<const LedgerEntry> entries);

}  // namespace dandelion::funds
