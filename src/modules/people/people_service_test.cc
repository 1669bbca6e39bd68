#include "modules/people/people_service.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "modules/people/person_cipher.h"
#include "modules/people/search_index.h"
#include "security/account_repo.h"
#include "security/session_confirmation.h"
#include "testing/test_world.h"

namespace dandelion::people {
namespace {

using testing::At;

class PeopleServiceTest : public testing::WorldTest {
 protected:
  PeopleServiceTest() : WorldTest({.start = At("2026-03-01T09:30:00Z")}) {}

  void SetUp() override {
    WorldTest::SetUp();
    org_a_ = AddOrg("seoul1-center");
    org_b_ = AddOrg("busan-shelter");
  }

  security::Actor Worker(const std::string& org_id, const char* role = "case_worker") {
    return testing::ActorOf(std::string("user-") + role + "-" + org_id, org_id, {role});
  }

  PersonFields Minji() {
    PersonFields f;
    f.legal_name = "김민지";
    f.alias = "들꽃";
    f.birth_date = "2008-05-01";
    f.phone = "010-1234-5678";
    f.safe_contact = "문자 남기지 말 것";
    f.nationality = "KR";
    f.languages = std::vector<std::string>{"ko"};
    f.categories = std::vector<std::string>{"youth", "online_exploitation"};
    return f;
  }

  std::string org_a_;
  std::string org_b_;
};

TEST_F(PeopleServiceTest, RegistersWithACodePerOrganizationAndYear) {
  auto first = people_->Create(Worker(org_a_), Minji());
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(first->code, "SEOU-2026-0001");
  EXPECT_EQ(first->age_band, "under_19");
  auto second = people_->Create(Worker(org_a_), Minji());
  ASSERT_TRUE(second);
  EXPECT_EQ(second->code, "SEOU-2026-0002");
  auto other = people_->Create(Worker(org_b_), Minji());
  ASSERT_TRUE(other);
  EXPECT_EQ(other->code, "BUSA-2026-0001");
  auto read = people_->Get(Worker(org_a_, "supervisor"), first->id);
  ASSERT_TRUE(read) << read.error().detail;
  EXPECT_EQ(read->value.legal_name, "김민지");
  EXPECT_EQ(read->value.safe_contact, "문자 남기지 말 것");
  EXPECT_EQ(read->value.categories, (std::vector<std::string>{"youth", "online_exploitation"}));
  ASSERT_TRUE(read->audit.Wait());
  EXPECT_EQ(AuditOf("person.create").size(), 3u);
  EXPECT_EQ(AuditOf("person.read").size(), 1u);
}

TEST_F(PeopleServiceTest, RejectsReadFromAnotherOrganization) {
  auto p = people_->Create(Worker(org_a_), Minji());
  ASSERT_TRUE(p);
  auto read = people_->Get(Worker(org_b_), p->id);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(read.error().message_key, "error.not_found");
  PersonFields change;
  change.alias = "바뀐 이름";
  auto patch = people_->Update(Worker(org_b_), p->id, change);
  ASSERT_FALSE(patch);
  EXPECT_EQ(patch.error().code, ErrorCode::kNotFound);
  auto found = people_->Search(Worker(org_b_), {PersonQuery::Key::kName, "김민지"});
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->value.empty());
  ASSERT_TRUE(found->audit.Wait());
  // The refused attempts are on record, with the prober's organization.
  auto attempts = AuditOf("person.read");
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(attempts[0].outcome, "not_found");
  EXPECT_EQ(attempts[0].org_id, org_b_);
}

TEST_F(PeopleServiceTest, RefusesRolesWithoutPeoplePermissions) {
  for (const char* role : {"advocate", "researcher", "network_admin", "auditor", "finance"}) {
    auto r = people_->Create(Worker(org_a_, role), Minji());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden) << role;
  }
}

TEST_F(PeopleServiceTest, StoresOnlyCiphertext) {
  ASSERT_TRUE(people_->Create(Worker(org_a_), Minji()));
  std::string dump;
  ASSERT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
    for (const char* table : {"people", "person_keys", "audit_log"}) {
      auto rows = tx.Query(std::string("SELECT * FROM ") + table);
      if (!rows) return Fail(rows.error());
      for (const auto& r : *rows) {
        for (size_t i = 0; i < r.size(); ++i) dump += r.IsNull(i) ? "" : r.Text(i) + r.BlobBytes(i);
      }
    }
    return Ok();
  }));
  for (const char* secret :
       {"김민지", "들꽃", "2008-05-01", "010-1234-5678", "01012345678", "문자 남기지"}) {
    EXPECT_EQ(dump.find(secret), std::string::npos) << secret;
  }
}

TEST_F(PeopleServiceTest, FindsByNamePhoneAndCodeWithinTheOrganization) {
  auto p = people_->Create(Worker(org_a_), Minji());
  ASSERT_TRUE(p);
  for (PersonQuery q : {PersonQuery{PersonQuery::Key::kName, "김민지"},
                        PersonQuery{PersonQuery::Key::kPhone, "01012345678"},
                        PersonQuery{PersonQuery::Key::kCode, "seou-2026-0001"}}) {
    auto found = people_->Search(Worker(org_a_), q);
    ASSERT_TRUE(found) << found.error().detail;
    ASSERT_TRUE(found->audit.Wait());
    ASSERT_EQ(found->value.size(), 1u);
    EXPECT_EQ(found->value.front().id, p->id);
  }
  auto none = people_->Search(Worker(org_a_), {PersonQuery::Key::kName, "김민수"});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->value.empty());
  ASSERT_TRUE(none->audit.Wait());
  auto searches = AuditOf("person.search");
  ASSERT_EQ(searches.size(), 4u);
  EXPECT_EQ(searches[0].entity_id, "");
  EXPECT_EQ(searches[0].fields, std::vector<std::string>{"name"});
}

// Every way of finding people, given a session the gate took from memory
// (security/session_confirmation.h), confirms it in the read: a search by name or phone in the
// statement that finds her or no one, a search by code, a prefix search and the list first. Each
// stands while the session is unchanged; once it ended or her roles changed, each fails
// unaudited, a bad query included, and a checked actor still finds her.
TEST_F(PeopleServiceTest, FindingConfirmsARememberedSessionInTheRead) {
  const security::Actor worker = AddUser(org_a_, "remembered", "case_worker");
  const std::string id = testing::Must(people_->Create(worker, Minji())).id;
  const security::Actor remembered = RememberedSession(worker, std::string(32, 'r'));
  const std::vector<PersonQuery> searches = {{PersonQuery::Key::kName, "김민지"},
                                             {PersonQuery::Key::kPhone, "01012345678"},
                                             {PersonQuery::Key::kPhone, "01099998888"},
                                             {PersonQuery::Key::kCode, "seou-2026-0001"}};
  const PersonQuery bad_search{PersonQuery::Key::kPhone, "---"};
  const PeopleFilter bad_filter{.open_case = "maybe"};
  auto finds = [&](const security::Actor& who) {
    std::vector<size_t> found;
    for (const PersonQuery& q : searches) {
      auto r = testing::Must(people_->Search(who, q));
      testing::Must(r.audit.Wait());
      found.push_back(r.value.size());
    }
    auto prefix = testing::Must(people_->Find(who, "김민"));
    testing::Must(prefix.audit.Wait());
    found.push_back(prefix.value.items.size());
    auto listed = testing::Must(people_->List(who, {}));
    testing::Must(listed.audit.Wait());
    found.push_back(listed.value.items.size());
    return found;
  };
  const std::vector<size_t> expected = {1, 1, 0, 1, 1, 1};
  EXPECT_EQ(finds(remembered), expected);
  // A bad query is answered only after a full check of the session (BeforeConfirmation).
  EXPECT_EQ(people_->Search(remembered, bad_search).error().message_key,
            security::kSessionUnconfirmed);
  EXPECT_EQ(people_->Search(worker, bad_search).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(people_->List(remembered, bad_filter).error().message_key,
            security::kSessionUnconfirmed);
  EXPECT_EQ(people_->List(worker, bad_filter).error().code, ErrorCode::kInvalid);

  auto refused_every_way = [&](const char* why) {
    const size_t audited = AuditOf("person.search").size() + AuditOf("person.list").size();
    for (const PersonQuery& q : searches) {
      auto r = people_->Search(remembered, q);
      ASSERT_FALSE(r) << why << " " << q.value;
      EXPECT_EQ(r.error().message_key, security::kSessionUnconfirmed) << why << " " << q.value;
    }
    EXPECT_EQ(people_->Search(remembered, bad_search).error().message_key,
              security::kSessionUnconfirmed);
    EXPECT_EQ(people_->Find(remembered, "김민").error().message_key, security::kSessionUnconfirmed)
        << why;
    EXPECT_EQ(people_->List(remembered, {}).error().message_key, security::kSessionUnconfirmed)
        << why;
    EXPECT_EQ(AuditOf("person.search").size() + AuditOf("person.list").size(), audited) << why;
  };
  testing::Must(db_->Write([&](store::Tx& tx) {
    return security::account_repo::UpdateRoles(tx, worker.user_id, "supervisor");
  }));
  refused_every_way("roles changed");
  testing::Must(db_->Write([&](store::Tx& tx) {
    return security::account_repo::UpdateRoles(tx, worker.user_id, "case_worker");
  }));
  EXPECT_EQ(finds(remembered), expected);
  testing::Must(db_->Write([&](store::Tx& tx) {
    return security::account_repo::EndSession(tx, remembered.session_id, UnixSeconds(clock_.Now()));
  }));
  refused_every_way("ended");
  EXPECT_EQ(finds(worker), expected);
  EXPECT_EQ(testing::Must(people_->Get(worker, id)).value.id, id);
}

// Several women of one name are found in the order of their codes, which the blind index's own
// index gives (migration 0029), not in the order they were written.
TEST_F(PeopleServiceTest, SameNameFoundInTheOrderOfTheirCodes) {
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    auto p = people_->Create(Worker(org_a_), PersonFields{.legal_name = "박지은"});
    ASSERT_TRUE(p) << p.error().detail;
    ids.push_back(p->id);
  }
  // The last written takes the first code, the first the last.
  ASSERT_TRUE(db_->ExecScript("UPDATE people SET code = 'SEOU-2026-9' || code WHERE id = '" +
                              ids[0] + "'"));
  ASSERT_TRUE(
      db_->ExecScript("UPDATE people SET code = 'SEOU-2026-0000' WHERE id = '" + ids[2] + "'"));
  auto found = people_->Search(Worker(org_a_), {PersonQuery::Key::kName, "박지은"});
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_TRUE(found->audit.Wait());
  std::vector<std::string> order;
  for (const auto& person : found->value) order.push_back(person.id);
  EXPECT_EQ(order, (std::vector<std::string>{ids[2], ids[1], ids[0]}));
}

// A first start indexes, batch by batch, everyone whose search terms are missing (people
// written by `dandelion generate`, or older than the organization's current key). Many batches,
// two organizations mixed in id order: each person once, every one of them, and then found.
TEST_F(PeopleServiceTest, RefreshIndexesEveryoneLaggingAcrossBatches) {
  constexpr int kPeople = 450;  // more than two batches
  std::string last_a;
  for (int i = 0; i < kPeople; ++i) {
    PersonFields f;
    f.legal_name = "이름" + std::to_string(i);
    f.phone = "010-5000-" + std::to_string(1000 + i);
    const std::string org = i % 3 == 0 ? org_b_ : org_a_;
    auto p = people_->Create(Worker(org), f);
    ASSERT_TRUE(p) << p.error().detail;
    if (org == org_a_) last_a = p->id;
  }
  ASSERT_TRUE(db_->ExecScript(
      "DELETE FROM person_search_terms; UPDATE people SET search_key_version = NULL"));
  auto refreshed = RefreshPersonIndexes(*db_, *keyring_);
  ASSERT_TRUE(refreshed) << refreshed.error().detail;
  EXPECT_EQ(*refreshed, kPeople);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE search_key_version IS NULL"), 0);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT person_id) FROM person_search_terms"), kPeople);
  auto again = RefreshPersonIndexes(*db_, *keyring_);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
  auto found = people_->Search(Worker(org_a_), {PersonQuery::Key::kPhone, "010-5000-1449"});
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_TRUE(found->audit.Wait());
  ASSERT_EQ(found->value.size(), 1u);
  EXPECT_EQ(found->value.front().id, last_a);
}

// Her card holds her legal name, alias and safe-contact words together, sealed under her key and
// bound to her row: what a list opens instead of the three. A change reseals it; a row written
// before cards existed gets one from the start-up walk.
TEST_F(PeopleServiceTest, HerCardHoldsWhatAListShowsAndFollowsHerChanges) {
  auto p = people_->Create(Worker(org_a_), Minji());
  ASSERT_TRUE(p) << p.error().detail;
  auto other = people_->Create(Worker(org_a_), PersonFields{.legal_name = "이서연"});
  ASSERT_TRUE(other) << other.error().detail;
  auto card_of = [&](const std::string& id) {
    return testing::Must(db_->ReadValue([&](store::Tx& tx) -> Result<std::string> {
      auto row = TRY(person_repo::FindById(tx, id));
      return row ? row->card : std::string();
    }));
  };
  auto open = [&](const std::string& id, const std::string& card) {
    return db_->WriteValue([&](store::Tx& tx) -> Result<PersonCipher::Card> {
      auto cipher = TRY(PersonCipher::Load(tx, *keyring_, org_a_, id));
      return cipher.OpenCard(card);
    });
  };
  auto card = testing::Must(open(p->id, card_of(p->id)));
  EXPECT_EQ(card.legal_name, "김민지");
  EXPECT_EQ(card.alias, "들꽃");
  EXPECT_EQ(card.safe_contact, "문자 남기지 말 것");
  // Bound to her: under another woman's key it does not open.
  EXPECT_FALSE(open(other->id, card_of(p->id)));
  auto theirs = testing::Must(open(other->id, card_of(other->id)));
  EXPECT_EQ(theirs.legal_name, "이서연");
  EXPECT_EQ(theirs.alias, "");
  EXPECT_EQ(theirs.safe_contact, "");

  PersonFields change;
  change.safe_contact = "12:00 이후, 전화만: 3번 울리고 끊기";  // colons and digits are hers
  ASSERT_TRUE(people_->Update(Worker(org_a_), p->id, change));
  card = testing::Must(open(p->id, card_of(p->id)));
  EXPECT_EQ(card.legal_name, "김민지");
  EXPECT_EQ(card.safe_contact, "12:00 이후, 전화만: 3번 울리고 끊기");

  // Reading her opens the card and her two other fields; a row without a card opens all five,
  // and both give her the same.
  auto read = [&](const std::string& id) {
    auto got = people_->Get(Worker(org_a_, "supervisor"), id);
    EXPECT_TRUE(got && got->audit.Wait());
    return got ? got->value : Person{};
  };
  const Person with_card = read(p->id);
  EXPECT_EQ(with_card.legal_name, "김민지");
  EXPECT_EQ(with_card.alias, "들꽃");
  EXPECT_EQ(with_card.birth_date, "2008-05-01");
  EXPECT_EQ(with_card.phone, "010-1234-5678");
  EXPECT_EQ(with_card.safe_contact, "12:00 이후, 전화만: 3번 울리고 끊기");

  // A search's or a list's summary leaves her birth date sealed, and her phone unless asked for.
  auto summary = [&](const std::string& id, PersonCipher::WithPhone with_phone) {
    return testing::Must(db_->WriteValue([&](store::Tx& tx) -> Result<Person> {
      auto cipher = TRY(PersonCipher::Load(tx, *keyring_, org_a_, id));
      auto row = TRY(person_repo::FindById(tx, id));
      return cipher.OpenSummary(*row, with_phone);
    }));
  };
  auto summaries_hold = [&] {
    const Person shown = summary(p->id, PersonCipher::WithPhone::kNo);
    EXPECT_EQ(shown.legal_name, "김민지");
    EXPECT_EQ(shown.alias, "들꽃");
    EXPECT_EQ(shown.safe_contact, "12:00 이후, 전화만: 3번 울리고 끊기");
    EXPECT_EQ(shown.categories, with_card.categories);
    EXPECT_EQ(shown.phone, "");
    EXPECT_EQ(shown.birth_date, "");
    const Person checked = summary(p->id, PersonCipher::WithPhone::kYes);
    EXPECT_EQ(checked.phone, "010-1234-5678");
    EXPECT_EQ(checked.birth_date, "");
  };
  summaries_hold();

  // Rows from before migration 0028: the walk seals their cards, once.
  ASSERT_TRUE(db_->ExecScript("UPDATE people SET card = NULL"));
  summaries_hold();
  const Person without_card = read(p->id);
  EXPECT_EQ(without_card.legal_name, with_card.legal_name);
  EXPECT_EQ(without_card.alias, with_card.alias);
  EXPECT_EQ(without_card.birth_date, with_card.birth_date);
  EXPECT_EQ(without_card.phone, with_card.phone);
  EXPECT_EQ(without_card.safe_contact, with_card.safe_contact);
  auto sealed = SealMissingCards(*db_, *keyring_);
  ASSERT_TRUE(sealed) << sealed.error().detail;
  EXPECT_EQ(*sealed, 2);
  EXPECT_EQ(testing::Must(open(p->id, card_of(p->id))).safe_contact,
            "12:00 이후, 전화만: 3번 울리고 끊기");
  EXPECT_EQ(testing::Must(SealMissingCards(*db_, *keyring_)), 0);
}

TEST_F(PeopleServiceTest, RefusesBadValuesAndWritesNothing) {
  PersonFields f = Minji();
  f.categories = std::vector<std::string>{"youth", "tourist"};
  f.birth_date = "2026-02-30";
  f.nationality = "XX";
  auto r = people_->Create(Worker(org_a_), f);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().fields.count("categories"), 1u);
  EXPECT_EQ(r.error().fields.count("birth_date"), 1u);
  EXPECT_EQ(r.error().fields.count("nationality"), 1u);
  f = Minji();
  f.birth_date = "2026-03-02";  // tomorrow
  EXPECT_FALSE(people_->Create(Worker(org_a_), f));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM person_keys"), 0);
}

TEST_F(PeopleServiceTest, UpdateAuditsTheNamesOfChangedFields) {
  auto p = people_->Create(Worker(org_a_), Minji());
  ASSERT_TRUE(p);
  PersonFields change;
  change.phone = "010-9999-0000";
  change.alias = "들꽃";  // unchanged
  auto updated = people_->Update(Worker(org_a_), p->id, change);
  ASSERT_TRUE(updated) << updated.error().detail;
  EXPECT_EQ(updated->phone, "010-9999-0000");
  auto entries = AuditOf("person.update");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].fields, std::vector<std::string>{"phone"});
  auto old_phone = people_->Search(Worker(org_a_), {PersonQuery::Key::kPhone, "01012345678"});
  ASSERT_TRUE(old_phone);
  EXPECT_TRUE(old_phone->value.empty());
  auto new_phone = people_->Search(Worker(org_a_), {PersonQuery::Key::kPhone, "01099990000"});
  ASSERT_TRUE(new_phone);
  EXPECT_EQ(new_phone->value.size(), 1u);
}

TEST_F(PeopleServiceTest, ErasedPersonCannotBeDecrypted) {
  auto p = people_->Create(Worker(org_a_), Minji());
  ASSERT_TRUE(p);
  security::Actor supervisor = Worker(org_a_, "supervisor");
  auto stale = people_->Erase(supervisor, p->id, "본인 요청");
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().message_key, "security.reauth_required");
  auto worker = people_->Erase(Worker(org_a_), p->id, "본인 요청");
  ASSERT_FALSE(worker);
  EXPECT_EQ(worker.error().code, ErrorCode::kForbidden);
  supervisor.reauth_at = UnixSeconds(clock_.Now());
  ASSERT_TRUE(people_->Erase(supervisor, p->id, "본인 요청"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM person_keys"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE legal_name IS NOT NULL OR phone IS NOT NULL "
                  "OR alias IS NOT NULL OR birth_date IS NOT NULL OR safe_contact IS NOT NULL "
                  "OR card IS NOT NULL"),
            0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE erased_at IS NOT NULL"), 1);
  auto read = people_->Get(supervisor, p->id);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message_key, "people.erased");
  EXPECT_TRUE(db_->Write([&](store::Tx& tx) -> Result<void> {
    auto cipher = PersonCipher::Load(tx, *keyring_, org_a_, p->id);
    EXPECT_FALSE(cipher);
    return Ok();
  }));
  // Her code is never handed out again.
  auto next = people_->Create(Worker(org_a_), Minji());
  ASSERT_TRUE(next);
  EXPECT_EQ(next->code, "SEOU-2026-0002");
}

TEST(PeopleModelTest, AgeBandsAndCodePrefixes) {
  TimePoint at = At("2026-03-01T00:00:00Z");
  EXPECT_EQ(AgeBand("2007-03-02", at), "under_19");
  EXPECT_EQ(AgeBand("2007-03-01", at), "19_24");
  EXPECT_EQ(AgeBand("1990-01-01", at), "30_39");
  EXPECT_EQ(AgeBand("1970-01-01", at), "50_plus");
  EXPECT_EQ(CodePrefix("seoul1-center"), "SEOU");
  EXPECT_EQ(CodePrefix("org-a"), "ORGA");
  EXPECT_EQ(FormatCode("SEO1", 2026, 42), "SEO1-2026-0042");
  EXPECT_TRUE(IsCountryCode("KR"));
  EXPECT_FALSE(IsCountryCode("XX"));
}

}  // namespace
}  // namespace dandelion::people
