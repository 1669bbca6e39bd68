// JSON-lines logging: every line the server writes to stderr is one JSON object.
//
// Application events are logged as JSON objects already ({"event":…}); a formatter installed on
// every logger adds "time" and "level" to them. Anything else — a library's message, a
// PostgreSQL notice, an error detail spanning several lines — becomes the escaped "message" of
// an object, so a multi-line text can never break the format.
#pragma once

#include <string>
#include <string_view>

namespace dandelion {

// One log line (without the newline): message merged when it is a JSON object, else carried as
// "message". time: RFC 3339 UTC with milliseconds.
std::string JsonLogLine(std::string_view time, std::string_view level, std::string_view message);

// Makes spdlog's default logger write JSON lines to stderr at level, and every logger created
// later format the same way. level must be one of trace, debug, info, warn, error (the config
// refuses others).
void UseJsonLogging(const std::string& level);

}  // namespace dandelion
