// The catalog RegisterAllMessages builds, against the source: every message key the server
// can send, found in the code itself rather than in a list kept by hand, has a Korean and an
// English text.
#include "app/services.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "app/private_files.h"
#include "core/messages.h"
#include "http/http_messages.h"
#include "security/policy.h"
#include "testing/test_world.h"

namespace dandelion::app {
namespace {

// Every string literal in the non-test C++ sources that looks like a key of the catalog: a
// namespace the catalog uses ("security.", "cases."...), then dotted snake_case words. Left
// out: permission names and audit actions, which share those namespaces but are not messages.
std::set<std::string> KeysInTheCode(const std::set<std::string>& namespaces) {
  std::set<std::string> permissions;
  for (const auto& grant : security::AllPermissions()) permissions.emplace(grant.permission);
  const std::regex literal(R"re("([a-z_]+)\.([a-z0-9_]+(\.[a-z0-9_]+)*)")re");
  // An audit action: the second argument of (Actor)Event(...) or a value of `action =`.
  const std::regex audit_action(R"re((Event\([^,()]*,\s*|action\s*=\s*)$)re");
  std::set<std::string> keys;
  const std::filesystem::path src = std::filesystem::path(testing::SourceDir()) / "src";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const std::string path = entry.path().string();
    if (!entry.is_regular_file() || path.ends_with("_test.cc") ||
        path.find("/testing/") != path.npos || !(path.ends_with(".cc") || path.ends_with(".h"))) {
      continue;
    }
    std::string text =
        testing::ReadSource(std::filesystem::relative(entry.path(), testing::SourceDir()));
    // Comments name keys and actions in prose; only code counts.
    text = std::regex_replace(text, std::regex(R"(\n\s*//[^\n]*)"), "\n");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), literal);
         it != std::sregex_iterator(); ++it) {
      const std::string key = (*it)[0].str().substr(1, (*it)[0].length() - 2);
      if (!namespaces.contains((*it)[1].str()) || permissions.contains(key)) continue;
      const size_t at = static_cast<size_t>(it->position(0));
      const std::string before = text.substr(at >= 40 ? at - 40 : 0, at >= 40 ? 40 : at);
      if (std::regex_search(before, audit_action)) continue;
      keys.insert(key);
    }
  }
  return keys;
}

TEST(MessagesTest, EveryKeyTheCodeUsesHasKoreanAndEnglish) {
  RegisterAllMessages();
  // Registered where they are first needed: the HTTP layer's at its first error, the data dir
  // check's when it first runs.
  http::RegisterHttpMessages();
  (void)CheckDataDirPrivate(Config{});
  std::set<std::string> namespaces;
  for (const Message& m : AllMessages()) {
    namespaces.insert(std::string(m.key.substr(0, m.key.find('.'))));
  }
  const std::set<std::string> keys = KeysInTheCode(namespaces);
  // The scan finds the keys it must (a sign it reads the tree), from several layers.
  for (const char* known : {"error.not_found", "security.bad_credentials", "people.erased",
                            "field.unknown_value", "network.self_grant"}) {
    EXPECT_TRUE(keys.contains(known)) << known;
  }
  for (const std::string& key : keys) {
    ASSERT_TRUE(HasMessage(key)) << key << " is used in src/ but has no message";
    const std::string ko = Translate(key, Lang::kKo);
    const std::string en = Translate(key, Lang::kEn);
    EXPECT_FALSE(ko.empty()) << key;
    EXPECT_FALSE(en.empty()) << key;
    EXPECT_NE(ko, en) << key;
  }
}

}  // namespace
}  // namespace dandelion::app
