#include "modules/reports/report_service.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "core/ids.h"
#include "modules/service_support.h"

namespace dandelion::reports {
namespace {

namespace json = boost::json;
namespace perm = security::perm;

constexpr std::string_view kColumns =
    "r.id, r.org_id, r.period, r.template, r.status, r.corrects, r.sections, r.annotations, "
    "r.created_at, r.reviewed_at, r.filed_at, u.display_name";
constexpr std::size_t kAnnotationMax = 2000;

Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }
auto Conflict(std::string key) { return Fail(ErrorCode::kConflict, std::move(key)); }

bool Network(const security::Actor& actor) {
  return security::Allows(perm::kReportsFilings, actor.roles);
}

bool Open(const std::string& status) { return status == "draft" || status == "reviewed"; }

std::string Serialize(const std::map<std::string, std::string>& annotations) {
  json::object o;
  for (const auto& [k, v] : annotations) o[k] = v;
  return json::serialize(o);
}

Result<Report> FromRow(const store::Row& row) {
  Report r{.id = row.Text(0),
           .org_id = row.Text(1),
           .period = row.Text(2),
           .template_key = row.Text(3),
           .status = row.Text(4),
           .corrects = row.Text(5),
           .sections = {},
           .annotations = {},
           .created_at = row.Text(8),
           .reviewed_at = row.Text(9),
           .filed_at = row.Text(10),
           .filed_by = row.Text(11),
           .changes = std::nullopt};
  boost::system::error_code ec;
  json::value sections = json::parse(row.Text(6), ec);
  if (ec) return Fail(ErrorCode::kInternal, "error.internal", "report sections unreadable");
  r.sections = TRY(SectionsFromJson(sections));
  json::value notes = json::parse(row.Text(7), ec);
  if (ec || !notes.is_object()) {
    return Fail(ErrorCode::kInternal, "error.internal", "report annotations unreadable");
  }
  for (const auto& kv : notes.as_object()) {
    if (kv.value().is_string()) r.annotations[std::string(kv.key())] = kv.value().as_string();
  }
  return r;
}

// The report as the actor may see it: their own organization's, or (a network role) a filed
// one of any member; anything else is not found.
Result<Report> Load(store::Tx& tx, const security::Actor& actor, const std::string& id) {
  auto row = TRY(tx.QueryOne("SELECT " + std::string(kColumns) +
                                 " FROM reports r LEFT JOIN users u ON u.id = r.filed_by WHERE "
                                 "r.id = ?",
                             {id}));
  if (!row) return Fail(NotFound());
  Report r = TRY(FromRow(*row));
  if (r.org_id == actor.org_id) return r;
  if (Network(actor) && !Open(r.status)) return r;
  return Fail(NotFound());
}

// Loads a report of the actor's own organization for a change.
Result<Report> LoadOwn(store::Tx& tx, const security::Actor& actor, const std::string& id) {
  Report r = TRY(Load(tx, actor, id));
  if (r.org_id != actor.org_id) return Fail(NotFound());
  return r;
}

struct Org {
  std::string name;
  std::string kind;
};

Result<Org> OrgOf(store::Tx& tx, const std::string& org_id) {
  auto row = TRY(tx.QueryOne("SELECT name, kind FROM organizations WHERE id = ?", {org_id}));
  if (!row) return Fail(NotFound());
  return Org{row->Text(0), row->Text(1)};
}

Result<std::vector<Section>> Compute(store::Tx& tx, const std::string& org_id,
                                     const std::string& template_key, const std::string& period) {
  const Template* t = nullptr;
  for (const auto& candidate : Templates()) {
    if (candidate.key == template_key) t = &candidate;
  }
  auto p = ParsePeriod(period);
  if (!t || !p) return Fail(ErrorCode::kInternal, "error.internal", "report template or period");
  return Fill(*t, TRY(ComputeFigures(tx, org_id, *p)));
}

Result<void> Insert(store::Tx& tx, const Report& r, const std::string& user_id) {
  TRY(tx.Exec(
      "INSERT INTO reports (id, org_id, period, template, status, corrects, sections, "
      "annotations, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id, r.org_id, r.period, r.template_key, r.status, store::TextOrNull(r.corrects),
       json::serialize(SectionsJson(r.sections)), Serialize(r.annotations), user_id, r.created_at,
       r.created_at}));
  return Ok();
}

Result<bool> HasOpenDraft(store::Tx& tx, const std::string& org_id, const std::string& period) {
  auto row = TRY(tx.QueryOne(
      "SELECT 1 FROM reports WHERE org_id = ? AND period = ? AND status IN ('draft', 'reviewed')",
      {org_id, period}));
  return row.has_value();
}

Result<std::vector<Report>> Query(store::Tx& tx, std::string_view where,
                                  const store::Params& params) {
  std::vector<Report> out;
  for (const auto& row :
       TRY(tx.Query("SELECT " + std::string(kColumns) +
                        " FROM reports r LEFT JOIN users u ON u.id = r.filed_by WHERE " +
                        std::string(where) + " ORDER BY r.period DESC, r.created_at DESC, r.id",
                    params))) {
    out.push_back(TRY(FromRow(row)));
  }
  return out;
}

Result<std::string> ReadPeriodText(const std::string& period, bool required) {
  if (period.empty() && !required) return period;
  if (!ParsePeriod(period)) return Fail(Invalid().Field("period", "report.period_invalid"));
  return period;
}

}  // namespace

Result<Report> ReportService::Create(const security::Actor& actor, const std::string& period) {
  TRY(RequirePermission(actor, perm::kReportsPrepare));
  TRY(ReadPeriodText(period, true));
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Report> {
    const Org org = TRY(OrgOf(tx, actor.org_id));
    const Template* t = TemplateFor(org.kind);
    if (!t) return Conflict("report.no_template");
    if (TRY(HasOpenDraft(tx, actor.org_id, period))) return Conflict("report.open_draft");
    if (TRY(tx.QueryOne("SELECT 1 FROM reports WHERE org_id = ? AND period = ? AND status = "
                        "'filed'",
                        {actor.org_id, period}))) {
      return Conflict("report.already_filed");
    }
    Report r{.id = NewId(),
             .org_id = actor.org_id,
             .period = period,
             .template_key = t->key,
             .status = "draft",
             .sections = TRY(Compute(tx, actor.org_id, t->key, period)),
             .created_at = now};
    TRY(Insert(tx, r, actor.user_id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "report.create", "report", r.id, {period})));
    return r;
  });
}

Result<security::Audited<std::vector<Report>>> ReportService::List(const security::Actor& actor,
                                                                   const std::string& period) {
  TRY(RequirePermission(actor, perm::kReportsRead));
  TRY(ReadPeriodText(period, false));
  auto items = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Report>> {
    std::string where;
    store::Params params;
    if (Network(actor)) {
      where = "(r.org_id = ? OR r.status IN ('filed', 'superseded'))";
    } else {
      where = "r.org_id = ?";
    }
    params.emplace_back(actor.org_id);
    if (!period.empty()) {
      where += " AND r.period = ?";
      params.emplace_back(period);
    }
    return Query(tx, where, params);
  }));
  auto e = security::ActorEvent(
      actor, "report.list", "report", "",
      period.empty() ? std::vector<std::string>{} : std::vector<std::string>{period});
  return security::Audited<std::vector<Report>>{std::move(items),
                                                security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<Report>> ReportService::Get(const security::Actor& actor,
                                                     const std::string& id) {
  TRY(RequirePermission(actor, perm::kReportsRead));
  auto r = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<Report> {
    Report r = TRY(Load(tx, actor, id));
    if (!Open(r.status)) {
      r.changes = Compare(r.sections, TRY(Compute(tx, r.org_id, r.template_key, r.period)));
    }
    return r;
  }));
  auto e = security::ActorEvent(actor, "report.read", "report", id, {}, r.org_id);
  return security::Audited<Report>{std::move(r), security::PendingAudit(reads_, std::move(e))};
}

Result<Report> ReportService::Recompute(const security::Actor& actor, const std::string& id) {
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Report> {
    Report r = TRY(LoadOwn(tx, actor, id));
    if (!Open(r.status)) return Conflict("report.filed");
    r.sections = TRY(Compute(tx, r.org_id, r.template_key, r.period));
    r.status = "draft";
    r.reviewed_at.clear();
    TRY(tx.Exec(
        "UPDATE reports SET sections = ?, status = 'draft', reviewed_by = NULL, reviewed_at = "
        "NULL, updated_at = ? WHERE id = ?",
        {json::serialize(SectionsJson(r.sections)), now, id}));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "report.refresh", "report", id, {r.period})));
    return r;
  });
}

Result<Report> ReportService::Refresh(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kReportsPrepare));
  return Recompute(actor, id);
}

Result<Report> ReportService::Annotate(const security::Actor& actor, const std::string& id,
                                       const std::map<std::string, std::string>& annotations) {
  TRY(RequirePermission(actor, perm::kReportsPrepare));
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Report> {
    Report r = TRY(LoadOwn(tx, actor, id));
    if (!Open(r.status)) return Conflict("report.filed");
    std::set<std::string> keys;
    for (const auto& [key, value] : Values(r.sections)) keys.insert(key);
    Error e = Invalid();
    std::vector<std::string> fields;
    for (const auto& [key, text] : annotations) {
      if (!keys.contains(key)) {
        e.Field(key, "report.unknown_row");
        continue;
      }
      fields.push_back(key);
      if (Blank(text)) {
        r.annotations.erase(key);
      } else {
        r.annotations[key] = text;
      }
    }
    if (!e.fields.empty()) return Fail(std::move(e));
    r.status = "draft";
    r.reviewed_at.clear();
    TRY(tx.Exec(
        "UPDATE reports SET annotations = ?, status = 'draft', reviewed_by = NULL, reviewed_at "
        "= NULL, updated_at = ? WHERE id = ?",
        {Serialize(r.annotations), now, id}));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "report.annotate", "report", id, fields)));
    return r;
  });
}

Result<Report> ReportService::Review(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kReportsReview));
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Report> {
    Report r = TRY(LoadOwn(tx, actor, id));
    if (!Open(r.status)) return Conflict("report.filed");
    r.status = "reviewed";
    r.reviewed_at = now;
    TRY(tx.Exec(
        "UPDATE reports SET status = 'reviewed', reviewed_by = ?, reviewed_at = ?, updated_at = "
        "? WHERE id = ?",
        {actor.user_id, now, now, id}));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "report.review", "report", id, {r.period})));
    return r;
  });
}

Result<Report> ReportService::File(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kReportsPrepare));
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Report> {
    Report r = TRY(LoadOwn(tx, actor, id));
    if (!Open(r.status)) return Conflict("report.filed");
    if (r.status != "reviewed") return Conflict("report.not_reviewed");
    // Ownership and state first (another organization's id answers 404), then the password.
    TRY(auth_.RequireRecentReauth(actor));
    const Org org = TRY(OrgOf(tx, r.org_id));
    auto user = TRY(tx.QueryOne("SELECT display_name FROM users WHERE id = ?", {actor.user_id}));
    r.filed_by = user ? user->Text(0) : "";
    r.filed_at = now;
    r.status = "filed";
    json::object notes;
    for (const auto& [k, v] : r.annotations) notes[k] = v;
    json::object snapshot{
        {"report_id", r.id},
        {"organization", json::object{{"id", r.org_id}, {"name", org.name}, {"kind", org.kind}}},
        {"period", r.period},
        {"template", r.template_key},
        {"sections", SectionsJson(r.sections)},
        {"annotations", std::move(notes)},
        {"filed_at", r.filed_at},
        {"filed_by", r.filed_by},
        {"corrects", r.corrects.empty() ? json::value(nullptr) : json::value(r.corrects)}};
    const std::string signature = audit_.SignDocument(SignedMessage(snapshot));
    if (!r.corrects.empty()) {
      TRY(tx.Exec("UPDATE reports SET status = 'superseded' WHERE id = ? AND status = 'filed'",
                  {r.corrects}));
    }
    TRY(
        tx.Exec("UPDATE reports SET status = 'filed', filed_by = ?, filed_at = ?, snapshot = ?, "
                "signature = ?, public_key = ?, updated_at = ? WHERE id = ?",
                {actor.user_id, now, Canonical(snapshot), ToHex(signature),
                 ToHex(audit_.PublicKey()), now, id}));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "report.file", "report", id, {r.period})));
    r.changes = std::vector<Change>{};
    return r;
  });
}

Result<Report> ReportService::Correction(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kReportsPrepare));
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Report> {
    Report filed = TRY(LoadOwn(tx, actor, id));
    if (filed.status != "filed") {
      return Conflict(Open(filed.status) ? "report.not_filed" : "report.superseded");
    }
    if (TRY(HasOpenDraft(tx, filed.org_id, filed.period))) return Conflict("report.open_draft");
    Report r{.id = NewId(),
             .org_id = filed.org_id,
             .period = filed.period,
             .template_key = filed.template_key,
             .status = "draft",
             .corrects = filed.id,
             .sections = TRY(Compute(tx, filed.org_id, filed.template_key, filed.period)),
             .annotations = filed.annotations,
             .created_at = now};
    TRY(Insert(tx, r, actor.user_id));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "report.correction", "report", r.id, {filed.id})));
    return r;
  });
}

Result<security::Audited<SignedReport>> ReportService::Signed(const security::Actor& actor,
                                                              const std::string& id) {
  TRY(RequirePermission(actor, perm::kReportsRead));
  std::string org_id;
  auto out = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<SignedReport> {
    Report r = TRY(Load(tx, actor, id));
    if (Open(r.status)) return Conflict("report.not_filed");
    org_id = r.org_id;
    auto row =
        TRY(tx.QueryOne("SELECT snapshot, signature, public_key FROM reports WHERE id = ?", {id}));
    boost::system::error_code ec;
    json::value snapshot = json::parse(row->Text(0), ec);
    if (ec) return Fail(ErrorCode::kInternal, "error.internal", "report snapshot unreadable");
    json::object file{{"snapshot", std::move(snapshot)},
                      {"signature", row->Text(1)},
                      {"public_key", row->Text(2)},
                      {"algorithm", "ed25519"}};
    return SignedReport{json::serialize(file), "report-" + r.period + "-" + r.id + ".json"};
  }));
  auto e = security::ActorEvent(actor, "report.signed.read", "report", id, {}, org_id);
  return security::Audited<SignedReport>{std::move(out),
                                         security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<std::vector<Filing>>> ReportService::Filings(const security::Actor& actor,
                                                                      const std::string& period) {
  TRY(RequirePermission(actor, perm::kReportsFilings));
  TRY(ReadPeriodText(period, true));
  auto items = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Filing>> {
    std::vector<Filing> out;
    for (const auto& o : TRY(tx.Query("SELECT id, slug, name, kind, region FROM organizations "
                                      "WHERE kind <> 'secretariat' ORDER BY region, slug"))) {
      Filing f{.org_id = o.Text(0),
               .org_slug = o.Text(1),
               .org_name = o.Text(2),
               .org_kind = o.Text(3),
               .region = o.Text(4),
               .status = "not_started"};
      if (const Template* t = TemplateFor(f.org_kind)) f.template_key = t->key;
      for (const auto& r : TRY(tx.Query("SELECT id, status, corrects, filed_at FROM reports WHERE "
                                        "org_id = ? AND period = ? ORDER BY created_at",
                                        {f.org_id, period}))) {
        const std::string status = r.Text(1);
        if (status == "filed") {
          f.status = r.IsNull(2) ? "filed" : "corrected";
          f.filed_at = r.Text(3);
          f.report_id = r.Text(0);
        } else if (Open(status) && f.report_id.empty()) {
          f.status = "draft";
        }
      }
      out.push_back(std::move(f));
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "report.filings.read", "report", "", {period});
  return security::Audited<std::vector<Filing>>{std::move(items),
                                                security::PendingAudit(reads_, std::move(e))};
}

}  // namespace dandelion::reports
