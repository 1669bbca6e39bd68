// Funding sources (docs/api-funds.md, "Sources"): each a year's budget with its rules, every
// change a new version kept beside the old ones, and the organization's two-person threshold.
#include "core/ids.h"
#include "modules/funds/fund_service.h"
#include "modules/funds/fund_support.h"
#include "modules/service_support.h"
#include "security/policy.h"
#include "store/settings.h"

namespace dandelion::funds {
namespace {

namespace perm = security::perm;
using internal::Conflict;
using internal::Invalid;
using internal::Now;
using internal::ThresholdKey;

Error CheckSourceFields(const SourceFields& in) {
  Error bad = Invalid();
  if (Blank(in.name)) bad.Field("name", "field.required");
  if (in.year < 2000 || in.year > 2100) bad.Field("year", "field.out_of_range");
  if (in.budget < 0 || in.budget > kMaxAmount) bad.Field("budget", "field.out_of_range");
  if (in.rules.empty()) bad.Field("rules", "funds.rules_required");
  for (const auto& [kind, rule] : in.rules) {
    if (auto problem = CheckRule(kind, rule); !problem.empty()) bad.Field("rules." + kind, problem);
  }
  return bad;
}

}  // namespace

Result<SourceView> FundService::View(store::Tx& tx, fund_repo::Source source) {
  auto totals = TRY(fund_repo::SourceTotals(tx, source.id));
  SourceView v{.spent = totals.paid, .pending = totals.pending};
  v.remaining = source.budget - totals.paid - totals.pending;
  v.source = std::move(source);
  return v;
}

Result<SourceView> FundService::CreateSource(const security::Actor& actor, const SourceFields& in) {
  TRY(RequirePermission(actor, perm::kFundRules));
  if (Error bad = CheckSourceFields(in); !bad.fields.empty()) return Fail(bad);
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<SourceView> {
    fund_repo::Source s{.id = NewId(),
                        .org_id = actor.org_id,
                        .name = in.name,
                        .year = in.year,
                        .budget = in.budget,
                        .version = 1,
                        .rules = in.rules,
                        .created_at = now};
    TRY(fund_repo::InsertSource(tx, s, actor.user_id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "funds.source.create", "fund_source", s.id,
                                               {"name", "year", "budget", "rules"})));
    return View(tx, std::move(s));
  });
}

Result<SourceView> FundService::UpdateSource(const security::Actor& actor, const std::string& id,
                                             const SourceFields& in) {
  TRY(RequirePermission(actor, perm::kFundRules));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<SourceView> {
    auto s = TRY(fund_repo::FindSource(tx, actor.org_id, id, true));
    if (!s) return Fail(NotFound());
    if (Error bad = CheckSourceFields(in); !bad.fields.empty()) return Fail(bad);
    auto totals = TRY(fund_repo::SourceTotals(tx, s->id));
    if (in.budget < totals.paid + totals.pending) {
      return Fail(Conflict("funds.budget_below_spent"));
    }
    if (in.year != s->year) {
      auto any = TRY(tx.QueryOne("SELECT 1 FROM fund_entries WHERE source_id = ?", {s->id}));
      if (any) return Fail(Conflict("funds.year_in_use"));
    }
    std::vector<std::string> changed;
    if (in.name != s->name) changed.push_back("name");
    if (in.year != s->year) changed.push_back("year");
    if (in.budget != s->budget) changed.push_back("budget");
    if (in.rules != s->rules) changed.push_back("rules");
    if (changed.empty()) return View(tx, std::move(*s));
    s->name = in.name;
    s->year = in.year;
    s->budget = in.budget;
    s->rules = in.rules;
    s->version += 1;
    TRY(fund_repo::AddVersion(tx, *s, actor.user_id, now));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "funds.source.update", "fund_source", s->id, changed)));
    return View(tx, std::move(*s));
  });
}

Result<std::vector<SourceView>> FundService::Sources(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kFundSources));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<SourceView>> {
    std::vector<SourceView> out;
    for (auto& s : TRY(fund_repo::ListSources(tx, actor.org_id))) {
      out.push_back(TRY(View(tx, std::move(s))));
    }
    return out;
  });
}

Result<SourceDetail> FundService::GetSource(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kFundSources));
  return db_.ReadValue([&](store::Tx& tx) -> Result<SourceDetail> {
    auto s = TRY(fund_repo::FindSource(tx, actor.org_id, id));
    if (!s) return Fail(NotFound());
    SourceDetail out;
    out.versions = TRY(fund_repo::Versions(tx, s->id));
    out.monthly = TRY(fund_repo::Monthly(tx, s->id));
    out.view = TRY(View(tx, std::move(*s)));
    return out;
  });
}

Result<std::optional<int64_t>> FundService::Threshold(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kFundSources));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::optional<int64_t>> {
    auto stored = TRY(store::ReadSetting(tx, ThresholdKey(actor.org_id)));
    if (!stored) return std::optional<int64_t>();
    return std::optional<int64_t>(std::stoll(*stored));
  });
}

Result<std::optional<int64_t>> FundService::SetThreshold(const security::Actor& actor,
                                                         std::optional<int64_t> above) {
  TRY(RequirePermission(actor, perm::kFundRules));
  if (above && (*above < 0 || *above > kMaxAmount)) {
    return Fail(Invalid().Field("two_person_above", "field.out_of_range"));
  }
  return db_.WriteValue([&](store::Tx& tx) -> Result<std::optional<int64_t>> {
    if (above) {
      TRY(store::WriteSetting(tx, ThresholdKey(actor.org_id), std::to_string(*above)));
    } else {
      TRY(store::DeleteSetting(tx, ThresholdKey(actor.org_id)));
    }
    TRY(audit_.Append(tx, security::ActorEvent(actor, "funds.threshold.update", "organization",
                                               actor.org_id, {"two_person_above"})));
    return above;
  });
}

}  // namespace dandelion::funds
