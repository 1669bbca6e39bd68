// RewritePlaceholders: turns the portable `?` placeholders of repo SQL into PostgreSQL's $1..$n.
//
// A `?` inside a single-quoted string literal, a double-quoted identifier or a comment is left
// alone. PostgreSQL's jsonb operators `?`, `?|`, `?&` therefore cannot be written in repo SQL;
// use the functions jsonb_exists() etc. instead. Dollar-quoted strings are not recognised (repo
// SQL has no reason to use them; migrations are not rewritten).
//
// Thread-safety: a pure function.
#pragma once

#include <string>
#include <string_view>

namespace dandelion::store {

std::string RewritePlaceholders(std::string_view sql);

}  // namespace dandelion::store
