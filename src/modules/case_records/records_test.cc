// The case-record services against a real (SQLite) database: the door (permission, same
// organization, restriction), sealing, the timeline and last contact, audit without values, and
// that a refused or invalid call writes nothing.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/ids.h"
#include "modules/case_records/case_records.h"
#include "modules/cases/case_service.h"
#include "modules/people/people_service.h"
#include "testing/test_world.h"

namespace dandelion::case_records {
namespace {

using testing::At;

class CaseRecordsTest : public testing::WorldTest {
 protected:
  CaseRecordsTest() : WorldTest({.start = At("2026-03-02T09:00:00Z")}) {}

  void SetUp() override {
    WorldTest::SetUp();
    org_a_ = AddOrg("seoul1-center");
    org_b_ = AddOrg("busan-shelter");
    worker_ = User(org_a_, "worker", "case_worker");
    other_worker_ = User(org_a_, "other", "case_worker");
    supervisor_ = User(org_a_, "super", "supervisor");
    stranger_ = User(org_b_, "stranger", "case_worker");
    people::PersonFields minji;
    minji.legal_name = "김민지";
    minji.alias = "들꽃";
    minji.safe_contact = "문자 남기지 말 것";
    person_id_ = testing::Must(people_->Create(worker_, minji)).id;
    case_id_ = OpenCase(false);
  }

  // A user row (cases refer to users) and the actor of her requests.
  security::Actor User(const std::string& org_id, const std::string& name, const char* role) {
    return AddUser(org_id, name + "-" + org_id, role, "사용자 " + name);
  }

  std::string OpenCase(bool restricted) { return OpenCaseOf(person_id_, restricted); }

  std::string OpenCaseOf(const std::string& person_id, bool restricted) {
    cases::CaseFields f;
    f.person_id = person_id;
    f.intake_channel = "hotline";
    f.risk_level = "high";
    f.summary = "요약";
    f.restricted = restricted;
    return testing::Must(cases_->Open(worker_, f)).id;
  }

  std::string Bytes(const std::string& sql) {
    std::string out;
    testing::Must(db_->Read([&](store::Tx& tx) -> Result<void> {
      auto row = tx.QueryOne(sql);
      if (!row) return Fail(row.error());
      if (*row) out = (*row)->BlobBytes(0);
      return Ok();
    }));
    return out;
  }

  std::string org_a_, org_b_, person_id_, case_id_;
  security::Actor worker_, other_worker_, supervisor_, stranger_;
};

TEST_F(CaseRecordsTest, AServiceIsSealedTimelinedAuditedAndCountsAsContact) {
  ServiceFields f{.type = "court_accompaniment",
                  .date = "2026-03-01",
                  .minutes = 180,
                  .provider = "법률지원단",
                  .outcome = "증인 출석",
                  .notes = "포주가 법정 밖에서 기다림",
                  .amount = 0};
  auto s = records_->services.Record(worker_, case_id_, f);
  ASSERT_TRUE(s) << s.error().detail;
  EXPECT_EQ(Text("SELECT type FROM case_services"), "court_accompaniment");
  EXPECT_EQ(Bytes("SELECT notes FROM case_services").find("포주"), std::string::npos);
  EXPECT_EQ(Bytes("SELECT outcome FROM case_services").find("증인"), std::string::npos);
  EXPECT_EQ(Text("SELECT label FROM case_timeline WHERE kind = 'service'"), "court_accompaniment");
  EXPECT_EQ(Text("SELECT last_contact_at FROM cases WHERE id = '" + case_id_ + "'"),
            "2026-03-01T00:00:00Z");
  auto listed = records_->services.List(other_worker_, case_id_);
  ASSERT_TRUE(listed) << listed.error().detail;
  ASSERT_EQ(listed->value.size(), 1u);
  EXPECT_EQ(listed->value[0].fields.notes, f.notes);
  EXPECT_EQ(listed->value[0].fields.outcome, f.outcome);
  ASSERT_TRUE(listed->audit.Wait());  // owed to the reads' group commit until now
  auto created = AuditOf("service.create");
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0].fields, (std::vector<std::string>{"type", "date", "minutes", "provider",
                                                         "outcome", "notes", "amount"}));
  EXPECT_EQ(AuditOf("service.list").size(), 1u);
}

TEST_F(CaseRecordsTest, AnotherOrganizationGets404AndATrace) {
  ServiceFields f{.type = "counseling", .date = "2026-03-01", .minutes = 50};
  auto s = records_->services.Record(stranger_, case_id_, f);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_services"), 0);
  auto trace = AuditOf("service.create");
  ASSERT_EQ(trace.size(), 1u);
  EXPECT_EQ(trace[0].outcome, "not_found");
  EXPECT_EQ(records_->notes.List(stranger_, case_id_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(records_->consents.List(stranger_, person_id_).error().code, ErrorCode::kNotFound);
  // A refused read's entry is on disk before the refusal is returned.
  auto refused = AuditOf("consent.list");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].outcome, "not_found");
}

TEST_F(CaseRecordsTest, ARestrictedCaseNeedsAssignmentSupervisionOrBreakGlass) {
  const std::string restricted = OpenCase(true);
  auto refused = records_->notes.Add(other_worker_, restricted, "기록", std::nullopt);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kBreakGlassRequired);
  EXPECT_TRUE(records_->notes.Add(worker_, restricted, "담당자 기록", std::nullopt));
  EXPECT_TRUE(records_->notes.List(supervisor_, restricted));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_notes"), 1);
  // A file of hers: the refusal is recorded on the case, as a change's would be.
  auto f = records_->files.Upload(worker_, restricted, "medical_letter", "소견서.pdf", "내용");
  ASSERT_TRUE(f) << f.error().detail;
  EXPECT_EQ(records_->files.Download(other_worker_, f->id).error().code,
            ErrorCode::kBreakGlassRequired);
  auto trace = AuditOf("file.read");
  ASSERT_EQ(trace.size(), 1u);
  EXPECT_EQ(trace[0].outcome, "break_glass_required");
  EXPECT_EQ(trace[0].entity_type, "case");
  EXPECT_EQ(trace[0].entity_id, restricted);
  EXPECT_TRUE(trace[0].fields.empty());
}

TEST_F(CaseRecordsTest, AnOpenCaseOfARestrictedWomanIsClosedAsSheIs) {
  ASSERT_TRUE(records_->appointments.Create(
      worker_, case_id_, {.starts_at = At("2026-03-03T10:00:00Z"), .kind = "therapy"}));
  const std::string restricted = OpenCase(true);
  // Her open case, her consents and her appointments now need the glass broken.
  auto refused = records_->notes.List(other_worker_, case_id_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kBreakGlassRequired);
  EXPECT_EQ(refused.error().refs.at("break_glass_cases"), std::vector<std::string>{restricted});
  EXPECT_EQ(records_->consents.List(other_worker_, person_id_).error().code,
            ErrorCode::kBreakGlassRequired);
  CalendarQuery q{
      .from = At("2026-03-02T00:00:00Z"), .to = At("2026-03-09T00:00:00Z"), .organization = true};
  auto seen = records_->appointments.Calendar(other_worker_, q);
  ASSERT_TRUE(seen);
  ASSERT_EQ(seen->value.size(), 1u);
  EXPECT_FALSE(seen->value[0].person);
  EXPECT_EQ(AuditOf("note.list").front().outcome, "break_glass_required");
  // Her workers and the supervisors keep her.
  EXPECT_TRUE(records_->notes.List(worker_, case_id_));
  EXPECT_EQ(AuditOf("consent.list").front().outcome, "break_glass_required");
  auto kept = records_->consents.List(supervisor_, person_id_);
  ASSERT_TRUE(kept);
  ASSERT_TRUE(kept->audit.Wait());
  EXPECT_EQ(AuditOf("consent.list").front().outcome, "ok");
  // A grant on her restricted case opens her other case too, and says so in the log.
  ASSERT_TRUE(cases_->BreakGlass(other_worker_, restricted, "야간 긴급 상담"));
  auto under_grant = records_->notes.List(other_worker_, case_id_);
  ASSERT_TRUE(under_grant);
  ASSERT_TRUE(under_grant->audit.Wait());
  EXPECT_EQ(AuditOf("note.list").front().outcome, "break_glass");
  seen = records_->appointments.Calendar(other_worker_, q);
  ASSERT_TRUE(seen);
  EXPECT_TRUE(seen->value[0].person);
}

TEST_F(CaseRecordsTest, InvalidInputWritesNothing) {
  ServiceFields f{.type = "counseling", .date = "2026-02-30", .minutes = -1};
  auto s = records_->services.Record(worker_, case_id_, f);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_services"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_timeline WHERE kind = 'service'"), 0);
  EXPECT_EQ(AuditOf("service.create").size(), 0u);
  auto g = records_->goals.Create(worker_, case_id_, {.title = "x", .status = "someday"});
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().fields.at("status"), "field.unknown_value");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM plan_goals"), 0);
}

TEST_F(CaseRecordsTest, NotesAmendOnlyNotesOfTheSameCase) {
  auto first = records_->notes.Add(worker_, case_id_, "첫 기록", std::nullopt);
  ASSERT_TRUE(first) << first.error().detail;
  clock_.Advance(std::chrono::minutes(5));
  auto fix = records_->notes.Add(worker_, case_id_, "정정: 날짜 오기", first->id);
  ASSERT_TRUE(fix) << fix.error().detail;
  EXPECT_EQ(fix->author_name, "사용자 worker");
  const std::string other_case = OpenCase(false);
  auto wrong = records_->notes.Add(worker_, other_case, "정정", first->id);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().fields.at("amends"), "case_records.amends_unknown");
  auto listed = records_->notes.List(worker_, case_id_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->value.size(), 2u);
  EXPECT_EQ(listed->value[1].amends, first->id);
  EXPECT_EQ(listed->value[0].text, "첫 기록");
  EXPECT_FALSE(db_->Write([&](store::Tx& tx) -> Result<void> {
    auto s = tx.Exec("DELETE FROM case_notes");
    if (!s) return Fail(s.error());
    return Ok();
  }));
}

TEST_F(CaseRecordsTest, RevokingAConsentTakesEffectAtOnce) {
  ConsentFields f{
      .kind = "statistics", .method = "written", .expires_at = At("2026-03-03T00:00:00Z")};
  auto c = records_->consents.Give(worker_, person_id_, f);
  ASSERT_TRUE(c) << c.error().detail;
  EXPECT_EQ(c->state, "active");
  clock_.Advance(std::chrono::hours(24));
  EXPECT_EQ(records_->consents.List(worker_, person_id_)->value.at(0).state, "expired");
  auto revoked = records_->consents.Revoke(worker_, c->id, "더 이상 원하지 않음");
  ASSERT_TRUE(revoked) << revoked.error().detail;
  EXPECT_EQ(revoked->state, "revoked");
  EXPECT_EQ(records_->consents.List(worker_, person_id_)->value.at(0).state, "revoked");
  EXPECT_EQ(records_->consents.Revoke(worker_, c->id, "").error().code, ErrorCode::kConflict);
  EXPECT_EQ(records_->consents.Revoke(stranger_, c->id, "").error().code, ErrorCode::kNotFound);
  auto trail = AuditOf("consent.revoke");  // newest first; the refused 409 wrote nothing
  ASSERT_EQ(trail.size(), 2u);
  EXPECT_EQ(trail[0].outcome, "not_found");
  EXPECT_EQ(trail[0].actor_user_id, stranger_.user_id);
  EXPECT_EQ(trail[1].outcome, "ok");
  EXPECT_EQ(trail[1].fields, (std::vector<std::string>{"revoked_at", "revoke_reason"}));
  EXPECT_EQ(Bytes("SELECT revoke_reason FROM consents").find("원하지"), std::string::npos);
}

TEST_F(CaseRecordsTest, AFileRoundTripsAndIsNeverStoredInClear) {
  const std::string content = "진단서 내용: 외상 후 스트레스 장애 " + std::string(200000, 'x');
  auto f = records_->files.Upload(worker_, case_id_, "medical_letter", "진단서.pdf", content);
  ASSERT_TRUE(f) << f.error().detail;
  EXPECT_EQ(f->size, static_cast<int64_t>(content.size()));
  EXPECT_EQ(Bytes("SELECT content FROM case_files").find("진단서 내용"), std::string::npos);
  EXPECT_EQ(Bytes("SELECT name FROM case_files").find("진단서"), std::string::npos);
  auto back = records_->files.Download(other_worker_, f->id);
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(back->value.bytes, content);
  EXPECT_EQ(back->value.info.name, "진단서.pdf");
  ASSERT_TRUE(back->audit.Wait());  // owed to the reads' group commit until now
  EXPECT_EQ(records_->files.Download(stranger_, f->id).error().code, ErrorCode::kNotFound);
  // Both on the file, names of fields and never values; the stranger's probe leaves a trace.
  auto reads = AuditOf("file.read");  // newest first
  ASSERT_EQ(reads.size(), 2u);
  EXPECT_EQ(reads[0].outcome, "not_found");
  EXPECT_EQ(reads[0].actor_user_id, stranger_.user_id);
  EXPECT_EQ(reads[1].outcome, "ok");
  EXPECT_EQ(reads[1].entity_type, "case_file");
  EXPECT_EQ(reads[1].entity_id, f->id);
  EXPECT_EQ(reads[1].fields, (std::vector<std::string>{"name", "content"}));
  EXPECT_EQ(records_->files.Upload(worker_, case_id_, "selfie", "a", "x").error().code,
            ErrorCode::kInvalid);
}

TEST_F(CaseRecordsTest, TheCalendarHidesWhatTheCallerMayNotRead) {
  // The restricted case is another woman's: a sibling case would hide Minji too (below).
  people::PersonFields other;
  other.legal_name = "박서연";
  auto hidden_person = people_->Create(worker_, other);
  ASSERT_TRUE(hidden_person);
  const std::string restricted = OpenCaseOf(hidden_person->id, true);
  AppointmentFields open_one{
      .starts_at = At("2026-03-03T10:00:00Z"), .kind = "therapy", .place = "마음상담센터 3층"};
  AppointmentFields hidden = open_one;
  hidden.place = "비공개 쉼터";
  ASSERT_TRUE(records_->appointments.Create(worker_, case_id_, open_one));
  ASSERT_TRUE(records_->appointments.Create(worker_, restricted, hidden));
  CalendarQuery q{
      .from = At("2026-03-02T00:00:00Z"), .to = At("2026-03-09T00:00:00Z"), .organization = true};
  auto seen = records_->appointments.Calendar(other_worker_, q);
  ASSERT_TRUE(seen) << seen.error().detail;
  ASSERT_EQ(seen->value.size(), 2u);
  for (const auto& a : seen->value) {
    if (a.case_id == restricted) {
      EXPECT_FALSE(a.person);
      EXPECT_EQ(a.place, "");
    } else {
      ASSERT_TRUE(a.person);
      EXPECT_EQ(a.person->alias, "들꽃");
      EXPECT_EQ(a.place, "마음상담센터 3층");
    }
  }
  auto mine = records_->appointments.Calendar(worker_, {.from = q.from, .to = q.to});
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->value.size(), 2u);
  EXPECT_TRUE(mine->value[1].person);
  EXPECT_EQ(
      records_->appointments.Calendar(other_worker_, {.from = q.from, .to = q.to})->value.size(),
      0u);
  EXPECT_EQ(records_->appointments.Calendar(stranger_, q)->value.size(), 0u);
  // Once she is erased her appointments leave the calendar, as her cases leave every list.
  supervisor_.reauth_at = UnixSeconds(clock_.Now());
  ASSERT_TRUE(people_->Erase(supervisor_, person_id_, "본인 요청"));
  ASSERT_TRUE(people_->Erase(supervisor_, hidden_person->id, "본인 요청"));
  EXPECT_EQ(records_->appointments.Calendar(supervisor_, q)->value.size(), 0u);
  EXPECT_EQ(records_->appointments.Done(worker_, mine->value[0].id).error().code,
            ErrorCode::kNotFound);
}

TEST_F(CaseRecordsTest, AnAppointmentIsDoneOnce) {
  auto made = records_->appointments.Create(
      worker_, case_id_, {.starts_at = At("2026-03-01T10:00:00Z"), .kind = "counseling"});
  ASSERT_TRUE(made) << made.error().detail;
  auto done = records_->appointments.Done(worker_, made->id);
  ASSERT_TRUE(done) << done.error().detail;
  EXPECT_EQ(done->status, "done");
  EXPECT_EQ(Text("SELECT last_contact_at FROM cases WHERE id = '" + case_id_ + "'"),
            "2026-03-01T10:00:00Z");
  EXPECT_EQ(records_->appointments.Cancel(worker_, made->id, "").error().code,
            ErrorCode::kConflict);
}

TEST_F(CaseRecordsTest, LegalMattersKeepOutcomesClearAndAuthoritiesSealed) {
  auto m = records_->legal.Create(worker_, case_id_,
                                  {.kind = "prosecution_against_her",
                                   .authority = "서울중앙지방검찰청",
                                   .case_number = "2026형제1234",
                                   .status = "investigation"});
  ASSERT_TRUE(m) << m.error().detail;
  EXPECT_EQ(Bytes("SELECT case_number FROM legal_matters").find("2026형제"), std::string::npos);
  auto h = records_->legal.AddHearing(
      worker_, m->id, {.at = At("2026-04-01T01:00:00Z"), .court = "서울중앙지법", .kind = "trial"});
  ASSERT_TRUE(h) << h.error().detail;
  auto u = records_->legal.Update(worker_, m->id, {.status = "concluded", .outcome = "무혐의"});
  ASSERT_TRUE(u) << u.error().detail;
  EXPECT_EQ(Text("SELECT outcome FROM legal_matters"), "무혐의");
  auto listed = records_->legal.List(worker_, case_id_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->value.size(), 1u);
  EXPECT_EQ(listed->value[0].authority, "서울중앙지방검찰청");
  ASSERT_EQ(listed->value[0].hearings.size(), 1u);
  EXPECT_EQ(listed->value[0].hearings[0].court, "서울중앙지법");
  EXPECT_EQ(records_->legal.Update(stranger_, m->id, {.status = "trial"}).error().code,
            ErrorCode::kNotFound);
}

TEST_F(CaseRecordsTest, AssessmentsKeepRatingsClearAndNotesSealed) {
  auto a = records_->assessments.Record(
      worker_, case_id_, {.ratings = {{"debt", 4}, {"safety", 1}}, .notes = {{"debt", "선불금"}}});
  ASSERT_TRUE(a) << a.error().detail;
  EXPECT_EQ(Count("SELECT rating FROM assessment_ratings WHERE domain = 'debt'"), 4);
  EXPECT_EQ(Bytes("SELECT notes FROM assessment_ratings WHERE domain = 'debt'").find("선불금"),
            std::string::npos);
  auto listed = records_->assessments.List(worker_, case_id_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->value.size(), 1u);
  EXPECT_EQ(listed->value[0].fields.notes.at("debt"), "선불금");
  EXPECT_EQ(listed->value[0].fields.ratings.at("safety"), 1);
}

}  // namespace
}  // namespace dandelion::case_records
