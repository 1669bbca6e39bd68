// The world of the tests of the kept case rows (list_cache_test.cc, case_cache_test.cc): one
// organization, a worker with one open case of one woman, a colleague and a supervisor; and a way
// to change the database behind the services' back, as another process would.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "modules/cases/case_service.h"
#include "modules/people/people_service.h"
#include "testing/test_world.h"

namespace dandelion::cases {

class KeptRowsTest : public testing::WorldTest {
 protected:
  KeptRowsTest() : WorldTest({.start = testing::At("2026-03-01T09:30:00Z")}) {}

  void SetUp() override {
    WorldTest::SetUp();
    org_ = AddOrg("seoul1-center");
    worker_ = AddUser(org_, "worker", "case_worker", "김상담");
    colleague_ = AddUser(org_, "other", "case_worker", "이상담");
    supervisor_ = AddUser(org_, "super", "supervisor");
    supervisor_.reauth_at = UnixSeconds(clock_.Now());
    person_ = Register(worker_, "김민지");
    case_ = OpenCase(worker_, person_, "high", "선불금 채무");
  }

  // A woman who registers her; her id.
  std::string Register(const security::Actor& who, const char* legal_name) {
    people::PersonFields fields;
    fields.legal_name = legal_name;
    return testing::Must(people_->Create(who, fields)).id;
  }

  // A case of person that who opens from a hotline call; its id.
  std::string OpenCase(const security::Actor& who, const std::string& person, const char* risk,
                       const char* summary) {
    CaseFields f;
    f.person_id = person;
    f.intake_channel = "hotline";
    f.risk_level = risk;
    f.summary = summary;
    return testing::Must(cases_->Open(who, f)).id;
  }

  // A change behind the services' back, as another process would make it.
  void Behind(const std::string& sql) {
    ASSERT_TRUE(db_->Write([&](store::Tx& tx) -> Result<void> {
      TRY(tx.Exec(sql));
      return Ok();
    }));
  }

  std::string org_;
  std::string person_;
  std::string case_;
  security::Actor worker_;
  security::Actor colleague_;
  security::Actor supervisor_;
};

}  // namespace dandelion::cases
