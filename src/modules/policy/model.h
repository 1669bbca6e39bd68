// The policy monitor's pure rules (docs/api-policy.md): vocabularies, the current status of an
// item from its append-only history, the ordinance score, the map's region and municipality
// statuses, and reading the open-data CSV lists.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dandelion::policy {

std::span<const std::string_view> ItemKinds();
std::span<const std::string_view> Stances();
std::span<const std::string_view> Statuses();
std::span<const std::string_view> CriterionKinds();
std::span<const std::string_view> EventKinds();
std::span<const std::string_view> SubmissionKinds();
bool IsOneOf(std::span<const std::string_view> list, std::string_view value);

// -- status history ------------------------------------------------------------------------------

struct StatusEntry {
  int64_t seq = 0;
  std::string status;
  std::string on;  // YYYY-MM-DD, Korea
};

// The entry in force: the latest by date, and among one date the last recorded. nullopt for an
// empty history.
std::optional<StatusEntry> CurrentStatus(std::span<const StatusEntry> history);
bool InForce(std::string_view status);     // enacted, amended
bool Considered(std::string_view status);  // proposed, under_review

// Which jurisdictions an item of this kind may have: ordinances a region or a municipality,
// laws and decrees the nation; the rest any. False when the pair is not allowed.
bool KindFitsLevel(std::string_view kind, std::string_view level);

// -- scorecard -----------------------------------------------------------------------------------

struct Criterion {
  std::string key;
  std::string label_ko;
  std::string label_en;
  std::string kind;  // yes_no, amount, months
  int64_t position = 0;
  bool retired = false;
};

bool IsCriterionKey(std::string_view key);  // [a-z][a-z0-9_]{1,39}
// yes_no: value 1; amount and months: value > 0.
bool Met(std::string_view kind, std::optional<int64_t> value);
// Met active criteria × 100 / active criteria, rounded down; 0 when there are none.
int64_t Score(std::span<const Criterion> criteria,
              const std::map<std::string, int64_t, std::less<>>& values);
// Active criteria not met.
std::vector<std::string> Gaps(std::span<const Criterion> criteria,
                              const std::map<std::string, int64_t, std::less<>>& values);

// -- map -----------------------------------------------------------------------------------------

struct MapOrdinance {
  std::string jurisdiction;  // a region or municipality code
  std::string status;        // current
  std::optional<int64_t> score;
};

struct MapCell {
  std::string code;
  std::string status;  // in_force, municipal, considering, none (municipality: no municipal)
  int64_t ordinances = 0;
  std::optional<int64_t> score;
};

// All 17 regions in code order.
std::vector<MapCell> DeriveMap(std::span<const MapOrdinance> ordinances);
// One region's municipalities in code order.
std::vector<MapCell> DeriveMunicipalities(std::string_view region,
                                          std::span<const MapOrdinance> ordinances);
MapCell DeriveRegion(std::string_view region, std::span<const MapOrdinance> ordinances);

// -- CSV -----------------------------------------------------------------------------------------

struct CsvRecord {
  int64_t row = 0;  // 1-based, the header is row 1
  std::vector<std::string> fields;
  std::string error;  // "" or why the record is malformed: "quote", "utf8"
};

// RFC 4180 records (comma, double quotes, "" inside quotes, CRLF or LF, newlines inside quotes),
// a leading UTF-8 BOM skipped, blank lines skipped. A record with bad quoting or bytes that are
// not UTF-8 is returned with its error; reading goes on at the next line.
std::vector<CsvRecord> ParseCsv(std::string_view text);
bool ValidUtf8(std::string_view s);

// "20211230", "2021-12-30", "2021.12.30" (also "2021. 12. 30.") → "2021-12-30"; nullopt when
// not a real date.
std::optional<std::string> ParseDay(std::string_view text);

// A row of an open-data list, as an item: its key, what it is, and the status entries it
// brings, oldest first (an ordinance row one; a bill row its proposal, its referral to committee
// and its decision, as far as they happened).
struct DatedStatus {
  std::string status;
  std::string on;
};
struct ImportRow {
  std::string external_id;
  std::string title;
  std::string jurisdiction;
  std::string kind;  // ordinance, guideline, bill
  std::vector<DatedStatus> statuses;
  std::string topic;
};

// The row, or the refusal reason ("malformed", "unknown_jurisdiction") with a detail key.
struct RowRefusal {
  std::string reason;
  std::string message_key;
};

// A CSV field without surrounding blanks; a column index that may be absent (-1) or past the
// row's end reads as "".
std::string Trim(std::string_view s);
const std::string& At(const std::vector<std::string>& fields, int i);

// -- the local-ordinance list (자치법규 목록, 국가법령정보센터)
// --------------------------------------

struct OrdinanceLayout {
  int id = -1, title = -1, government = -1, kind = -1, change = -1, promulgated = -1,
      effective = -1, field = -1;
};

// The layout from the header; nullopt and the missing column names otherwise.
std::optional<OrdinanceLayout> ReadOrdinanceHeader(const std::vector<std::string>& header,
                                                   std::vector<std::string>& missing);
std::optional<RowRefusal> ReadOrdinanceRow(const OrdinanceLayout& layout,
                                           const std::vector<std::string>& fields, ImportRow& out);

// -- the National Assembly's bill list (의안 목록, 의안정보시스템)
// ------------------------------------

struct BillLayout {
  int id = -1, title = -1, proposed = -1, committee = -1, referred = -1, decided = -1, result = -1;
};

// 의안번호, 의안명 and 제안일자 are required; 소관위원회, 소관위회부일, 의결일자 and
// 의결결과 (or 처리결과) are read when present.
std::optional<BillLayout> ReadBillHeader(const std::vector<std::string>& header,
                                         std::vector<std::string>& missing);
// A bill of the nation (KR): proposed on 제안일자; under review on 소관위회부일; enacted (가결) or
// rejected (부결, 폐기, 철회) on 의결일자. A decision needs both its date and its result.
std::optional<RowRefusal> ReadBillRow(const BillLayout& layout,
                                      const std::vector<std::string>& fields, ImportRow& out);

}  // namespace dandelion::policy
