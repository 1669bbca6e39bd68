// The network's description for the public site (about.cc).
#pragma once

#include <string_view>

#include "core/messages.h"

namespace dandelion::site {

// The "about" section's contents: paragraphs and a list, already HTML.
std::string_view AboutHtml(Lang lang);

}  // namespace dandelion::site
