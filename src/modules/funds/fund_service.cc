#include "modules/funds/fund_service.h"

#include <chrono>

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/funds/fund_support.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/service_support.h"
#include "modules/stats/model.h"
#include "security/match_token.h"
#include "security/policy.h"
#include "store/settings.h"

namespace dandelion::funds {
namespace {

namespace perm = security::perm;
using internal::Conflict;
using internal::Invalid;
using internal::Now;
using internal::ThresholdKey;

constexpr std::string_view kApplications = "fund_applications";

// The refusal of a payment (or an application) that breaks a limit; nothing is written.
Error Exceeded(const Breach& b) {
  Error e{b.limit == "budget" ? ErrorCode::kBudgetExceeded : ErrorCode::kRuleExceeded,
          "funds.limit." + b.limit};
  e.limit = b.limit;
  e.remaining = b.remaining;
  return e;
}

// She is a person of the actor's organization on record (NotFound() otherwise), and the actor
// may reach her: finance handles every woman's money (amounts only); case roles follow her
// restriction (access::DecidePersonAccess), so a restricted woman's ledger and applications are
// open only to her supervisor, her assigned workers and a break-glass holder.
Result<access::PersonDecision> Reach(store::Tx& tx, const security::Actor& actor,
                                     const std::string& person_id, TimePoint now) {
  if (!LooksLikeId(person_id)) return Fail(NotFound());
  auto row = TRY(people::person_repo::FindById(tx, person_id));
  if (!row || row->org_id != actor.org_id || !row->erased_at.empty()) return Fail(NotFound());
  if (security::HasRole(actor.roles, "finance")) return access::PersonDecision{};
  return access::DecidePersonAccess(tx, actor, person_id, now);
}

std::string Today(const Clock& clock) {
  return SeoulDay(
      std::chrono::duration_cast<std::chrono::seconds>(clock.Now().time_since_epoch()).count());
}

std::vector<Entry> Counted(const std::vector<fund_repo::Entry>& entries) {
  std::vector<Entry> out;
  for (const auto& e : entries) {
    if (e.Counts()) out.push_back({.kind = e.kind, .amount = e.amount, .month = e.month});
  }
  return out;
}

}  // namespace

Result<void> FundService::Refused(store::Tx& tx, const security::Actor& actor,
                                  const std::string& person_id, const std::string& action) {
  auto reach = TRY(Reach(tx, actor, person_id, clock_.Now()));
  if (reach.allowed) return Ok();
  // The refused attempt is recorded, and nothing else is written.
  auto e = security::ActorEvent(actor, action, "person", person_id);
  e.outcome = reach.Outcome();
  TRY(audit_.Append(tx, e));
  return Fail(RecordedRefusal(access::Refusal(reach)));
}

Result<std::string> FundService::Reached(store::Tx& tx, const security::Actor& actor,
                                         const std::string& person_id, const std::string& action) {
  auto reach = TRY(Reach(tx, actor, person_id, clock_.Now()));
  if (!reach.allowed) {
    auto e = security::ActorEvent(actor, action, "person", person_id);
    e.outcome = reach.Outcome();
    security::PendingAudit(reads_, std::move(e)).Submit([](bool) {});
    return Fail(access::Refusal(reach));
  }
  return reach.Outcome();
}

Result<std::string> FundService::TokenOf(store::Tx& tx, const std::string& org_id,
                                         const std::string& person_id) {
  auto key = keyring_.MatchKey();
  if (!key) return std::string();
  auto row = TRY(people::person_repo::FindById(tx, person_id));
  if (!row || row->org_id != org_id || !row->erased_at.empty()) return std::string();
  auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, org_id, person_id));
  auto person = TRY(cipher.OpenRow(*row));
  return security::MatchToken(*key, person.legal_name, person.birth_date);
}

Result<void> FundService::MarkPaid(store::Tx& tx, const fund_repo::Entry& e, int64_t year) {
  const std::string token = TRY(TokenOf(tx, e.org_id, e.person_id));
  if (token.empty()) return Ok();  // no birth date: no mark, no flag possible
  return fund_repo::InsertMark(tx, {.entry_id = e.id,
                                    .token = token,
                                    .kind = e.kind,
                                    .year = year,
                                    .org_id = e.org_id,
                                    .amount = e.amount});
}

Result<Application> FundService::Opened(store::Tx& tx, const security::Actor& actor,
                                        fund_repo::Application a) {
  Application out{.paid = TRY(fund_repo::PaidAgainst(tx, a.id))};
  // The double-support flag: the same woman's standing support of this kind in the source's
  // year from other members.
  if (auto source = TRY(fund_repo::FindSource(tx, a.org_id, a.source_id))) {
    const std::string token = TRY(TokenOf(tx, a.org_id, a.person_id));
    if (!token.empty()) {
      for (auto& m :
           TRY(fund_repo::MarksElsewhere(tx, token, a.kind, source->year, a.org_id, Now(clock_)))) {
        Elsewhere flag{.kind = a.kind, .year = source->year};
        if (m.named) flag.organization = std::make_pair(m.org_id, m.org_name);
        out.elsewhere.push_back(std::move(flag));
      }
    }
  }
  // The reason is for those who may read her case, never for finance alone.
  if (security::Allows(perm::kCaseRead, actor.roles)) {
    auto cipher = people::PersonCipher::Load(tx, keyring_, actor.org_id, a.person_id);
    if (cipher) {
      out.reason = TRY(cipher->OpenRecord(kApplications, "reason", a.id, a.sealed_reason));
    }
  }
  a.sealed_reason.clear();
  out.stored = std::move(a);
  return out;
}

Result<Application> FundService::Apply(const security::Actor& actor, const std::string& person_id,
                                       const ApplicationFields& in) {
  TRY(RequirePermission(actor, perm::kFundApply));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Application> {
    const std::string action = "funds.application.create";  // the audit action
    TRY(Refused(tx, actor, person_id, action));
    Error bad = Invalid();
    if (!IsKind(in.kind)) bad.Field("kind", "field.unknown_value");
    if (in.amount < 1 || in.amount > kMaxAmount) bad.Field("amount", "field.out_of_range");
    if (in.months < 0 || in.months > 120) bad.Field("months", "field.out_of_range");
    if (in.children < 0 || in.children > 20) bad.Field("children", "field.out_of_range");
    if (in.kind == kLivingCosts && in.months < 1) bad.Field("months", "field.required");
    if (Blank(in.reason)) bad.Field("reason", "field.required");
    if (!bad.fields.empty()) return Fail(bad);
    auto source = LooksLikeId(in.source_id)
                      ? TRY(fund_repo::FindSource(tx, actor.org_id, in.source_id))
                      : std::nullopt;
    if (!source) return Fail(Invalid().Field("source_id", "funds.unknown_source"));
    auto rule = source->rules.find(in.kind);
    if (rule == source->rules.end()) return Fail(Invalid().Field("kind", "funds.kind_not_covered"));
    // What she asks for must fit the rule as it stands for her now.
    auto hers = Counted(TRY(fund_repo::EntriesOf(tx, person_id, source->id)));
    if (rule->second.cap) {
      const int64_t left = *rule->second.cap - Committed(hers, in.kind);
      if (in.amount > left) return Fail(Exceeded({"cap", std::max<int64_t>(0, left)}));
    }
    if (in.kind == kLivingCosts) {
      const int64_t left = rule->second.max_months - MonthsUsed(hers);
      if (in.months > left) return Fail(Exceeded({"months", std::max<int64_t>(0, left)}));
    }
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, person_id));
    fund_repo::Application a{.id = NewId(),
                             .org_id = actor.org_id,
                             .person_id = person_id,
                             .source_id = source->id,
                             .kind = in.kind,
                             .amount = in.amount,
                             .months = in.months,
                             .children = in.children,
                             .status = "pending",
                             .rule_version = source->version,
                             .applied_by = actor.user_id,
                             .applied_at = now};
    a.sealed_reason = cipher.SealRecord(kApplications, "reason", a.id, in.reason);
    TRY(fund_repo::InsertApplication(tx, a));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "funds.application.create", "fund_application", a.id,
                                 {"kind", "amount", "months", "children", "reason"})));
    return Opened(tx, actor, std::move(a));
  });
}

Result<Application> FundService::Decide(const security::Actor& actor, const std::string& id,
                                        const DecisionFields& in) {
  TRY(RequirePermission(actor, perm::kFundDecide));
  const std::string now = Now(clock_);
  const std::string today = Today(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Application> {
    auto a = LooksLikeId(id) ? TRY(fund_repo::FindApplication(tx, actor.org_id, id)) : std::nullopt;
    if (!a) return Fail(NotFound());
    if (a->status != "pending") return Fail(Conflict("funds.application_decided"));
    auto source = TRY(fund_repo::FindSource(tx, actor.org_id, a->source_id));
    if (!source) return Fail(NotFound());
    Error bad = Invalid();
    if (!in.committee_on.empty() && (!IsDay(in.committee_on) || in.committee_on > today)) {
      bad.Field("committee_on", "field.invalid_date");
    }
    auto rule = source->rules.find(a->kind);
    const bool committee = rule != source->rules.end() && rule->second.committee;
    if (committee && in.committee_on.empty()) {
      bad.Field("committee_on", "funds.committee_date_required");
    }
    if (in.amount && (*in.amount < 1 || *in.amount > a->amount)) {
      bad.Field("amount", "funds.more_than_asked");
    }
    if (!bad.fields.empty()) return Fail(bad);
    a->status = in.approve ? "approved" : "refused";
    if (in.approve) a->approved_amount = in.amount.value_or(a->amount);
    a->committee_on = in.committee_on;
    a->decided_by = actor.user_id;
    a->decided_at = now;
    TRY(fund_repo::DecideApplication(tx, *a));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "funds.application.decide", "fund_application", a->id,
                                 {"status", "approved_amount", "committee_on"})));
    return Opened(tx, actor, std::move(*a));
  });
}

Result<security::Audited<std::vector<Application>>> FundService::ApplicationsOf(
    const security::Actor& actor, const std::string& person_id) {
  TRY(RequirePermission(actor, perm::kFundRead));
  std::string outcome = "ok";
  auto items = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Application>> {
    const std::string action = "funds.application.list";  // the audit action
    outcome = TRY(Reached(tx, actor, person_id, action));
    std::vector<Application> out;
    for (auto& a : TRY(fund_repo::ApplicationsOf(tx, person_id))) {
      out.push_back(TRY(Opened(tx, actor, std::move(a))));
    }
    return out;
  }));
  std::vector<std::string> fields{"kind", "amount", "elsewhere"};
  if (security::Allows(perm::kCaseRead, actor.roles)) fields.push_back("reason");
  auto e = security::ActorEvent(actor, "funds.application.list", "person", person_id, fields);
  e.outcome = outcome;
  return security::Audited<std::vector<Application>>{std::move(items),
                                                     security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<std::vector<Application>>> FundService::PendingApplications(
    const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kFundDecide));
  auto items = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Application>> {
    std::vector<Application> out;
    for (auto& a : TRY(fund_repo::PendingApplications(tx, actor.org_id))) {
      out.push_back(TRY(Opened(tx, actor, std::move(a))));
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "funds.application.pending", "organization", actor.org_id,
                                {"kind", "amount", "reason", "elsewhere"});
  return security::Audited<std::vector<Application>>{std::move(items),
                                                     security::PendingAudit(reads_, std::move(e))};
}

Result<fund_repo::Entry> FundService::Pay(const security::Actor& actor,
                                          const std::string& person_id, const PaymentFields& in) {
  TRY(RequirePermission(actor, perm::kFundWrite));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<fund_repo::Entry> {
    const std::string action = "funds.disbursement.create";  // the audit action
    TRY(Refused(tx, actor, person_id, action));
    Error bad = Invalid();
    if (!IsKind(in.kind)) bad.Field("kind", "field.unknown_value");
    if (in.amount < 1 || in.amount > kMaxAmount) bad.Field("amount", "field.out_of_range");
    if (!IsDay(in.paid_on)) bad.Field("paid_on", "field.invalid_date");
    if (!in.month.empty() && !IsMonth(in.month)) bad.Field("month", "funds.bad_month");
    if (in.children && (*in.children < 0 || *in.children > 20)) {
      bad.Field("children", "field.out_of_range");
    }
    if (!in.application_id.empty() && !LooksLikeId(in.application_id)) {
      bad.Field("application_id", "funds.unknown_application");
    }
    if (!bad.fields.empty()) return Fail(bad);
    // The source row is locked until commit: payments against one budget go one at a time.
    auto source = LooksLikeId(in.source_id)
                      ? TRY(fund_repo::FindSource(tx, actor.org_id, in.source_id, true))
                      : std::nullopt;
    if (!source) return Fail(Invalid().Field("source_id", "funds.unknown_source"));
    if (in.paid_on.substr(0, 4) != std::to_string(source->year)) {
      return Fail(Invalid().Field("paid_on", "funds.outside_year"));
    }
    auto rule = source->rules.find(in.kind);
    if (rule == source->rules.end()) return Fail(Invalid().Field("kind", "funds.kind_not_covered"));
    Payment p{.kind = in.kind, .amount = in.amount};
    p.month = in.kind == kLivingCosts && !in.month.empty() ? in.month : in.paid_on.substr(0, 7);
    int64_t children = 0;
    if (!in.application_id.empty()) {
      auto a = TRY(fund_repo::FindApplication(tx, actor.org_id, in.application_id));
      if (!a || a->person_id != person_id || a->source_id != source->id || a->kind != in.kind) {
        return Fail(Invalid().Field("application_id", "funds.unknown_application"));
      }
      if (a->status != "approved") return Fail(Conflict("funds.application_not_approved"));
      p.approved_left = a->approved_amount.value_or(0) - TRY(fund_repo::PaidAgainst(tx, a->id));
      children = a->children;
    } else if (rule->second.committee) {
      return Fail(Conflict("funds.decision_needed"));
    }
    p.children = in.children.value_or(children);
    auto hers = Counted(TRY(fund_repo::EntriesOf(tx, person_id, source->id)));
    auto totals = TRY(fund_repo::SourceTotals(tx, source->id));
    if (auto breach =
            CheckPayment(rule->second, hers, source->budget, totals.paid + totals.pending, p)) {
      return Fail(Exceeded(*breach));
    }
    auto threshold = TRY(store::ReadSetting(tx, ThresholdKey(actor.org_id)));
    fund_repo::Entry e{.id = NewId(),
                       .org_id = actor.org_id,
                       .person_id = person_id,
                       .source_id = source->id,
                       .kind = in.kind,
                       .amount = in.amount,
                       .paid_on = in.paid_on,
                       .month = p.month,
                       .children = p.children,
                       .application_id = in.application_id,
                       .needs_approval = threshold && in.amount > std::stoll(*threshold),
                       .rule_version = source->version,
                       .entered_by = actor.user_id,
                       .entered_at = now};
    TRY(fund_repo::InsertEntry(tx, e));
    if (e.Status() == "paid") TRY(MarkPaid(tx, e, source->year));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "funds.disbursement.create", "fund_entry",
                                               e.id, {"source_id", "kind", "amount", "paid_on"})));
    return e;
  });
}

Result<fund_repo::Entry> FundService::Reverse(const security::Actor& actor,
                                              const std::string& entry_id,
                                              const std::string& reason,
                                              std::optional<int64_t> amount) {
  TRY(RequirePermission(actor, perm::kFundWrite));
  const std::string now = Now(clock_);
  const std::string today = Today(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<fund_repo::Entry> {
    auto original = LooksLikeId(entry_id) ? TRY(fund_repo::FindEntry(tx, actor.org_id, entry_id))
                                          : std::nullopt;
    if (!original) return Fail(NotFound());
    bool known = false;
    for (auto r : ReversalReasons()) known = known || r == reason;
    if (!known)
      return Fail(
          Invalid().Field("reason", reason.empty() ? "field.required" : "field.unknown_value"));
    auto source = TRY(fund_repo::FindSource(tx, actor.org_id, original->source_id, true));
    if (!source) return Fail(NotFound());
    if (!original->reverses.empty()) return Fail(Conflict("funds.not_reversible"));
    if (original->Status() != "paid") return Fail(Conflict("funds.not_paid"));
    if (reason == "clawback") {
      auto rule = source->rules.find(original->kind);
      if (rule == source->rules.end() || !rule->second.clawback) {
        return Fail(Conflict("funds.no_clawback"));
      }
    }
    const int64_t reversed = TRY(fund_repo::ReversedOf(tx, original->id));
    if (reversed >= original->amount) return Fail(Conflict("funds.already_reversed"));
    const int64_t take = amount.value_or(original->amount - reversed);
    if (!ReversalFits(original->amount, reversed, take)) {
      return Fail(Invalid().Field("amount", "funds.reversal_too_large"));
    }
    fund_repo::Entry e = *original;
    e.id = NewId();
    e.amount = -take;
    e.paid_on = today;
    e.reverses = original->id;
    e.reversal_reason = reason;
    e.needs_approval = false;
    e.rule_version = source->version;
    e.entered_by = actor.user_id;
    e.entered_at = now;
    e.decision.clear();
    e.decided_by.clear();
    e.decided_at.clear();
    TRY(fund_repo::InsertEntry(tx, e));
    // The reversal neutralizes what it takes back of the original's mark.
    if (auto token = TRY(fund_repo::MarkToken(tx, original->id))) {
      TRY(fund_repo::InsertMark(tx, {.entry_id = e.id,
                                     .token = *token,
                                     .kind = e.kind,
                                     .year = source->year,
                                     .org_id = e.org_id,
                                     .amount = e.amount}));
    }
    TRY(audit_.Append(tx, security::ActorEvent(actor, "funds.disbursement.reverse", "fund_entry",
                                               e.id, {"amount", "reason", "reverses"})));
    return e;
  });
}

Result<fund_repo::Entry> FundService::Approve(const security::Actor& actor,
                                              const std::string& entry_id, bool approve) {
  TRY(RequirePermission(actor, perm::kFundApprove));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<fund_repo::Entry> {
    auto e = LooksLikeId(entry_id) ? TRY(fund_repo::FindEntry(tx, actor.org_id, entry_id))
                                   : std::nullopt;
    if (!e) return Fail(NotFound());
    auto source = TRY(fund_repo::FindSource(tx, actor.org_id, e->source_id, true));
    if (!source) return Fail(NotFound());
    if (e->Status() != "pending_approval") return Fail(Conflict("funds.not_pending"));
    if (e->entered_by == actor.user_id) return Fail(Conflict("funds.second_person_needed"));
    e->decision = approve ? "approved" : "rejected";
    e->decided_by = actor.user_id;
    e->decided_at = now;
    TRY(fund_repo::InsertApproval(tx, e->id, e->decision, actor.user_id, now));
    if (approve) TRY(MarkPaid(tx, *e, source->year));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "funds.disbursement.approve", "fund_entry",
                                               e->id, {"status"})));
    return *e;
  });
}

Result<std::vector<fund_repo::Entry>> FundService::PendingPayments(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kFundApprove));
  return db_.ReadValue([&](store::Tx& tx) { return fund_repo::PendingEntries(tx, actor.org_id); });
}

Result<security::Audited<std::vector<DoubleSupportCount>>> FundService::DoubleSupport(
    const security::Actor& actor, int64_t year) {
  TRY(RequirePermission(actor, perm::kFundDoubleSupport));
  if (year < 2000 || year > 2100) return Fail(Invalid().Field("year", "field.out_of_range"));
  auto counts = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<DoubleSupportCount>> {
    auto stored = TRY(store::ReadSetting(tx, "stats_k"));
    const int k = stored ? stats::KFromSetting(*stored) : stats::kDefaultK;
    std::map<std::string, int64_t> found;
    for (const auto& [kind, n] : TRY(fund_repo::DoubleSupportCounts(tx, year))) found[kind] = n;
    std::vector<DoubleSupportCount> out;
    for (auto kind : Kinds()) {
      auto it = found.find(std::string(kind));
      const int64_t n = it == found.end() ? 0 : it->second;
      // Zero is shown (no one); 1..k-1 is suppressed like a small statistics cell.
      out.push_back({.kind = std::string(kind),
                     .count = n == 0 || n >= k ? std::optional<int64_t>(n) : std::nullopt});
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "funds.double_support.read", "network", std::to_string(year),
                                {"kind", "count"});
  return security::Audited<std::vector<DoubleSupportCount>>{
      std::move(counts), security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<Ledger>> FundService::LedgerOf(const security::Actor& actor,
                                                        const std::string& person_id) {
  TRY(RequirePermission(actor, perm::kFundRead));
  std::string outcome = "ok";
  auto ledger = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<Ledger> {
    const std::string action = "funds.ledger.read";  // the audit action
    outcome = TRY(Reached(tx, actor, person_id, action));
    Ledger out;
    out.entries = TRY(fund_repo::EntriesOf(tx, person_id));
    out.receipts = TRY(fund_repo::ReceiptCounts(tx, person_id));
    std::map<std::string, std::vector<LedgerEntry>> by_source;
    for (const auto& e : out.entries) {
      if (!e.Counts()) continue;
      by_source[e.source_id].push_back(
          {.entry = {.kind = e.kind, .amount = e.amount, .month = e.month},
           .pending = e.Status() == "pending_approval"});
    }
    for (const auto& [source_id, entries] : by_source) {
      auto source = TRY(fund_repo::FindSource(tx, actor.org_id, source_id));
      if (!source) continue;
      for (auto& [kind, b] : Balances(source->rules, entries)) {
        Balance bal{.source_id = source_id, .kind = kind, .balance = b};
        if (auto rule = source->rules.find(kind); rule != source->rules.end()) {
          bal.cap = rule->second.cap;
          bal.max_months = rule->second.max_months;
        }
        out.balances.push_back(std::move(bal));
      }
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "funds.ledger.read", "person", person_id, {"disbursements"});
  e.outcome = outcome;
  return security::Audited<Ledger>{std::move(ledger), security::PendingAudit(reads_, std::move(e))};
}

}  // namespace dandelion::funds
