#include "core/error.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace dandelion {
namespace {

TEST(ErrorTest, EveryCodeHasItsOwnWireNameAndAClientOrServerStatus) {
  std::set<std::string> names;
  for (ErrorCode code : AllErrorCodes()) {
    EXPECT_TRUE(names.insert(std::string(CodeName(code))).second) << CodeName(code);
    EXPECT_GE(HttpStatus(code), 400) << CodeName(code);
    EXPECT_LT(HttpStatus(code), 600) << CodeName(code);
  }
  // The list is in the enum's order and holds it all, first to last.
  ASSERT_FALSE(AllErrorCodes().empty());
  for (size_t i = 0; i < AllErrorCodes().size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(AllErrorCodes()[i]), i);
  }
  EXPECT_EQ(AllErrorCodes().back(), ErrorCode::kUnavailable);
  EXPECT_EQ(CodeName(ErrorCode::kBreakGlassRequired), "break_glass_required");
  EXPECT_EQ(HttpStatus(ErrorCode::kReauthRequired), 403);
  EXPECT_EQ(HttpStatus(ErrorCode::kMfaRequired), 401);
}

}  // namespace
}  // namespace dandelion
