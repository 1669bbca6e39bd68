#include "modules/stats/stats_service.h"

#include <algorithm>
#include <set>

#include "core/korea_date.h"
#include "modules/case_records/model.h"
#include "modules/cases/model.h"
#include "modules/network/model.h"
#include "modules/people/model.h"
#include "modules/service_support.h"
#include "modules/stats/model.h"
#include "modules/stats/sources.h"
#include "modules/stats/stats_repo.h"
#include "store/settings.h"

namespace dandelion::stats {
namespace {

namespace perm = security::perm;
using stats_repo::Dim;
using stats_repo::Subject;

constexpr std::string_view kKSetting = "stats_k";
constexpr std::string_view kNetworkDims[] = {"month",  "quarter",  "year",      "service_type",
                                             "region", "org_kind", "situation", "organization"};
constexpr std::string_view kOwnServiceDims[] = {
    "month",     "quarter",  "year",     "service_type", "intake_channel",
    "situation", "category", "age_band", "nationality",  "region"};
constexpr std::string_view kOwnLegalDims[] = {"legal_kind", "legal_outcome", "legal_status"};
// Tables of their own shape, asked for alone.
constexpr std::string_view kOwnReports[] = {"emergency_response", "referral_outcome",
                                            "shelter_exit_destination", "shelter_nights",
                                            "fund_source_kind"};
constexpr std::string_view kAgeBands[] = {"under_19", "19_24",   "25_29",  "30_39",
                                          "40_49",    "50_plus", "unknown"};

Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }

template <class Range>
bool In(const Range& words, std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

template <class Range>
std::vector<std::string> Strings(const Range& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.emplace_back(w);
  return out;
}

std::vector<std::string> Split(const std::string& by) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = by.find(',', start);
    out.push_back(by.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// A dimension with the keys it always shows (0 included), and whether it counts mentions.
struct DimDef {
  Dim dim;
  std::vector<std::string> keys;  // shown even at 0; observed keys are added after them
};

// The dimensions of services (case_services s, cases c, people p, organizations o).
DimDef ServiceDim(const std::string& name, const Period& period) {
  if (In(kTimeDims, name)) {
    return {.dim = {.name = name, .expr = TimeExpr(name, "s.date"), .tags = {}},
            .keys = TimeKeys(name, period)};
  }
  if (name == "service_type") {
    return {.dim = {.name = name, .expr = "s.type", .tags = {}},
            .keys = Strings(case_records::ServiceTypes())};
  }
  if (name == "region" || name == "org_kind") {
    std::vector<std::string> keys;
    for (const auto& n : name == "region" ? network::Regions() : network::OrgKinds()) {
      keys.emplace_back(n.code);
    }
    return {.dim = {.name = name, .expr = name == "region" ? "o.region" : "o.kind", .tags = {}},
            .keys = keys};
  }
  if (name == "intake_channel") {
    return {.dim = {.name = name, .expr = "c.intake_channel", .tags = {}},
            .keys = Strings(cases::IntakeChannels())};
  }
  if (name == "situation") {
    auto tags = Strings(cases::SituationTags());
    return {.dim = {.name = name, .expr = "c.situation", .tags = tags}, .keys = tags};
  }
  if (name == "category") {
    auto tags = Strings(people::Categories());
    return {.dim = {.name = name, .expr = "p.categories", .tags = tags}, .keys = tags};
  }
  if (name == "age_band") {
    return {.dim = {.name = name, .expr = "COALESCE(p.age_band, 'unknown')", .tags = {}},
            .keys = Strings(kAgeBands)};
  }
  // nationality
  return {.dim = {.name = name, .expr = "COALESCE(p.nationality, 'unknown')", .tags = {}},
          .keys = {}};
}

DimDef LegalDim(const std::string& name) {
  if (name == "legal_kind") {
    return {.dim = {.name = name, .expr = "l.kind", .tags = {}},
            .keys = Strings(case_records::LegalKinds())};
  }
  if (name == "legal_status") {
    return {.dim = {.name = name, .expr = "l.status", .tags = {}},
            .keys = Strings(case_records::LegalStatuses())};
  }
  return {.dim = {.name = name, .expr = "COALESCE(NULLIF(l.outcome, ''), 'none')", .tags = {}},
          .keys = {}};
}

// Services (case_services s) and what their dimensions may join: her case, her record, the
// organization. Who is counted decides the rest (the period and the filter). SQLite is told to
// join through the indexes that carry the counted columns (migration 0018): left to itself it
// takes the primary key's index and then reads every row.
Subject ServicesSubject(const std::string& measure, store::Dialect dialect) {
  const bool sqlite = dialect == store::Dialect::kSqlite;
  return Subject{
      .from = "case_services s",
      .joins = {{"c", std::string("JOIN cases c ") + (sqlite ? "INDEXED BY cases_for_stats " : "") +
                          "ON c.id = s.case_id"},
                {"p", std::string("JOIN people p ") +
                          (sqlite ? "INDEXED BY people_for_stats " : "") + "ON p.id = c.person_id"},
                {"o", "JOIN organizations o ON o.id = s.org_id"}},
      .where = {},
      .params = {},
      .counted = measure == "people" ? "c.person_id" : "s.id",
      .counted_is_row = measure != "people"};
}

// The keys of a dimension: the ones always shown, then the observed others in order.
std::vector<std::string> KeysOf(const DimDef& d, const stats_repo::Counts& counts,
                                std::size_t position) {
  std::vector<std::string> keys = d.keys;
  std::set<std::string> extra;
  for (const auto& [key, n] : counts) {
    if (position < key.size() && !In(keys, key[position])) extra.insert(key[position]);
  }
  keys.insert(keys.end(), extra.begin(), extra.end());
  return keys;
}

std::int64_t At(const stats_repo::Counts& counts, const std::vector<std::string>& key) {
  auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

// The rows of a one- or two-way table and its additive relations (totals as cells).
struct Built {
  std::vector<StatRow> rows;
  Table table;
};

// Whether a table's margins are the sums of its cells: records counted once each and no
// multi-choice dimension. People (counted distinct) and mentions are not: their margins are
// counted by queries of their own.
bool Additive(const std::vector<Source>& sources, const std::vector<DimDef>& defs) {
  return std::all_of(sources.begin(), sources.end(),
                     [](const Source& s) { return s.subject.counted_is_row; }) &&
         std::all_of(defs.begin(), defs.end(), [](const DimDef& d) { return d.dim.tags.empty(); });
}

// The counts of the first `keep` dimensions, summed over the others.
stats_repo::Counts SumTo(const stats_repo::Counts& cells, std::vector<std::size_t> keep) {
  stats_repo::Counts out;
  for (const auto& [key, n] : cells) {
    std::vector<std::string> k;
    for (std::size_t i : keep) k.push_back(key[i]);
    out[k] += n;
  }
  return out;
}

Result<Built> BuildTable(store::Tx& tx, const std::vector<Source>& sources,
                         const std::vector<DimDef>& defs) {
  Built out;
  const bool additive = Additive(sources, defs);
  if (defs.size() == 1) {
    const auto cells = TRY(CountAll(tx, sources, {defs[0].dim}));
    const auto grand = additive ? SumTo(cells, {}) : TRY(CountAll(tx, sources, {}));
    const auto keys = KeysOf(defs[0], cells, 0);
    std::vector<std::int64_t> parts;
    for (const auto& k : keys) {
      parts.push_back(At(cells, {k}));
      out.rows.push_back({.key = {k}, .count = parts.back()});
    }
    out.table = OneWay(parts);
    out.table.counts.back() = At(grand, {});
    out.rows.push_back({.key = {""}, .count = out.table.counts.back()});
    return out;
  }
  const auto cells = TRY(CountAll(tx, sources, {defs[0].dim, defs[1].dim}));
  const auto grand = additive ? SumTo(cells, {}) : TRY(CountAll(tx, sources, {}));
  const auto rows = additive ? SumTo(cells, {0}) : TRY(CountAll(tx, sources, {defs[0].dim}));
  const auto cols = additive ? SumTo(cells, {1}) : TRY(CountAll(tx, sources, {defs[1].dim}));
  const auto row_keys = KeysOf(defs[0], rows, 0);
  const auto col_keys = KeysOf(defs[1], cols, 0);
  const TwoWayIndex at{.rows = row_keys.size(), .cols = col_keys.size()};
  std::vector<std::int64_t> values(at.rows * at.cols);
  for (std::size_t r = 0; r < at.rows; ++r) {
    for (std::size_t c = 0; c < at.cols; ++c) {
      values[at.Cell(r, c)] = At(cells, {row_keys[r], col_keys[c]});
    }
  }
  out.table = TwoWay(at, values);
  // Margins as counted: for people and mentions they are not the sums of their cells.
  for (std::size_t r = 0; r < at.rows; ++r)
    out.table.counts[at.RowTotal(r)] = At(rows, {row_keys[r]});
  for (std::size_t c = 0; c < at.cols; ++c)
    out.table.counts[at.ColTotal(c)] = At(cols, {col_keys[c]});
  out.table.counts[at.Grand()] = At(grand, {});
  out.rows.resize(at.Size());
  for (std::size_t r = 0; r < at.rows; ++r) {
    for (std::size_t c = 0; c < at.cols; ++c)
      out.rows[at.Cell(r, c)].key = {row_keys[r], col_keys[c]};
    out.rows[at.RowTotal(r)].key = {row_keys[r], ""};
  }
  for (std::size_t c = 0; c < at.cols; ++c) out.rows[at.ColTotal(c)].key = {"", col_keys[c]};
  out.rows[at.Grand()].key = {"", ""};
  for (std::size_t i = 0; i < at.Size(); ++i) out.rows[i].count = out.table.counts[i];
  return out;
}

// Network rows: every organization under its region, each region's total, the grand total.
Result<Built> BuildOrganizations(store::Tx& tx, const std::vector<Source>& sources) {
  const Dim region{.name = "region", .expr = "o.region", .tags = {}};
  const Dim slug{.name = "organization", .expr = "o.slug", .tags = {}};
  const auto cells = TRY(CountAll(tx, sources, {region, slug}));
  const bool additive = Additive(sources, {});
  const auto totals = additive ? SumTo(cells, {0}) : TRY(CountAll(tx, sources, {region}));
  const auto grand = additive ? SumTo(cells, {}) : TRY(CountAll(tx, sources, {}));
  std::vector<std::pair<std::string, std::vector<std::string>>> regions;
  for (const auto& row :
       TRY(tx.Query("SELECT region, slug FROM organizations ORDER BY region, slug"))) {
    if (regions.empty() || regions.back().first != row.Text(0))
      regions.push_back({row.Text(0), {}});
    regions.back().second.push_back(row.Text(1));
  }
  std::vector<std::vector<std::int64_t>> groups;
  Built out;
  for (const auto& [r, slugs] : regions) {
    groups.emplace_back();
    for (const auto& s : slugs) {
      groups.back().push_back(At(cells, {r, s}));
      out.rows.push_back({.key = {r, s}, .count = groups.back().back()});
    }
  }
  out.table = Hierarchy(groups);
  for (std::size_t g = 0; g < regions.size(); ++g) {
    out.rows.push_back({.key = {regions[g].first, ""}, .count = At(totals, {regions[g].first})});
  }
  out.rows.push_back({.key = {"", ""}, .count = At(grand, {})});
  for (std::size_t i = 0; i < out.rows.size(); ++i) out.table.counts[i] = *out.rows[i].count;
  return out;
}

Result<Period> ReadPeriod(const StatsQuery& q, TimePoint now) {
  Period p{.from = q.from, .to = q.to.empty() ? KoreaDate(now) : q.to};
  if (p.from.empty() && IsDay(p.to)) p.from = p.to.substr(0, 4) + "-01-01";
  Error e = Invalid();
  if (!IsDay(p.from)) e.Field("from", "field.invalid_date");
  if (!IsDay(p.to)) e.Field("to", "field.invalid_date");
  if (e.fields.empty()) {
    if (p.from > p.to) e.Field("to", "stats.period_reversed");
    if (std::stoi(p.to.substr(0, 4)) - std::stoi(p.from.substr(0, 4)) > 10) {
      e.Field("from", "stats.period_too_long");
    }
  }
  if (!e.fields.empty()) return Fail(std::move(e));
  return p;
}

// The first instant of a Korean day, as stored timestamps are written (UTC, RFC 3339).
std::string KoreaMidnight(const std::string& day) {
  TimePoint t;
  ParseRfc3339(day + "T00:00:00+09:00", &t);
  return FormatRfc3339(t);
}

Result<std::string> ReadMeasure(const StatsQuery& q) {
  const std::string m = q.measure.empty() ? "services" : q.measure;
  if (m != "services" && m != "people") {
    return Fail(Invalid().Field("measure", "field.unknown_value"));
  }
  return m;
}

// by: one or two known dimensions, different, at most one of them a period and one a
// multi-choice field.
Result<std::vector<std::string>> ReadBy(const std::string& by,
                                        const std::vector<std::vector<std::string>>& families,
                                        const std::vector<std::string>& alone) {
  if (by.empty()) return Fail(Invalid().Field("by", "field.required"));
  const auto names = Split(by);
  if (names.size() == 1 && In(alone, names[0])) return names;
  auto bad = [] { return Fail(Invalid().Field("by", "field.unknown_value")); };
  if (names.size() > 2) return bad();
  for (const auto& family : families) {
    if (!std::all_of(names.begin(), names.end(), [&](const auto& n) { return In(family, n); })) {
      continue;
    }
    if (names.size() == 2) {
      if (names[0] == names[1]) return bad();
      if (In(kTimeDims, names[0]) && In(kTimeDims, names[1])) return bad();
      const bool tags0 = names[0] == "situation" || names[0] == "category";
      const bool tags1 = names[1] == "situation" || names[1] == "category";
      if (tags0 && tags1) return bad();
    }
    return names;
  }
  return bad();
}

bool Mentions(const std::vector<std::string>& by) {
  return In(by, std::string("situation")) || In(by, std::string("category"));
}

void Hide(Built& built, int k) {
  const auto hidden = Suppress(built.table, k);
  for (std::size_t i = 0; i < built.rows.size(); ++i) {
    if (hidden[i]) {
      built.rows[i].count.reset();
      built.rows[i].suppressed = true;
    }
  }
}

// The audit entry names what was counted and how (the dimensions and the measure).
std::vector<std::string> AuditFields(std::vector<std::string> by, const std::string& measure) {
  by.push_back(measure);
  return by;
}

Result<int> ReadK(store::Tx& tx) {
  auto stored = TRY(store::ReadSetting(tx, kKSetting));
  return stored ? KFromSetting(*stored) : kDefaultK;
}

}  // namespace

std::vector<std::string> NetworkDimensions() { return Strings(kNetworkDims); }

std::vector<std::string> OwnDimensions() {
  auto out = Strings(kOwnServiceDims);
  for (auto d : kOwnLegalDims) out.emplace_back(d);
  for (auto d : kOwnReports) out.emplace_back(d);
  return out;
}

StatsService::StatsService(store::Database& db, const security::AuditLog& audit,
                           security::AuditBatcher& reads, const Clock& clock)
    : db_(db), audit_(audit), reads_(reads), clock_(clock) {}

Result<void> StatsService::Check(const security::Actor& actor, bool network,
                                 const StatsQuery& q) const {
  TRY(RequirePermission(actor, network ? perm::kStatsNetwork : perm::kStatsOwn));
  TRY(ReadPeriod(q, clock_.Now()));
  TRY(ReadMeasure(q));
  if (network) {
    std::vector<std::string> two_way;
    for (auto d : kNetworkDims) {
      if (d != "organization") two_way.emplace_back(d);
    }
    TRY(ReadBy(q.by, {two_way}, {"organization"}));
  } else {
    TRY(ReadBy(q.by, {Strings(kOwnServiceDims), Strings(kOwnLegalDims)}, Strings(kOwnReports)));
  }
  return Ok();
}

Result<security::Audited<StatTable>> StatsService::Network(const security::Actor& actor,
                                                           const StatsQuery& q) {
  TRY(RequirePermission(actor, perm::kStatsNetwork));
  const TimePoint now = clock_.Now();
  const Period period = TRY(ReadPeriod(q, now));
  const std::string measure = TRY(ReadMeasure(q));
  std::vector<std::string> two_way;
  for (auto d : kNetworkDims) {
    if (d != "organization") two_way.emplace_back(d);
  }
  const auto by = TRY(ReadBy(q.by, {two_way}, {"organization"}));
  const std::string at = FormatRfc3339(now);
  // Only women with an active statistics consent now, never an erased record. The consenting
  // cases are a set the database makes once per query and the services are read by it, rather
  // than a consent looked up for every service (docs/performance.md, "Statistics").
  Subject subject = ServicesSubject(measure, db_.dialect());
  subject.where =
      "s.date >= ? AND s.date <= ? AND s.case_id IN (SELECT sc.id FROM cases sc JOIN people sp "
      "ON sp.id = sc.person_id WHERE sp.erased_at IS NULL AND sc.person_id IN (SELECT "
      "sk.person_id FROM consents sk WHERE sk.kind = 'statistics' AND sk.given_at <= ? AND "
      "sk.revoked_at IS NULL AND (sk.expires_at IS NULL OR sk.expires_at > ?)))";
  subject.params = {period.from, period.to, at, at};
  const auto sources =
      ServiceSources(measure, std::move(subject), "pc.contact_date >= ? AND pc.contact_date <= ?",
                     {period.from, period.to});
  auto table = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<StatTable> {
    const int k = TRY(ReadK(tx));
    Built built;
    if (by[0] == "organization") {
      built = TRY(BuildOrganizations(tx, sources));
    } else {
      std::vector<DimDef> defs;
      for (const auto& name : by) defs.push_back(ServiceDim(name, period));
      built = TRY(BuildTable(tx, sources, defs));
    }
    Hide(built, k);
    return StatTable{.from = period.from,
                     .to = period.to,
                     .by = by,
                     .measure = measure,
                     .unit = Mentions(by) ? "mentions" : measure,
                     .rows = std::move(built.rows),
                     .k = k};
  }));
  auto e = security::ActorEvent(actor, "stats.network.read", "statistics", "network",
                                AuditFields(by, measure));
  return security::Audited<StatTable>{std::move(table),
                                      security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<StatTable>> StatsService::Own(const security::Actor& actor,
                                                       const StatsQuery& q) {
  TRY(RequirePermission(actor, perm::kStatsOwn));
  const TimePoint now = clock_.Now();
  const Period period = TRY(ReadPeriod(q, now));
  const std::string measure = TRY(ReadMeasure(q));
  const auto by =
      TRY(ReadBy(q.by, {Strings(kOwnServiceDims), Strings(kOwnLegalDims)}, Strings(kOwnReports)));
  const std::string start = KoreaMidnight(period.from);
  const std::string end = KoreaMidnight(NextDay(period.to));
  const std::string& org = actor.org_id;
  auto table = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<StatTable> {
    StatTable out{.from = period.from, .to = period.to, .by = by, .measure = measure};
    const store::Dialect dialect = tx.dialect();
    auto one_way = [&](const std::vector<std::pair<std::string, std::int64_t>>& pairs,
                       const std::vector<std::string>& prefix) {
      for (const auto& [key, n] : pairs) {
        auto k = prefix;
        k.push_back(key);
        out.rows.push_back({.key = k, .count = n});
      }
    };
    if (In(kOwnServiceDims, by[0])) {
      Subject subject = ServicesSubject(measure, db_.dialect());
      subject.where = "s.org_id = ? AND s.date >= ? AND s.date <= ?";
      subject.params = {org, period.from, period.to};
      const auto sources =
          ServiceSources(measure, std::move(subject),
                         "pc.org_id = ? AND pc.contact_date >= ? AND pc.contact_date <= ?",
                         {org, period.from, period.to});
      std::vector<DimDef> defs;
      for (const auto& name : by) defs.push_back(ServiceDim(name, period));
      out.rows = TRY(BuildTable(tx, sources, defs)).rows;
      out.unit = Mentions(by) ? "mentions" : measure;
    } else if (In(kOwnLegalDims, by[0])) {
      Subject subject{.from = "legal_matters l",
                      .joins = {{"c", "JOIN cases c ON c.id = l.case_id"}},
                      .where = "l.org_id = ? AND l.created_at >= ? AND l.created_at < ?",
                      .params = {org, start, end},
                      .counted = measure == "people" ? "c.person_id" : "l.id",
                      .counted_is_row = measure != "people"};
      std::vector<DimDef> defs;
      for (const auto& name : by) defs.push_back(LegalDim(name));
      out.rows = TRY(BuildTable(tx, {{.subject = std::move(subject), .peer = false}}, defs)).rows;
      out.unit = measure == "people" ? "people" : "matters";
    } else if (by[0] == "emergency_response") {
      const store::Params p{org, start, end};
      auto row = TRY(tx.QueryOne(
          "SELECT COUNT(*), COUNT(acknowledged_at) FROM help_requests WHERE assigned_org_id = ? "
          "AND received_at >= ? AND received_at < ?",
          p));
      out.rows.push_back({.key = {"received"}, .count = row->Int(0)});
      out.rows.push_back({.key = {"acknowledged"}, .count = row->Int(1)});
      const auto seconds = TRY(stats_repo::Column(
          tx,
          "SELECT " + stats_repo::SecondsBetween(dialect, "received_at", "acknowledged_at") +
              " AS d FROM help_requests WHERE assigned_org_id = ? AND received_at >= ? AND "
              "received_at < ? AND acknowledged_at IS NOT NULL ORDER BY d",
          p));
      if (auto s = SpreadOf(seconds)) {
        out.median_seconds = s->median;
        out.p90_seconds = s->p90;
      }
      out.unit = "requests";
    } else if (by[0] == "referral_outcome") {
      for (const auto& [direction, column] :
           {std::pair<std::string, std::string>{"sent", "from_org_id"},
            {"received", "to_org_id"}}) {
        const store::Params p{org, start, end};
        one_way(TRY(stats_repo::Pairs(tx,
                                      "SELECT status, COUNT(*) FROM referrals WHERE " + column +
                                          " = ? AND sent_at >= ? AND sent_at < ? GROUP BY status "
                                          "ORDER BY status",
                                      p)),
                {direction});
        const auto seconds = TRY(stats_repo::Column(
            tx,
            "SELECT " + stats_repo::SecondsBetween(dialect, "sent_at", "answered_at") +
                " AS d FROM referrals WHERE " + column +
                " = ? AND sent_at >= ? AND sent_at < ? AND answered_at IS NOT NULL ORDER BY d",
            p));
        if (auto s = SpreadOf(seconds)) {
          (direction == "sent" ? out.median_seconds_sent : out.median_seconds_received) = s->median;
        }
      }
      out.unit = "referrals";
    } else if (by[0] == "shelter_exit_destination") {
      one_way(TRY(stats_repo::Pairs(
                  tx,
                  "SELECT COALESCE(exit_destination, 'unknown') AS d, COUNT(*) FROM shelter_stays "
                  "WHERE org_id = ? AND exited_on >= ? AND exited_on <= ? "
                  "GROUP BY COALESCE(exit_destination, 'unknown') ORDER BY d",
                  {org, period.from, period.to})),
              {});
      out.unit = "stays";
    } else if (by[0] == "shelter_nights") {
      // The nights of [max(admitted, from), min(exited, to + 1)) of every stay that overlaps
      // (DaysBetween writes its second expression first: its parameters come first).
      const std::string after = NextDay(period.to);
      const std::string first = "(CASE WHEN admitted_on > ? THEN admitted_on ELSE ? END)";
      const std::string last =
          "(CASE WHEN exited_on IS NOT NULL AND exited_on < ? THEN exited_on ELSE ? END)";
      auto row = TRY(tx.QueryOne(
          "SELECT CAST(COALESCE(SUM(" + stats_repo::DaysBetween(dialect, first, last) +
              "), 0) AS BIGINT), COUNT(*) FROM shelter_stays WHERE org_id = ? AND admitted_on <= ? "
              "AND (exited_on IS NULL OR exited_on > ?)",
          {after, after, period.from, period.from, org, period.to, period.from}));
      out.rows.push_back({.key = {"nights"}, .count = row->Int(0)});
      out.rows.push_back({.key = {"stays"}, .count = row->Int(1)});
      out.unit = "nights";
    } else {  // fund_source_kind
      std::int64_t all = 0;
      for (const auto& r : TRY(tx.Query(
               "SELECT f.name, e.kind, CAST(SUM(e.amount) AS BIGINT) FROM fund_entries e JOIN "
               "fund_sources f ON f.id = e.source_id LEFT JOIN fund_entry_approvals a ON "
               "a.entry_id = e.id WHERE e.org_id = ? AND e.paid_on >= ? AND e.paid_on <= ? AND "
               "(e.needs_approval = 0 OR a.decision = 'approved') GROUP BY f.name, e.kind "
               "ORDER BY f.name, e.kind",
               {org, period.from, period.to}))) {
        out.rows.push_back({.key = {r.Text(0), r.Text(1)}, .count = r.Int(2)});
        all += r.Int(2);
      }
      out.rows.push_back({.key = {"", ""}, .count = all});
      out.unit = "won";
    }
    return out;
  }));
  auto e =
      security::ActorEvent(actor, "stats.own.read", "organization", org, AuditFields(by, measure));
  return security::Audited<StatTable>{std::move(table),
                                      security::PendingAudit(reads_, std::move(e))};
}

Result<int> StatsService::K(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kStatsNetwork));
  return db_.ReadValue([&](store::Tx& tx) { return ReadK(tx); });
}

Result<int> StatsService::SetK(const security::Actor& actor, std::int64_t k) {
  TRY(RequirePermission(actor, perm::kStatsSettings));
  if (k < kMinK || k > kMaxK) return Fail(Invalid().Field("k", "stats.k_out_of_range"));
  return db_.WriteValue([&](store::Tx& tx) -> Result<int> {
    TRY(store::WriteSetting(tx, kKSetting, std::to_string(k)));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "stats.settings.update", "statistics", "network", {"k"})));
    return static_cast<int>(k);
  });
}

}  // namespace dandelion::stats
