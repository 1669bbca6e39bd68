// Periodic reports (docs/api-reports.md, "Reports" in docs/statistics.md): pure rules, no
// database.
//
// A template is the shape of a government form for one kind of organization: sections of rows,
// each row one figure (people 명, services 건, nights, won, …) computed from the organization's
// own records for a period (a quarter "2026-Q3" or a year "2026"). The figures are keyed by row
// key; the service computes them (report_figures.cc) and Fill lays them into the template.
//
// A filed report is frozen as a snapshot, serialized as canonical JSON (object keys sorted, no
// spaces) and signed with the server's Ed25519 key, the key of the audit checkpoints. The signed
// file verifies offline against a public key obtained out of band, never the one inside it.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dandelion::reports {

struct Label {
  std::string ko;
  std::string en;
};

struct RowDef {
  std::string key;  // unique in the template; the figure's key
  Label label;
  std::string unit;  // people | services | cases | matters | requests | stays | nights |
                     // programs | won
};

struct SectionDef {
  std::string key;
  Label title;
  std::vector<RowDef> rows;
  // Rows observed in the data and not fixed by the form (legal outcomes, fund sources): figures
  // whose key starts with this prefix are added after the fixed rows. "" = none.
  std::string open_prefix;
  std::string open_unit;
};

struct Template {
  std::string key;       // counseling_center | support_facility | self_reliance_center
  std::string org_kind;  // the organization kind it serves
  Label title;
  std::vector<SectionDef> sections;
};

// The template for an organization kind; nullptr when the kind files none (the secretariat,
// the survivors' network).
const Template* TemplateFor(std::string_view org_kind);
const std::vector<Template>& Templates();

// "2026-Q3" (a quarter) or "2026" (a year), 2000..2099; its days in Korea, both ends included.
struct ReportPeriod {
  std::string key;
  std::string from;
  std::string to;
};
std::optional<ReportPeriod> ParsePeriod(std::string_view text);

// A figure the data gave: its value, and for an open row its label.
struct Figure {
  std::int64_t value = 0;
  std::optional<Label> label;
};
using Figures = std::map<std::string, Figure>;

struct Row {
  std::string key;
  Label label;
  std::string unit;
  std::int64_t value = 0;
};
struct Section {
  std::string key;
  Label title;
  std::vector<Row> rows;
};

// The template's rows with their figures (0 where the data has none), open rows after them.
std::vector<Section> Fill(const Template& t, const Figures& figures);

// Every row's key and value, in order.
std::vector<std::pair<std::string, std::int64_t>> Values(const std::vector<Section>& sections);

// What changed between the filed figures and the figures now: one entry per row key whose value
// differs (a row only on one side counts as 0 on the other), in the filed order then the new.
struct Change {
  std::string key;
  std::int64_t filed = 0;
  std::int64_t now = 0;
};
std::vector<Change> Compare(const std::vector<Section>& filed, const std::vector<Section>& now);

// The sections as JSON ({"key","title":{"ko","en"},"rows":[{"key","label","unit","value"}]})
// and back. FromJson fails with "report.file_malformed" on another shape.
boost::json::array SectionsJson(const std::vector<Section>& sections);
Result<std::vector<Section>> SectionsFromJson(const boost::json::value& v);

// Canonical JSON: object members sorted by key (bytewise), no whitespace, integers only.
std::string Canonical(const boost::json::value& v);

// The bytes signed for a snapshot: a domain tag, then its canonical JSON.
std::string SignedMessage(const boost::json::value& snapshot);

// The file to keep: {"snapshot","signature","public_key","algorithm":"ed25519"} (hex).
boost::json::object SignedFile(const boost::json::value& snapshot, std::string_view signature,
                               std::string_view public_key);

// Bytes from hex; nullopt when text is not hex.
std::optional<std::string> ParseHex(std::string_view hex);

// What a verified file says.
struct Verified {
  std::string org_id;
  std::string org_name;
  std::string period;
  std::string template_key;
  std::string filed_at;
};
// Verifies a signed file's text against trusted_public_key (32 raw bytes), never the key
// printed in the file. Fails with "report.file_malformed" (not such a file) or
// "report.signature_invalid" (altered, or signed by another key).
Result<Verified> VerifyFile(std::string_view text, std::string_view trusted_public_key);

}  // namespace dandelion::reports
