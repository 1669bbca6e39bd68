// `dandelion generate` (hidden, for bench/cases_bench and bench/stats_bench): fills one
// organization of a demo or test data dir with many synthetic people, their cases and services,
// fast enough for a benchmark. Services are spread over the three years before today and six
// women in ten give a statistics consent, so that statistics have months, years and a network
// share to count.
//
// One service call per record would commit (and fsync) a transaction per record; this writes a
// batch of people per transaction instead, through the same repos and the same ciphers as the
// services — every identifying field, summary and note sealed under each person's own key, her
// name and phone indexed blind — so what the benchmark then reads and decrypts is what real data
// would be. Each batch leaves one audit entry, "bench.generate", with counts in no value.
//
// Refuses any data dir that is not a demo or test one: it writes no per-record audit trail.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>

#include "app/commands.h"
#include "app/services.h"
#include "core/ids.h"
#include "core/korea_date.h"
#include "modules/cases/case_repo.h"
#include "modules/cases/model.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"

namespace dandelion::app {
namespace {

// The phone of the i-th generated person; bench/cases_bench derives the same list.
std::string BenchPhone(int64_t i) {
  char out[24];
  std::snprintf(out, sizeof out, "010-%04d-%04d", static_cast<int>(1000 + (i / 10000) % 9000),
                static_cast<int>(i % 10000));
  return out;
}

Result<std::string> UserId(store::Database& db, const std::string& org_id,
                           const std::string& username) {
  std::string id;
  auto r = db.Read([&](store::Tx& tx) -> Result<void> {
    auto rows =
        tx.Query("SELECT id FROM users WHERE org_id = ? AND username = ?", {org_id, username});
    if (!rows) return Fail(rows.error());
    if (rows->empty()) {
      return Fail(ErrorCode::kNotFound, "error.not_found", "no user " + username + " in the org");
    }
    id = (*rows)[0].Text(0);
    return Ok();
  });
  if (!r) return Fail(r.error());
  return id;
}

struct Batch {
  int64_t first = 0;
  int64_t people = 0;
  int64_t services_per_person = 0;
  int64_t extra_services = 0;  // the first extra_services people get one more
};

}  // namespace

Result<void> Generate(const GenerateOptions& o) {
  auto s = Services::Open(o.data_dir, 1);
  if (!s) return Fail(s.error());
  Services& services = **s;
  if (!services.config.demo && !services.config.test_mode) {
    return Fail(ErrorCode::kForbidden, "error.forbidden",
                "generate writes synthetic data only into a demo or test data dir");
  }
  const auto console = security::Actor::Console();
  auto orgs = services.orgs->List(console);
  if (!orgs) return Fail(orgs.error());
  const network::Organization* org = nullptr;
  for (const auto& candidate : *orgs) {
    if (candidate.slug == o.org_slug) org = &candidate;
  }
  if (!org) return Fail(ErrorCode::kNotFound, "error.not_found", "no organization " + o.org_slug);
  auto worker = UserId(*services.db, org->id, o.worker);
  if (!worker) return Fail(worker.error());
  auto colleague = UserId(*services.db, org->id, o.colleague);
  if (!colleague) return Fail(colleague.error());
  std::ofstream ids(o.case_ids_out, std::ios::trunc);
  if (!ids) return Fail(ErrorCode::kInternal, "error.internal", "cannot write " + o.case_ids_out);

  constexpr std::string_view kSituations[] = {"red_light_district", "entertainment_establishment",
                                              "online", "massage_parlour"};
  constexpr std::string_view kRisks[] = {"low", "medium", "high", "critical"};
  constexpr std::string_view kServiceTypes[] = {"counseling", "medical", "legal_assistance",
                                                "housing"};
  std::mt19937_64 dice(20260302);
  const auto started = std::chrono::steady_clock::now();
  const std::string prefix = people::CodePrefix(org->slug);
  int64_t written_services = 0;
  const int64_t her_stride = std::max<int64_t>(1, o.people / 100);
  for (int64_t first = 0; first < o.people; first += o.batch) {
    const int64_t count = std::min(o.batch, o.people - first);
    auto r = services.db->Write([&](store::Tx& tx) -> Result<void> {
      const TimePoint now = services.clock->Now();
      const std::string at = FormatRfc3339(now);
      const int year = std::stoi(at.substr(0, 4));
      for (int64_t i = first; i < first + count; ++i) {
        people::Person p;
        p.id = NewId();
        p.org_id = org->id;
        p.legal_name = "(벤치) 가상인물 " + std::to_string(i);
        p.alias = "(벤치) " + std::to_string(i);
        p.birth_date = std::to_string(1970 + i % 35) + "-0" + std::to_string(1 + i % 9) + "-15";
        p.age_band = people::AgeBand(p.birth_date, now);
        p.phone = BenchPhone(i);
        p.safe_contact = "(벤치) 문자만";
        p.nationality = "KR";
        p.languages = {"ko"};
        p.created_at = p.updated_at = at;
        auto seq = people::person_repo::NextCodeSeq(tx, p.org_id, year);
        if (!seq) return Fail(seq.error());
        p.code = people::FormatCode(prefix, year, *seq);
        people::person_repo::StoredPerson row{.id = p.id,
                                              .org_id = p.org_id,
                                              .code = p.code,
                                              .code_year = year,
                                              .code_seq = *seq,
                                              .age_band = p.age_band,
                                              .created_at = at,
                                              .updated_at = at};
        TRY(people::person_repo::Insert(tx, row));
        auto cipher = people::PersonCipher::Create(tx, *services.keyring, p.org_id, p.id, at);
        if (!cipher) return Fail(cipher.error());
        cipher->SealInto(p, row);
        auto index = people::IndexPerson(tx, *services.keyring, p.org_id, p.legal_name, p.phone);
        if (!index) return Fail(index.error());
        row.legal_name_index = index->legal_name;
        row.phone_index = index->phone;
        row.index_key_version = index->key_version;
        row.nationality = p.nationality;
        row.languages = people::JoinList(p.languages);
        TRY(people::person_repo::Update(tx, row));

        auto number = cases::case_repo::NextNumberSeq(tx, p.org_id, year);
        if (!number) return Fail(number.error());
        // Most cases closed, as in a long-lived organization. The worker carries about a hundred
        // open cases whatever the size, as a case worker does (a larger network has more
        // workers, not a heavier load on each); her colleague carries the rest.
        const bool hers = i % her_stride == 0;
        const bool open = dice() % 100 < 30 || hers;
        cases::case_repo::StoredCase c{
            .id = NewId(),
            .org_id = p.org_id,
            .person_id = p.id,
            .number = cases::FormatCaseNumber(prefix, year, *number),
            .number_year = year,
            .number_seq = *number,
            .status = open ? "open" : "closed",
            .intake_channel = "hotline",
            .situation = std::string(kSituations[dice() % std::size(kSituations)]),
            .risk_level = std::string(kRisks[dice() % std::size(kRisks)]),
            .opened_at = at,
            .closed_at = open ? "" : at,
            .closure_reason = open ? "" : "goals_met",
            .created_by = *worker,
            .updated_at = at};
        c.summary =
            cipher->SealRecord("cases", "summary", c.id,
                               "(벤치) 합성 사례 요약: 주거와 의료 지원 상담 " + std::to_string(i));
        c.safety_plan = cipher->SealRecord("cases", "safety_plan", c.id, "(벤치) 안전 계획");
        if (!open) c.closure_note = cipher->SealRecord("cases", "closure_note", c.id, "(벤치)");
        TRY(cases::case_repo::Insert(tx, c));
        const std::string& assignee = hers ? *worker : *colleague;
        TRY(cases::case_repo::SetWorkers(tx, c.id, {assignee}, at));
        ids << c.id << '\n';

        if (dice() % 10 < 6) {
          auto w = tx.Exec(
              "INSERT INTO consents (id, person_id, org_id, kind, method, given_at, recorded_by) "
              "VALUES (?, ?, ?, 'statistics', 'written', ?, ?)",
              {NewId(), p.id, p.org_id, at, *worker});
          if (!w) return Fail(w.error());
        }

        const int64_t n = o.services / o.people + (i < o.services % o.people ? 1 : 0);
        for (int64_t k = 0; k < n; ++k) {
          const std::string id = NewId();
          const std::string outcome = "(벤치) 결과 " + std::to_string(k);
          const std::string notes =
              "(벤치) 서비스 메모 " + std::to_string(i) + "-" + std::to_string(k);
          auto w = tx.Exec(
              "INSERT INTO case_services (id, case_id, org_id, type, date, minutes, provider, "
              "outcome, notes, amount, recorded_by, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {id, c.id, c.org_id, std::string(kServiceTypes[k % std::size(kServiceTypes)]),
               KoreaDate(now - std::chrono::hours(24 * static_cast<int64_t>(dice() % 1095))),
               int64_t{60}, std::string(),
               store::Blob{cipher->SealRecord("case_services", "outcome", id, outcome)},
               store::Blob{cipher->SealRecord("case_services", "notes", id, notes)},
               store::Value(nullptr), *worker, at});
          if (!w) return Fail(w.error());
          ++written_services;
        }
      }
      security::AuditEvent e =
          security::ActorEvent(console, "bench.generate", "organization", org->id, {}, org->id);
      TRY(services.audit->Append(tx, e));
      return Ok();
    });
    if (!r) return Fail(r.error());
    // A line every ten batches, and the last.
    if ((first / o.batch) % 10 != 9 && first + count < o.people) continue;
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "  " << first + count << "/" << o.people << " people, " << written_services
              << " services, " << static_cast<int64_t>(secs) << " s\n"
              << std::flush;
  }
  ids.flush();
  if (!ids) return Fail(ErrorCode::kInternal, "error.internal", "cannot write " + o.case_ids_out);
  return Ok();
}

}  // namespace dandelion::app
