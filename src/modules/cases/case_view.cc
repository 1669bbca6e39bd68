#include "modules/cases/case_view.h"

#include "modules/people/person_repo.h"
#include "modules/service_support.h"

namespace dandelion::cases {

namespace {

// Her person's sealed columns as a list or a case read holds them, opened.
Result<CasePerson> Open(const people::PersonCipher& cipher, const std::string& person_id,
                        const case_repo::ListedCase& listed) {
  auto card = cipher.OpenCardOr(listed.card, listed.legal_name, listed.alias, listed.safe_contact);
  if (!card) return Fail(ErrorCode::kInternal, "error.internal");
  return CasePerson{.id = person_id,
                    .code = listed.person_code,
                    .legal_name = std::move(card->legal_name),
                    .alias = std::move(card->alias),
                    .safe_contact = std::move(card->safe_contact)};
}

// The case as every view shows it, without her person and the case's sealed fields.
Case Unsealed(const case_repo::StoredCase& c, std::vector<Worker> workers,
              std::string_view access) {
  return Case{.id = c.id,
              .org_id = c.org_id,
              .number = c.number,
              .status = c.status,
              .intake_channel = c.intake_channel,
              .situation = SplitTags(c.situation),
              .risk_level = c.risk_level,
              .restricted = c.restricted,
              .assigned = std::move(workers),
              .opened_at = c.opened_at,
              .closed_at = c.closed_at,
              .closure_reason = c.closure_reason,
              .last_contact_at = c.last_contact_at,
              .updated_at = c.updated_at,
              .access = std::string(access)};
}

}  // namespace

Result<const people::PersonCipher*> PersonView::Cipher(const std::string& org_id,
                                                       const std::string& person_id) {
  auto it = ciphers_.find(person_id);
  if (it == ciphers_.end()) {
    auto known = known_.find(person_id);
    people::PersonCipher cipher =
        known == known_.end() ? TRY(people::PersonCipher::Load(tx_, keyring_, org_id, person_id))
                              : TRY(people::PersonCipher::Unwrap(tx_, keyring_, org_id, person_id,
                                                                 known->second->key));
    it = ciphers_.emplace(person_id, std::move(cipher)).first;
  }
  return &it->second;
}

Result<CasePerson> PersonView::Person(const std::string& org_id, const std::string& person_id) {
  case_repo::ListedCase read;  // her columns, when no list read them already
  const case_repo::ListedCase* listed = nullptr;
  if (auto known = known_.find(person_id); known != known_.end()) {
    listed = known->second;
  } else {
    auto row = TRY(people::person_repo::FindById(tx_, person_id));
    if (!row) return Fail(NotFound());
    read.person_code = row->code;
    read.legal_name = std::move(row->legal_name);
    read.alias = std::move(row->alias);
    read.safe_contact = std::move(row->safe_contact);
    read.card = std::move(row->card);
    listed = &read;
  }
  const people::PersonCipher* cipher = TRY(Cipher(org_id, person_id));
  return Open(*cipher, person_id, *listed);
}

Result<CasePerson> PersonView::Person(const case_repo::ListedCase& listed,
                                      const people::PersonCipher* kept) {
  if (!kept) {
    Know(listed);  // Cipher unwraps the row's key once per view
    kept = TRY(Cipher(listed.c.org_id, listed.c.person_id));
  }
  return Open(*kept, listed.c.person_id, listed);
}

std::vector<Worker> Workers(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<Worker> out;
  for (const auto& [id, name] : rows) out.push_back({id, name});
  return out;
}

Result<std::vector<Worker>> WorkersOf(store::Tx& tx, const std::string& case_id) {
  auto all = TRY(case_repo::WorkersOf(tx, {case_id}));
  return Workers(all[case_id]);
}

Result<Case> ListedView(PersonView& people, const case_repo::StoredCase& c,
                        std::vector<Worker> workers, std::string_view access, bool readable) {
  Case out = Unsealed(c, std::move(workers), access);
  if (readable) out.person = TRY(people.Person(c.org_id, c.person_id));
  return out;
}

Result<Case> ListedView(PersonView& people, const case_repo::ListedCase& listed,
                        const people::PersonCipher* kept, std::vector<Worker> workers,
                        std::string_view access, bool readable) {
  Case out = Unsealed(listed.c, std::move(workers), access);
  if (readable) out.person = TRY(people.Person(listed, kept));
  return out;
}

Result<Case> View(PersonView& people, const case_repo::StoredCase& c, std::vector<Worker> workers,
                  std::string_view access, bool readable) {
  Case out = TRY(ListedView(people, c, std::move(workers), access, readable));
  if (!readable) return out;
  const people::PersonCipher* cipher = TRY(people.Cipher(c.org_id, c.person_id));
  auto summary = cipher->OpenRecord(kCasesTable, "summary", c.id, c.summary);
  auto plan = cipher->OpenRecord(kCasesTable, "safety_plan", c.id, c.safety_plan);
  auto note = cipher->OpenRecord(kCasesTable, "closure_note", c.id, c.closure_note);
  auto reopen = cipher->OpenRecord(kCasesTable, "reopen_reason", c.id, c.reopen_reason);
  if (!summary || !plan || !note || !reopen) return Fail(ErrorCode::kInternal, "error.internal");
  out.reopen_reason = std::move(*reopen);
  out.summary = std::move(*summary);
  out.safety_plan = std::move(*plan);
  out.closure_note = std::move(*note);
  return out;
}

}  // namespace dandelion::cases
