#include "modules/shelters/shelter_service.h"

#include <gtest/gtest.h>

#include "core/ids.h"
#include "modules/people/people_service.h"
#include "testing/test_world.h"

namespace dandelion::shelters {
namespace {

using testing::Must;

class ShelterServiceTest : public testing::WorldTest {
 protected:
  void SetUp() override {
    WorldTest::SetUp();
    org_ = Must(orgs_->Create(security::Actor::Console(),
                              {"shelter1", "쉼터", "support_facility", "general", "KR-11"}))
               .id;
    other_org_ = Must(orgs_->Create(security::Actor::Console(),
                                    {"shelter2", "쉼터2", "support_facility", "youth", "KR-26"}))
                     .id;
    staff_ = AddUser(org_, "staff", "shelter_staff");
    other_staff_ = AddUser(other_org_, "staff2", "shelter_staff");
    worker_ = AddUser(org_, "worker", "case_worker");
    admin_ = AddUser(AddOrg("sec", "secretariat"), "admin", "network_admin");
    service_ = world_->services->shelters.get();
    room_ = Must(service_->AddRoom(staff_, {.name = "101", .beds = 2}));
  }

  std::string Person(const std::string& alias) {
    people::PersonFields f;
    f.legal_name = "이름 " + alias;
    f.alias = alias;
    return Must(people_->Create(worker_, f)).id;
  }

  std::string Today() { return FormatDay(SeoulDay(clock_.Now())); }

  Stay Admit(const std::string& person, const std::string& bed) {
    return Must(
        service_->Admit(staff_, {.person_id = person, .bed_id = bed, .admitted_on = Today()}));
  }

  std::string org_, other_org_;
  security::Actor staff_, other_staff_, worker_, admin_;
  ShelterService* service_ = nullptr;
  Room room_;
};

TEST_F(ShelterServiceTest, AdmitsHerToAFreeBedWithTheGeneralLimit) {
  Stay s = Admit(Person("별"), room_.beds[0].id);
  EXPECT_EQ(s.alias, "별");
  const Day today = SeoulDay(clock_.Now());
  EXPECT_EQ(s.stored.planned_end_on, FormatDay(AddMonths(today, 12)));
  EXPECT_EQ(s.stored.max_end_on, FormatDay(AddMonths(today, 30)));
  EXPECT_EQ(s.stored.house_rules_agreed_on, Today());
  auto board = Must(service_->BoardOf(staff_));
  Must(board.audit.Wait());
  ASSERT_EQ(board.value.beds.size(), 2u);
  EXPECT_EQ(board.value.beds[0].state, "occupied");
  EXPECT_EQ(board.value.beds[1].state, "free");
  EXPECT_EQ(AuditOf("shelter.stay.admit").size(), 1u);
  EXPECT_EQ(AuditOf("shelter.board").size(), 1u);
}

TEST_F(ShelterServiceTest, ASecondAdmissionToTheSameBedIsRefused) {
  Admit(Person("별"), room_.beds[0].id);
  auto second = service_->Admit(
      staff_, {.person_id = Person("달"), .bed_id = room_.beds[0].id, .admitted_on = Today()});
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_EQ(second.error().message_key, "shelter.bed_taken");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM shelter_stays"), 1);
}

TEST_F(ShelterServiceTest, TheDatabaseRefusesTwoOpenStaysInOneBedWhateverTheChecks) {
  // What the unique open bed guarantees when two requests pass the checks at once.
  Stay s = Admit(Person("별"), room_.beds[0].id);
  shelter_repo::StoredStay copy = s.stored;
  copy.id = NewId();
  copy.person_id = Person("달");
  auto again = db_->Write([&](store::Tx& tx) { return shelter_repo::InsertStay(tx, copy); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_F(ShelterServiceTest, AChangedLimitChangesThePlannedEndOfNewStaysOnly) {
  Stay before = Admit(Person("별"), room_.beds[0].id);
  Must(service_->SetLimits(admin_, {{"general", {.months = 6, .extension_months = 6}}}));
  Stay after = Admit(Person("달"), room_.beds[1].id);
  const Day today = SeoulDay(clock_.Now());
  EXPECT_EQ(after.stored.planned_end_on, FormatDay(AddMonths(today, 6)));
  EXPECT_EQ(after.stored.max_end_on, FormatDay(AddMonths(today, 12)));
  auto kept = Must(service_->GetStay(staff_, before.stored.id));
  EXPECT_EQ(kept.value.stored.planned_end_on, FormatDay(AddMonths(today, 12)));
  EXPECT_EQ(AuditOf("shelter.limits.update").size(), 1u);
  auto refused = service_->SetLimits(staff_, {{"general", {.months = 6}}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
}

TEST_F(ShelterServiceTest, AnotherFacilitysStayAnswersNotFound) {
  Stay s = Admit(Person("별"), room_.beds[0].id);
  auto read = service_->GetStay(other_staff_, s.stored.id);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
  auto exit =
      service_->Exit(other_staff_, s.stored.id,
                     {.exited_on = Today(), .reason = "completed", .destination = "family"});
  ASSERT_FALSE(exit);
  EXPECT_EQ(exit.error().code, ErrorCode::kNotFound);
  // Her facility's own person, not another's, may be admitted.
  auto foreign = service_->Admit(
      other_staff_,
      {.person_id = Person("달"), .bed_id = room_.beds[1].id, .admitted_on = Today()});
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kInvalid);
}

TEST_F(ShelterServiceTest, ExitFreesTheBedAndSchedulesFollowUps) {
  Stay s = Admit(Person("별"), room_.beds[0].id);
  Stay out = Must(service_->Exit(staff_, s.stored.id,
                                 {.exited_on = Today(),
                                  .reason = "completed",
                                  .destination = "public_rental",
                                  .destination_safe = true,
                                  .note = "임대주택 입주"}));
  EXPECT_EQ(out.exit_note, "임대주택 입주");
  ASSERT_EQ(out.follow_ups.size(), 3u);
  EXPECT_EQ(out.follow_ups[2].due_on, FormatDay(AddMonths(SeoulDay(clock_.Now()), 6)));
  // The note is sealed: its text is nowhere in the table.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM shelter_stays WHERE exit_note IS NOT NULL"), 1);
  // The bed is free again, and she may come back another time.
  Admit(Person("달"), room_.beds[0].id);
  auto twice = service_->Exit(
      staff_, s.stored.id, {.exited_on = Today(), .reason = "completed", .destination = "family"});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message_key, "shelter.stay_ended");
}

TEST_F(ShelterServiceTest, AnOverdueOutingAlertsTheStaffOnce) {
  Stay s = Admit(Person("별"), room_.beds[0].id);
  const TimePoint now = clock_.Now();
  Outing o =
      Must(service_->StartOuting(staff_, s.stored.id,
                                 {.kind = "outing",
                                  .left_at = FormatRfc3339(now),
                                  .planned_return_at = FormatRfc3339(now + std::chrono::hours(2)),
                                  .destination = "병원"}));
  auto home = Must(service_->HomeOf(staff_));
  ASSERT_EQ(home.value.out.size(), 1u);
  EXPECT_FALSE(home.value.out[0].overdue);
  EXPECT_EQ(home.value.out[0].destination, "병원");
  clock_.Advance(std::chrono::hours(2) + std::chrono::minutes(61));
  home = Must(service_->HomeOf(staff_));
  EXPECT_TRUE(home.value.out[0].overdue);
  // The read that raised the alert shows it raised (it ran again, in a write transaction).
  EXPECT_FALSE(home.value.out[0].stored.alerted_at.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE kind = 'shelter_overdue'"), 1);
  Must(service_->BoardOf(staff_));
  Must(service_->GetStay(staff_, s.stored.id));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE kind = 'shelter_overdue'"), 1);
  Must(service_->EndOuting(staff_, o.stored.id, ""));
  EXPECT_TRUE(Must(service_->HomeOf(staff_)).value.out.empty());
}

TEST_F(ShelterServiceTest, AHeldBedWaitsForTheHoldersAdmissionUntilTheHoldEnds) {
  auto dispatcher = AddUser(AddOrg("center"), "dispatcher", "dispatcher");
  BedHold hold = Must(service_->Hold(dispatcher, org_, "standard"));
  auto refused = service_->Admit(
      staff_, {.person_id = Person("별"), .bed_id = hold.bed_id, .admitted_on = Today()});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message_key, "shelter.bed_held");
  Must(service_->Admit(staff_, {.person_id = Person("달"),
                                .bed_id = hold.bed_id,
                                .admitted_on = Today(),
                                .hold_id = hold.id}));
  // The other bed: held, then free again once the 90 minutes are over.
  BedHold second = Must(service_->Hold(dispatcher, org_, "standard"));
  auto counts =
      Must(db_->ReadValue([&](store::Tx& tx) { return FreeBedCounts(tx, clock_.Now()); }));
  EXPECT_EQ(counts[org_], 0);
  clock_.Advance(std::chrono::minutes(91));
  counts = Must(db_->ReadValue([&](store::Tx& tx) { return FreeBedCounts(tx, clock_.Now()); }));
  EXPECT_EQ(counts[org_], 1);
  Must(service_->Admit(
      staff_, {.person_id = Person("해"), .bed_id = second.bed_id, .admitted_on = Today()}));
}

TEST_F(ShelterServiceTest, AnExtensionPastTheLegalMaximumIsRefusedAndASupervisorApprovesOne) {
  Stay s = Admit(Person("별"), room_.beds[0].id);
  const Day today = SeoulDay(clock_.Now());
  auto past =
      service_->RequestExtension(staff_, s.stored.id, FormatDay(AddMonths(today, 31)), "자립 준비");
  ASSERT_FALSE(past);
  EXPECT_EQ(past.error().fields.at("until_on"), "shelter.past_legal_max");
  Extension e = Must(service_->RequestExtension(staff_, s.stored.id,
                                                FormatDay(AddMonths(today, 18)), "자립 준비"));
  EXPECT_EQ(e.status, "pending");
  auto supervisor = AddUser(org_, "supervisor", "supervisor");
  auto pending = Must(service_->PendingExtensions(supervisor));
  ASSERT_EQ(pending.value.size(), 1u);
  EXPECT_EQ(pending.value[0].reason, "자립 준비");
  // Another facility's supervisor cannot decide it; the staff cannot either.
  auto elsewhere = service_->DecideExtension(AddUser(other_org_, "sup2", "supervisor"), e.id, true);
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(service_->DecideExtension(staff_, e.id, true));
  Extension approved = Must(service_->DecideExtension(supervisor, e.id, true));
  EXPECT_EQ(approved.status, "approved");
  auto stay = Must(service_->GetStay(staff_, s.stored.id));
  EXPECT_EQ(stay.value.stored.planned_end_on, FormatDay(AddMonths(today, 18)));
  auto again = service_->DecideExtension(supervisor, e.id, false);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message_key, "shelter.extension_decided");
}

TEST_F(ShelterServiceTest, HerReadinessChecklistKeepsEveryAnswerAndShowsTheCurrentOne) {
  Stay s = Admit(Person("별"), room_.beds[0].id);
  // Her own page lists every item, none answered yet; the board does not, 9 months from the end.
  auto fresh = Must(service_->GetStay(staff_, s.stored.id));
  ASSERT_EQ(fresh.value.readiness.size(), ReadinessItems().size());
  EXPECT_EQ(fresh.value.readiness[0].status, "not_started");
  EXPECT_TRUE(Must(service_->BoardOf(staff_)).value.beds[0].stay->readiness.empty());

  Must(service_->RecordReadiness(staff_, s.stored.id, "housing_application",
                                 {.status = "in_progress", .note = "LH 임대 신청서 작성 중"}));
  ReadinessAnswer done = Must(
      service_->RecordReadiness(staff_, s.stored.id, "housing_application", {.status = "done"}));
  EXPECT_EQ(done.status, "done");
  auto stay = Must(service_->GetStay(staff_, s.stored.id));
  EXPECT_EQ(stay.value.readiness[0].item, "housing_application");
  EXPECT_EQ(stay.value.readiness[0].status, "done");
  EXPECT_EQ(stay.value.readiness[0].note, "");  // the current answer has no note of its own
  // Both answers are kept; the note is sealed, never in clear.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM shelter_readiness"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM shelter_readiness WHERE superseded_at IS NULL"), 1);
  EXPECT_EQ(AuditOf("shelter.readiness.record").size(), 2u);

  // Nine months on, the board shows the checklist (without notes) next to her countdown.
  clock_.Advance(std::chrono::hours(24 * 300));
  auto board = Must(service_->BoardOf(staff_));
  const auto& listed = board.value.beds[0].stay;
  ASSERT_TRUE(listed && listed->readiness_due);
  ASSERT_EQ(listed->readiness.size(), ReadinessItems().size());
  EXPECT_EQ(listed->readiness[0].status, "done");

  auto unknown = service_->RecordReadiness(staff_, s.stored.id, "lottery", {.status = "done"});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().fields.at("item"), "field.unknown_value");
  auto bad = service_->RecordReadiness(staff_, s.stored.id, "income", {.status = "finished"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at("status"), "field.unknown_value");
  auto elsewhere =
      service_->RecordReadiness(other_staff_, s.stored.id, "income", {.status = "lottery"});
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(service_->RecordReadiness(worker_, s.stored.id, "income", {.status = "done"}));

  Must(service_->Exit(staff_, s.stored.id,
                      {.exited_on = FormatDay(SeoulDay(clock_.Now())),
                       .reason = "completed",
                       .destination = "public_rental"}));
  auto ended = service_->RecordReadiness(staff_, s.stored.id, "income", {.status = "done"});
  ASSERT_FALSE(ended);
  EXPECT_EQ(ended.error().message_key, "shelter.stay_ended");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM shelter_readiness"), 2);
}

TEST_F(ShelterServiceTest, OccupancyCountsTheNightsOfTheMonth) {
  Stay s = Admit(Person("별"), room_.beds[0].id);
  const Day today = SeoulDay(clock_.Now());
  clock_.Advance(std::chrono::hours(24 * 3));
  std::chrono::year_month_day ymd(today);
  const std::string month = FormatDay(today).substr(0, 7);
  const int nights = Must(service_->OccupancyOf(staff_, month));
  // Three nights have passed, unless the month ended in between.
  const Day month_end =
      std::chrono::sys_days(ymd.year() / ymd.month() / std::chrono::last) + std::chrono::days(1);
  EXPECT_EQ(nights, std::min(3, DaysBetween(today, month_end)));
  EXPECT_FALSE(service_->OccupancyOf(staff_, "2026-13"));
  (void)s;
}

}  // namespace
}  // namespace dandelion::shelters
