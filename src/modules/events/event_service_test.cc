#include "modules/events/event_service.h"

#include <gtest/gtest.h>

#include "testing/test_world.h"

namespace dandelion::events {
namespace {

using testing::Must;

class EventServiceTest : public testing::WorldTest {
 protected:
  void SetUp() override {
    WorldTest::SetUp();
    events_ = world_->services->events.get();
    sec_ = AddOrg("sec", "secretariat");
    member_ = AddOrg("gunsan", "counseling_center", "KR-45");
    advocate_ = AddUser(sec_, "advocate", "advocate");
    member_admin_ = AddUser(member_, "admin", "org_admin");
    worker_ = AddUser(member_, "worker", "case_worker");
  }

  Event NewEvent(const security::Actor& by, std::optional<int> capacity) {
    EventFields f{.kind = "pilgrimage_stop",
                  .title_ko = "민들레 순례",
                  .starts_at = clock_.Now() + std::chrono::hours(24),
                  .ends_at = clock_.Now() + std::chrono::hours(27),
                  .venue = "군산 개복동",
                  .region = "KR-45",
                  .capacity = capacity,
                  .registration_open = true,
                  .published = true};
    return Must(events_->Create(by, f));
  }

  Registration Add(const Event& e, const std::string& name, const std::string& contact,
                   const std::string& alias = "") {
    clock_.Advance(std::chrono::seconds(1));  // distinct registration times
    return Must(events_->AddRegistration(advocate_, e.stored.id,
                                         {.name = name, .contact = contact, .alias = alias}))
        .registration;
  }

  EventService* events_ = nullptr;
  std::string sec_, member_;
  security::Actor advocate_, member_admin_, worker_;
};

TEST_F(EventServiceTest, CapacityWaitlistAndPromotionOldestFirst) {
  const Event e = NewEvent(advocate_, 1);
  const auto a = Add(e, "가", "010-1000-0001");
  const auto b = Add(e, "나", "010-1000-0002");
  const auto c = Add(e, "다", "010-1000-0003");
  EXPECT_EQ(a.stored.status, "registered");
  EXPECT_EQ(b.stored.status, "waitlisted");
  EXPECT_EQ(c.stored.status, "waitlisted");
  auto cancelled = Must(events_->Cancel(advocate_, e.stored.id, a.stored.id));
  ASSERT_TRUE(cancelled.promoted);
  EXPECT_EQ(cancelled.promoted->stored.id, b.stored.id);
  EXPECT_EQ(AuditOf("event.registration.promote").size(), 1u);
  // A cancelled contact may register again.
  EXPECT_EQ(Add(e, "가", "010-1000-0001").stored.status, "waitlisted");
}

TEST_F(EventServiceTest, DuplicatesAreFoundWithoutPlaintextAndNamesAreSealed) {
  const Event e = NewEvent(advocate_, std::nullopt);
  Add(e, "김순례", "010-2000-0001", "들꽃");
  auto again =
      events_->AddRegistration(advocate_, e.stored.id, {.name = "다른", .contact = "01020000001"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message_key, "events.duplicate");
  EXPECT_EQ(Count("SELECT count(*) FROM event_registrations"), 1);
  for (const char* column : {"name", "contact", "alias", "contact_index"}) {
    const std::string stored =
        Text(std::string("SELECT hex(") + column + ") FROM event_registrations");
    EXPECT_FALSE(stored.empty()) << column;
  }
  EXPECT_EQ(Count("SELECT count(*) FROM event_registrations WHERE CAST(name AS TEXT) LIKE "
                  "'%김순례%' OR CAST(contact AS TEXT) LIKE '%2000%' OR CAST(alias AS TEXT) "
                  "LIKE '%들꽃%'"),
            0);
  // The list shows the alias, never her name.
  auto list = Must(events_->Attendees(advocate_, e.stored.id));
  ASSERT_EQ(list.value.items.size(), 1u);
  EXPECT_EQ(list.value.items[0].name, "들꽃");
  EXPECT_TRUE(list.value.items[0].alias);
  ASSERT_TRUE(list.audit.Wait());  // owed to the reads' group commit until now
  EXPECT_EQ(AuditOf("event.attendees.read").size(), 1u);
}

TEST_F(EventServiceTest, OnlyTheOrganizingOrganizationSeesItsEvent) {
  const Event e = NewEvent(member_admin_, 10);
  EXPECT_EQ(e.stored.org_id, member_);
  EXPECT_TRUE(events_->Get(member_admin_, e.stored.id));
  EXPECT_EQ(events_->Get(advocate_, e.stored.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(events_->Attendees(advocate_, e.stored.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(events_->Get(worker_, e.stored.id).error().code, ErrorCode::kForbidden);
}

TEST_F(EventServiceTest, CheckInOnceReplayedByItsKey) {
  const Event e = NewEvent(advocate_, 10);
  const auto r = Add(e, "가", "010-3000-0001");
  clock_.Advance(std::chrono::hours(24));
  CheckInInput in{.token = events_->TicketTokenOf(e.stored.id, r.stored.reference),
                  .idempotency_key = "phone-1-0001"};
  auto first = Must(events_->CheckIn(advocate_, e.stored.id, in));
  EXPECT_FALSE(first.replayed);
  EXPECT_EQ(first.registration.stored.check_in_method, "qr");
  clock_.Advance(std::chrono::minutes(5));
  auto replay = Must(events_->CheckIn(advocate_, e.stored.id, in));
  EXPECT_TRUE(replay.replayed);
  EXPECT_EQ(replay.registration.stored.checked_in_at, first.registration.stored.checked_in_at);
  in.idempotency_key = "phone-2-0001";
  auto twice = events_->CheckIn(advocate_, e.stored.id, in);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message_key, "events.already_checked_in");
  EXPECT_EQ(twice.error().refs.at("checked_in_at").front(),
            first.registration.stored.checked_in_at);
  EXPECT_EQ(AuditOf("event.checkin").size(), 1u);
}

}  // namespace
}  // namespace dandelion::events
