#include "store/placeholders.h"

#include <gtest/gtest.h>

namespace dandelion::store {
namespace {

TEST(RewritePlaceholdersTest, NumbersEachPlaceholderInOrder) {
  EXPECT_EQ(RewritePlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
}

TEST(RewritePlaceholdersTest, LeavesQuestionMarksInStringLiteralsAlone) {
  EXPECT_EQ(RewritePlaceholders("SELECT 'a?b', 'it''s ?', ? FROM t"),
            "SELECT 'a?b', 'it''s ?', $1 FROM t");
}

TEST(RewritePlaceholdersTest, LeavesIdentifiersAndCommentsAlone) {
  EXPECT_EQ(RewritePlaceholders("SELECT \"odd?\" -- why?\n, ? /* really? */ , ?"),
            "SELECT \"odd?\" -- why?\n, $1 /* really? */ , $2");
}

TEST(RewritePlaceholdersTest, SurvivesAnUnterminatedLiteral) {
  EXPECT_EQ(RewritePlaceholders("SELECT ? WHERE x = 'open?"), "SELECT $1 WHERE x = 'open?");
}

}  // namespace
}  // namespace dandelion::store
