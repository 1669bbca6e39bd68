#include "store/placeholders.h"

namespace dandelion::store {

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  size_t i = 0;
  // Copies sql[i..] up to and including the terminator; '' and "" inside quotes just toggle twice.
  auto copy_until = [&](std::string_view terminator) {
    size_t end = sql.find(terminator, i);
    end = end == std::string_view::npos ? sql.size() : end + terminator.size();
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      out.push_back(c);
      ++i;
      copy_until(std::string_view(&c, 1));
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      copy_until("\n");
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      out.append("/*");
      i += 2;
      copy_until("*/");
    } else if (c == '?') {
      out.push_back('$');
      out.append(std::to_string(next++));
      ++i;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

}  // namespace dandelion::store
