#include "modules/emergency/emergency_service.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/ids.h"
#include "security/sodium_init.h"
#include "testing/test_world.h"

namespace dandelion::emergency {
namespace {

using testing::At;

class EmergencyServiceTest : public testing::WorldTest {
 protected:
  EmergencyServiceTest() : WorldTest({.start = At("2026-03-01T09:00:00Z")}) {}

  void SetUp() override {
    WorldTest::SetUp();
    service_ = emergency_;
    secretariat_ = AddOrg("sec", "secretariat", "KR-11");
    seoul_ = AddOrg("seoul", "counseling_center", "KR-11");
    busan_ = AddOrg("busan", "counseling_center", "KR-26");
    // Routing goes only where someone can see a request: each center has a dispatcher.
    AddDispatcher(seoul_);
    AddDispatcher(busan_);
  }

  // An active dispatcher account of org_id, with the id Staff(org_id) acts as.
  void AddDispatcher(const std::string& org_id) {
    const std::string id = "user-dispatcher-" + org_id;
    testing::Must(db_->Write([&](store::Tx& tx) -> Result<void> {
      auto n = tx.Exec(
          "INSERT INTO users (id, org_id, username, display_name, roles, password_hash, "
          "last_active_at, created_at) VALUES (?, ?, ?, ?, 'dispatcher', 'x', 0, ?)",
          {id, org_id, id, id, FormatRfc3339(clock_.Now())});
      if (!n) return Fail(n.error());
      return Ok();
    }));
  }

  security::Actor Staff(const std::string& org_id, const char* role = "dispatcher") {
    security::Actor a =
        testing::ActorOf(std::string("user-") + role + "-" + org_id, org_id, {role});
    a.session_id = "session-" + a.user_id;
    return a;
  }

  PublicSubmission Form(const char* region = "KR-11") {
    PublicSubmission f;
    f.region = region;
    f.situation = "업주가 여권을 가져갔어요";
    f.contact = "010-9876-5432";
    f.safe_contact = "밤 10시 이후 문자만";
    f.language = "ko";
    f.form_token = service_->IssueFormToken();
    clock_.Advance(std::chrono::seconds(5));
    return f;
  }

  // Submits a form and returns the stored request's id, as the assigned organization sees it.
  std::string Submit(const char* region, const std::string& receiver) {
    const std::string ref = testing::Must(service_->SubmitPublic(Form(region), "req"));
    for (const auto& h : testing::Must(service_->List(Staff(receiver), "new")).value) {
      if (h.reference == ref) return h.id;
    }
    testing::StopTest("the receiver does not see " + ref);
  }

  EmergencyService* service_ = nullptr;
  std::string secretariat_, seoul_, busan_;
};

TEST_F(EmergencyServiceTest, APublicRequestReachesOnlyTheCoveringOrganization) {
  const std::string id = Submit("KR-11", seoul_);
  auto got = service_->Get(Staff(seoul_), id);
  ASSERT_TRUE(got) << got.error().detail;
  EXPECT_EQ(got->value.situation, "업주가 여권을 가져갔어요");
  EXPECT_EQ(got->value.safe_contact, "밤 10시 이후 문자만");
  EXPECT_EQ(got->value.channel, "public_web_form");
  EXPECT_EQ(got->value.status, "new");
  EXPECT_EQ(*got->value.ack_due_at, UnixSeconds(clock_.Now()) + kDefaultAckLimitSeconds);
  // Busan's dispatcher and the secretariat's get the answer of an unknown id.
  for (const auto& org : {busan_, secretariat_}) {
    auto other = service_->Get(Staff(org), id);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(testing::Must(service_->List(Staff(org), "")).value.empty());
  }
  // The read is audited once its reply may leave; the probes left their trace at once.
  ASSERT_TRUE(got->audit.Wait());
  auto reads = AuditOf("help_request.read");  // newest first
  ASSERT_EQ(reads.size(), 3u);
  EXPECT_EQ(reads[0].outcome, "ok");
  EXPECT_FALSE(reads[0].fields.empty());
  EXPECT_EQ(reads[1].outcome, "not_found");
  EXPECT_TRUE(reads[1].fields.empty());
  EXPECT_EQ(reads[2].outcome, "not_found");
  // Roles without the emergency permissions are refused before any lookup.
  auto worker = service_->Get(Staff(seoul_, "case_worker"), id);
  ASSERT_FALSE(worker);
  EXPECT_EQ(worker.error().code, ErrorCode::kForbidden);
}

TEST_F(EmergencyServiceTest, WhatSheWroteIsSealedUnderTheReceiversKey) {
  const std::string id = Submit("KR-11", seoul_);
  std::string situation;
  ASSERT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT situation, contact FROM help_requests WHERE id = ?", {id});
    if (!row) return Fail(row.error());
    situation = (*row)->BlobBytes(0);
    EXPECT_EQ((*row)->BlobBytes(1).find("9876"), std::string::npos);
    return Ok();
  }));
  EXPECT_FALSE(situation.empty());
  EXPECT_EQ(situation.find("여권"), std::string::npos);
}

TEST_F(EmergencyServiceTest, UnacknowledgedRequestsEscalateToTheNextCoverThenTheSecretariat) {
  // Busan backs Seoul up: it covers Busan (its own region) and Seoul.
  ASSERT_TRUE(service_->SetCoverage(Staff(busan_, "org_admin"), {"KR-26", "KR-11"}, 5));
  const std::string id = Submit("KR-11", seoul_);
  clock_.Advance(std::chrono::minutes(9));
  ASSERT_EQ(*service_->EscalateOverdue(), 0);  // Seoul's 10 minutes are not over
  clock_.Advance(std::chrono::minutes(2));
  ASSERT_EQ(*service_->EscalateOverdue(), 1);
  auto at_busan = service_->Get(Staff(busan_), id);
  ASSERT_TRUE(at_busan) << at_busan.error().detail;
  EXPECT_EQ(at_busan->value.escalation_level, 1);
  EXPECT_EQ(at_busan->value.situation, "업주가 여권을 가져갔어요");  // re-sealed for Busan
  EXPECT_EQ(*at_busan->value.ack_due_at, UnixSeconds(clock_.Now()) + 5 * 60);  // Busan's own limit
  EXPECT_EQ(service_->Get(Staff(seoul_), id).error().code, ErrorCode::kNotFound);
  clock_.Advance(std::chrono::minutes(6));
  ASSERT_EQ(*service_->EscalateOverdue(), 1);
  auto at_secretariat = service_->Get(Staff(secretariat_), id);
  ASSERT_TRUE(at_secretariat);
  EXPECT_EQ(at_secretariat->value.escalation_level, 2);
  // Nobody is left: the clock stops and the request stays with the secretariat.
  clock_.Advance(std::chrono::minutes(11));
  ASSERT_EQ(*service_->EscalateOverdue(), 0);
  auto last = service_->Get(Staff(secretariat_), id);
  EXPECT_FALSE(last->value.ack_due_at.has_value());
  EXPECT_EQ(last->value.status, "new");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM help_request_routes"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'help_request.escalate'"), 4);
}

TEST_F(EmergencyServiceTest, AcknowledgingStopsEscalationAndStatusesMoveForward) {
  const std::string id = Submit("KR-11", seoul_);
  auto ack = service_->Acknowledge(Staff(seoul_), id);
  ASSERT_TRUE(ack) << ack.error().detail;
  EXPECT_EQ(ack->status, "acknowledged");
  EXPECT_FALSE(ack->ack_due_at.has_value());
  EXPECT_EQ(service_->Acknowledge(Staff(seoul_), id).error().code, ErrorCode::kConflict);
  clock_.Advance(std::chrono::hours(1));
  EXPECT_EQ(*service_->EscalateOverdue(), 0);
  ASSERT_TRUE(service_->Dispatch(Staff(seoul_), id, "활동가 2명 출동"));
  PoliceCoordination police{"종로경찰서", FormatRfc3339(clock_.Now()), "김경위", "2026-118", ""};
  auto with_police = service_->RecordPolice(Staff(seoul_), id, police);
  ASSERT_TRUE(with_police) << with_police.error().detail;
  EXPECT_EQ(with_police->police.officer, "김경위");
  auto bad_outcome = service_->Resolve(Staff(seoul_), id, "vanished", "");
  ASSERT_FALSE(bad_outcome);
  EXPECT_TRUE(bad_outcome.error().fields.contains("outcome"));
  auto resolved = service_->Resolve(Staff(seoul_, "supervisor"), id, "rescued", "");
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->status, "resolved");
  auto measures = service_->GetMeasures(Staff(seoul_));
  ASSERT_TRUE(measures);
  ASSERT_EQ(measures->by_org.size(), 1u);
  EXPECT_EQ(measures->by_org[0].key, seoul_);
  EXPECT_EQ(*measures->by_org[0].median_ack_seconds, 0);
  EXPECT_EQ(*measures->by_org[0].median_resolve_seconds, 3600);
}

TEST_F(EmergencyServiceTest, BadInputNamesTheFieldsAndStoresNothing) {
  PublicSubmission form = Form();
  form.region = "KR-99";
  form.situation = "  ";
  form.language = "Korean";
  form.website = "http://spam.example";
  form.form_token = "123.abc";
  auto r = service_->SubmitPublic(form, "req");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  for (const char* field : {"region", "situation", "language", "website", "form_token"}) {
    EXPECT_TRUE(r.error().fields.contains(field)) << field;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM help_requests"), 0);
}

TEST_F(EmergencyServiceTest, FormTokensMustBeOursAndOfAHumanAge) {
  PublicSubmission form = Form();
  form.form_token = service_->IssueFormToken();  // fresh: posted at once, as a script would
  auto fast = service_->SubmitPublic(form, "req");
  ASSERT_FALSE(fast);
  EXPECT_EQ(fast.error().fields.at("form_token"), "emergency.form_too_fast");
  clock_.Advance(std::chrono::hours(3));
  auto old = service_->SubmitPublic(form, "req");
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().fields.at("form_token"), "emergency.form_expired");
  PublicSubmission forged = Form();
  forged.form_token[forged.form_token.size() - 1] ^= 1;
  auto bad = service_->SubmitPublic(forged, "req");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at("form_token"), "emergency.form_token");
}

TEST_F(EmergencyServiceTest, FloodControlIsPerAddress) {
  int64_t retry = 0;
  for (int i = 0; i < kBurst; ++i) ASSERT_TRUE(service_->AdmitPublic("203.0.113.7", &retry));
  auto refused = service_->AdmitPublic("203.0.113.7", &retry);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kRateLimited);
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, kRefillSeconds);
  EXPECT_TRUE(service_->AdmitPublic("198.51.100.4", &retry));  // another address passes
  clock_.Advance(std::chrono::seconds(kRefillSeconds));
  EXPECT_TRUE(service_->AdmitPublic("203.0.113.7", &retry));
}

TEST_F(EmergencyServiceTest, AFormTokenBringsInOneRequestAndARefusedPostKeepsIt) {
  PublicSubmission form = Form();
  PublicSubmission wrong = form;
  wrong.situation = " ";
  auto refused = service_->SubmitPublic(wrong, "req");
  ASSERT_FALSE(refused);
  EXPECT_FALSE(refused.error().fields.contains("form_token"));
  ASSERT_TRUE(service_->SubmitPublic(form, "req"));  // corrected, same token
  auto again = service_->SubmitPublic(form, "req");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().fields.at("form_token"), "emergency.form_used");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM help_requests"), 1);
}

TEST_F(EmergencyServiceTest, PastTheCeilingRequestsAreHeldAtTheSecretariatUnderOneAlert) {
  EmergencyService flooded(*db_, *keyring_, *audit_, *reads_, clock_, /*public_per_minute=*/3);
  auto sec_stream = flooded.Subscribe(Staff(secretariat_));
  auto seoul_stream = flooded.Subscribe(Staff(seoul_));
  ASSERT_TRUE(sec_stream && seoul_stream);
  for (int i = 0; i < 8; ++i) ASSERT_TRUE(flooded.SubmitPublic(Form(), "req"));
  auto seoul = flooded.List(Staff(seoul_), "new");
  auto held = flooded.List(Staff(secretariat_), "new");
  ASSERT_TRUE(seoul && held);
  EXPECT_EQ(seoul->value.size(), 3u);  // the ceiling: routed as usual
  ASSERT_EQ(held->value.size(), 5u);   // stored, not turned away
  for (const auto& h : held->value)
    EXPECT_FALSE(h.ack_due_at) << "a held request does not escalate";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM help_request_routes WHERE reason = 'flood'"), 5);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'help_request.flood'"), 1);
  const std::string sec_events = (*sec_stream)->Take().text;
  size_t floods = 0, requests = 0;
  for (size_t at = 0; (at = sec_events.find("event: flood", at)) != std::string::npos; ++at)
    ++floods;
  for (size_t at = 0; (at = sec_events.find("event: request", at)) != std::string::npos; ++at) {
    ++requests;
  }
  EXPECT_EQ(floods, 1u);
  EXPECT_EQ(requests, 1u);
  EXPECT_EQ(flooded.EscalateOverdue().value_or(-1), 0);
  // Quiet for longer than kFloodQuietSeconds: the next post is routed as usual again.
  clock_.Advance(std::chrono::seconds(kFloodQuietSeconds + 60));
  ASSERT_TRUE(flooded.SubmitPublic(Form(), "req"));
  EXPECT_EQ(flooded.List(Staff(seoul_), "new")->value.size(), 4u);
}

TEST(HelpFormGuardTest, RemembersABoundedNumberOfAddressesLeastRecentFirstOut) {
  security::EnsureSodium();
  ManualClock clock(FromUnixSeconds(1'800'000'000));
  HelpFormGuard guard(security::SecretKey::Random(), clock);
  for (int i = 0; i < kBurst; ++i) ASSERT_FALSE(guard.Admit("first"));
  EXPECT_TRUE(guard.Admit("first"));  // throttled
  for (size_t i = 0; i < kMaxAddresses; ++i) guard.Admit("spray-" + std::to_string(i));
  EXPECT_EQ(guard.RememberedAddresses(), kMaxAddresses);
  EXPECT_FALSE(guard.Admit("first"));  // forgotten: a full allowance again
  EXPECT_EQ(guard.RememberedAddresses(), kMaxAddresses);
}

TEST(HelpFormGuardTest, AReleasedTokenCanBeUsedAndAForgedNonceCannot) {
  security::EnsureSodium();
  ManualClock clock(FromUnixSeconds(1'800'000'000));
  HelpFormGuard guard(security::SecretKey::Random(), clock);
  const std::string token = guard.IssueToken();
  clock.Advance(std::chrono::seconds(10));
  ASSERT_TRUE(guard.ConsumeToken(token));
  EXPECT_FALSE(guard.ConsumeToken(token));
  guard.ReleaseToken(token);
  EXPECT_TRUE(guard.ConsumeToken(token));
  std::string other = token;
  other[other.find('.') + 1] = other[other.find('.') + 1] == 'a' ? 'b' : 'a';
  auto forged = guard.CheckToken(other);
  ASSERT_FALSE(forged);
  EXPECT_EQ(forged.error().fields.at("form_token"), "emergency.form_token");
}

TEST_F(EmergencyServiceTest, EventsReachOnlyTheAssignedOrganizationsStreams) {
  auto seoul_stream = service_->Subscribe(Staff(seoul_));
  auto busan_stream = service_->Subscribe(Staff(busan_));
  ASSERT_TRUE(seoul_stream && busan_stream);
  const std::string id = Submit("KR-11", seoul_);
  auto seoul_batch = (*seoul_stream)->Take();
  EXPECT_NE(seoul_batch.text.find("event: request\ndata: {\"id\":\"" + id), std::string::npos);
  EXPECT_EQ(seoul_batch.text.find("여권"), std::string::npos);  // no sealed field in events
  EXPECT_TRUE((*busan_stream)->Take().text.empty());
}

TEST_F(EmergencyServiceTest, ASessionHoldsAFewStreamsAndTheOldestMakesRoom) {
  std::vector<std::shared_ptr<http::EventStream>> streams;
  for (size_t i = 0; i < kMaxStreamsPerSession + 1; ++i) {
    streams.push_back(*service_->Subscribe(Staff(seoul_)));
  }
  EXPECT_TRUE(streams.front()->Take().closed);
  EXPECT_FALSE(streams.back()->Take().closed);
  EXPECT_EQ(service_->hub().StreamCount(seoul_), kMaxStreamsPerSession);
}

TEST_F(EmergencyServiceTest, OnlyOwnPeopleCanBeLinked) {
  const std::string id = Submit("KR-11", seoul_);
  auto r = service_->Link(Staff(seoul_), id, NewId(), "");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("person_id"), "emergency.unknown_person");
}

}  // namespace
}  // namespace dandelion::emergency
