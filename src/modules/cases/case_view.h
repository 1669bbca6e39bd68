// The caller's view of a case (CaseService's reads and changes share it): her person fields
// and the case's sealed fields opened under her key, the assigned workers, and why the caller
// may see it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "modules/cases/case_repo.h"
#include "modules/cases/model.h"
#include "modules/people/person_cipher.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::cases {

// The table a case's sealed fields are bound to.
inline constexpr std::string_view kCasesTable = "cases";

// Her key and the clear person fields a case shows, once per person within a request.
class PersonView {
 public:
  PersonView(store::Tx& tx, security::Keyring& keyring) : tx_(tx), keyring_(keyring) {}

  Result<const people::PersonCipher*> Cipher(const std::string& org_id,
                                             const std::string& person_id);
  Result<CasePerson> Person(const std::string& org_id, const std::string& person_id);
  // Her person from a list's row: opened under kept, the key a kept list holds for her
  // (ListedRows::key_of), or, when null, the row's wrapped key unwrapped once per view (Cipher).
  Result<CasePerson> Person(const case_repo::ListedCase& listed, const people::PersonCipher* kept);
  // What a list already read of her: Cipher and Person use it instead of querying again. The
  // listed case must outlive this view.
  void Know(const case_repo::ListedCase& listed) { known_[listed.c.person_id] = &listed; }

 private:
  store::Tx& tx_;
  security::Keyring& keyring_;
  std::map<std::string, people::PersonCipher> ciphers_;
  std::map<std::string, const case_repo::ListedCase*> known_;
};

// (user id, display name) rows as workers.
std::vector<Worker> Workers(const std::vector<std::pair<std::string, std::string>>& rows);

// The workers of one case.
Result<std::vector<Worker>> WorkersOf(store::Tx& tx, const std::string& case_id);

// The case as the caller sees it. readable = false leaves person and sealed fields out (a
// restricted case listed for someone who must break the glass to read it).
Result<Case> View(PersonView& people, const case_repo::StoredCase& c, std::vector<Worker> workers,
                  std::string_view access, bool readable);

// The case as a list shows it: View without the case's sealed fields (summary, safety plan,
// closure note, reopening reason), which a list neither reads nor opens.
Result<Case> ListedView(PersonView& people, const case_repo::StoredCase& c,
                        std::vector<Worker> workers, std::string_view access, bool readable);
// The same from a list's row, her person opened under kept (see PersonView::Person).
Result<Case> ListedView(PersonView& people, const case_repo::ListedCase& listed,
                        const people::PersonCipher* kept, std::vector<Worker> workers,
                        std::string_view access, bool readable);

}  // namespace dandelion::cases
