// The Korean/English message catalog for everything the server says to people.
//
// Errors and validation reasons carry message keys; the HTTP layer renders them in the
// caller's language (Accept-Language, Korean by default). Each module registers its own table
// once at start-up; a key without a message renders as the key itself, and a unit test keeps
// every registered message complete in both languages.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dandelion {

enum class Lang { kKo, kEn };

struct Message {
  std::string_view key;
  std::string_view ko;
  std::string_view en;
};

// Adds messages to the catalog. Thread-safe; call before serving.
void RegisterMessages(std::span<const Message> messages);

// The message for key in lang, or the key itself when unknown.
std::string Translate(std::string_view key, Lang lang);

// True when the catalog has key.
bool HasMessage(std::string_view key);

// Every registered message (for tests and the web app's catalog check).
std::vector<Message> AllMessages();

// Picks Korean or English from an Accept-Language header; Korean unless English is preferred.
Lang LangFromAcceptLanguage(std::string_view header);

}  // namespace dandelion
