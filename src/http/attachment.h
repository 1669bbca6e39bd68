// Files in and out of the API: a stored file answered as a download, and the media type an
// upload declares. Every module that stores files (case files, receipts, policy documents,
// campaign materials, agreements) answers and reads them the same way, here.
#pragma once

#include <string>
#include <string_view>

#include "http/request.h"

namespace dandelion::http {

// The bytes as an attachment under their file name: always a download, so that a stored file is
// never rendered in the app's origin, whatever it holds.
Response Attachment(std::string_view file_name, std::string bytes);

// The name for a Content-Disposition header: ASCII letters, digits, '.', '-', '_' and spaces
// kept, anything else '_' (the UTF-8 name travels separately, percent-encoded).
std::string AsciiFileName(std::string_view name);
// RFC 5987 percent-encoding of a UTF-8 name for filename*.
std::string PercentEncodeFileName(std::string_view name);

// The media type of an upload's body as its Content-Type says: lower case, without parameters.
std::string MediaType(const Request& request);

}  // namespace dandelion::http
