// The figures of the report templates (model.h), from an organization's own records: each one
// aggregated by the database (COUNT, SUM), as the statistics are (modules/stats).
#include "core/clock.h"
#include "core/korea_date.h"
#include "modules/reports/report_service.h"
#include "modules/stats/model.h"
#include "modules/stats/stats_repo.h"

namespace dandelion::reports {
namespace {

// The first instant of a Korean day, as stored timestamps are written (UTC, RFC 3339).
std::string KoreaMidnight(const std::string& day) {
  TimePoint t;
  ParseRfc3339(day + "T00:00:00+09:00", &t);
  return FormatRfc3339(t);
}

// Adds (prefix + key -> n) for every row of a (key, n) query.
Result<std::int64_t> Grouped(store::Tx& tx, Figures& out, const std::string& prefix,
                             std::string_view sql, const store::Params& params) {
  std::int64_t all = 0;
  for (const auto& [key, n] : TRY(stats::stats_repo::Pairs(tx, sql, params))) {
    out[prefix + key].value += n;
    all += n;
  }
  return all;
}

Result<std::int64_t> One(store::Tx& tx, std::string_view sql, const store::Params& params) {
  auto row = TRY(tx.QueryOne(sql, params));
  return row ? row->Int(0) : 0;
}

}  // namespace

Result<Figures> ComputeFigures(store::Tx& tx, const std::string& org, const ReportPeriod& p) {
  Figures out;
  const std::string start = KoreaMidnight(p.from);
  const std::string end = KoreaMidnight(stats::NextDay(p.to));
  const store::Params days{org, p.from, p.to};
  const store::Params times{org, start, end};

  // People and services.
  out["served.people"].value =
      TRY(One(tx,
              "SELECT COUNT(DISTINCT c.person_id) FROM case_services s JOIN cases c ON c.id = "
              "s.case_id WHERE s.org_id = ? AND s.date >= ? AND s.date <= ?",
              days));
  out["services.total"].value =
      TRY(Grouped(tx, out, "services.",
                  "SELECT type, COUNT(*) FROM case_services WHERE org_id = ? AND date >= ? AND "
                  "date <= ? GROUP BY type",
                  days));
  out["served.new_cases"].value =
      TRY(Grouped(tx, out, "intake.",
                  "SELECT intake_channel, COUNT(*) FROM cases WHERE org_id = ? AND opened_at >= ? "
                  "AND opened_at < ? GROUP BY intake_channel",
                  times));

  // Legal matters: opened by kind; concluded by outcome.
  TRY(Grouped(tx, out, "legal.opened.",
              "SELECT kind, COUNT(*) FROM legal_matters WHERE org_id = ? AND created_at >= ? AND "
              "created_at < ? GROUP BY kind",
              times));
  out["legal.concluded"].value =
      TRY(Grouped(tx, out, "legal.outcome.",
                  "SELECT COALESCE(NULLIF(outcome, ''), 'none'), COUNT(*) FROM legal_matters "
                  "WHERE org_id = ? AND status = 'concluded' AND updated_at >= ? AND updated_at "
                  "< ? GROUP BY COALESCE(NULLIF(outcome, ''), 'none')",
                  times));
  for (auto it = out.lower_bound("legal.outcome."); it != out.end(); ++it) {
    if (!it->first.starts_with("legal.outcome.")) break;
    const std::string word = it->first.substr(std::string_view("legal.outcome.").size());
    it->second.label = word == "none" ? Label{"결과: 기록 없음", "Outcome: not recorded"}
                                      : Label{"결과: " + word, "Outcome: " + word};
  }

  // Emergency requests.
  auto emergency = TRY(tx.QueryOne(
      "SELECT COUNT(*), COUNT(acknowledged_at) FROM help_requests WHERE assigned_org_id = ? AND "
      "received_at >= ? AND received_at < ?",
      times));
  out["rescue.received"].value = emergency ? emergency->Int(0) : 0;
  out["rescue.acknowledged"].value = emergency ? emergency->Int(1) : 0;

  // The shelter: admissions, who lived here, nights, exits by destination.
  auto admissions = TRY(tx.QueryOne(
      "SELECT COUNT(*), COUNT(DISTINCT person_id) FROM shelter_stays WHERE org_id = ? AND "
      "admitted_on >= ? AND admitted_on <= ?",
      days));
  out["stay.admissions"].value = admissions ? admissions->Int(0) : 0;
  out["stay.admitted_people"].value = admissions ? admissions->Int(1) : 0;
  out["stay.residents"].value =
      TRY(One(tx,
              "SELECT COUNT(DISTINCT person_id) FROM shelter_stays WHERE org_id = ? AND "
              "admitted_on <= ? AND (exited_on IS NULL OR exited_on >= ?)",
              {org, p.to, p.from}));
  {
    // The nights of [max(admitted, from), min(exited, to + 1)) of every stay that overlaps
    // (DaysBetween writes its second expression first: its parameters come first).
    const std::string after = stats::NextDay(p.to);
    const std::string first = "(CASE WHEN admitted_on > ? THEN admitted_on ELSE ? END)";
    const std::string last =
        "(CASE WHEN exited_on IS NOT NULL AND exited_on < ? THEN exited_on ELSE ? END)";
    out["stay.nights"].value = TRY(One(
        tx,
        "SELECT CAST(COALESCE(SUM(" + stats::stats_repo::DaysBetween(tx.dialect(), first, last) +
            "), 0) AS BIGINT) FROM shelter_stays WHERE org_id = ? AND admitted_on <= ? "
            "AND (exited_on IS NULL OR exited_on > ?)",
        {after, after, p.from, p.from, org, p.to, p.from}));
  }
  out["stay.exits"].value =
      TRY(Grouped(tx, out, "stay.exit.",
                  "SELECT COALESCE(exit_destination, 'unknown'), COUNT(*) FROM shelter_stays "
                  "WHERE org_id = ? AND exited_on >= ? AND exited_on <= ? GROUP BY "
                  "COALESCE(exit_destination, 'unknown')",
                  days));

  // Self-reliance: programs, enrolments, completions, outcomes.
  out["program.running"].value =
      TRY(One(tx,
              "SELECT COUNT(*) FROM programs WHERE org_id = ? AND starts_on <= ? AND (ends_on IS "
              "NULL OR ends_on >= ?)",
              {org, p.to, p.from}));
  out["program.participants"].value =
      TRY(One(tx,
              "SELECT COUNT(DISTINCT person_id) FROM program_enrollments WHERE org_id = ? AND "
              "enrolled_on <= ? AND (ended_on IS NULL OR ended_on >= ?)",
              {org, p.to, p.from}));
  out["program.enrolled"].value =
      TRY(One(tx,
              "SELECT COUNT(*) FROM program_enrollments WHERE org_id = ? AND enrolled_on >= ? AND "
              "enrolled_on <= ?",
              days));
  TRY(Grouped(tx, out, "program.",
              "SELECT status, COUNT(*) FROM program_enrollments WHERE org_id = ? AND status IN "
              "('completed', 'dropped') AND ended_on >= ? AND ended_on <= ? GROUP BY status",
              days));
  TRY(Grouped(tx, out, "outcomes.",
              "SELECT kind, COUNT(DISTINCT person_id) FROM outcomes WHERE org_id = ? AND "
              "started_on >= ? AND started_on <= ? GROUP BY kind",
              days));

  // Money paid (approved, or needing no approval), by kind and by source.
  std::int64_t all = 0;
  for (const auto& r : TRY(tx.Query(
           "SELECT f.id, f.name, e.kind, CAST(SUM(e.amount) AS BIGINT) FROM fund_entries e JOIN "
           "fund_sources f ON f.id = e.source_id LEFT JOIN fund_entry_approvals a ON "
           "a.entry_id = e.id WHERE e.org_id = ? AND e.paid_on >= ? AND e.paid_on <= ? AND "
           "(e.needs_approval = 0 OR a.decision = 'approved') GROUP BY f.id, f.name, e.kind",
           days))) {
    const std::int64_t amount = r.Int(3);
    out["money.kind." + r.Text(2)].value += amount;
    Figure& source = out["money.source." + r.Text(0)];
    source.value += amount;
    source.label = Label{"재원: " + r.Text(1), "Source: " + r.Text(1)};
    all += amount;
  }
  out["money.total"].value = all;
  return out;
}

}  // namespace dandelion::reports
