#include <gtest/gtest.h>

#include "store/database.h"

namespace dandelion::store {
namespace {

TEST(RowTest, ReadsNullAsTheZeroValueOfEachAccessor) {
  Row row({nullptr});
  EXPECT_TRUE(row.IsNull(0));
  EXPECT_EQ(row.Int(0), 0);
  EXPECT_EQ(row.Real(0), 0.0);
  EXPECT_EQ(row.Text(0), "");
  EXPECT_EQ(row.BlobBytes(0), "");
  EXPECT_EQ(row.OptText(0), std::nullopt);
  EXPECT_EQ(row.OptInt(0), std::nullopt);
}

TEST(RowTest, ConvertsNumericTextAsPostgresReturnsIt) {
  Row row({std::string("12345678901234"), std::string("2.5")});
  EXPECT_EQ(row.Int(0), 12345678901234);
  EXPECT_EQ(row.Real(1), 2.5);
  EXPECT_EQ(row.Int(1), 2);
}

TEST(RowTest, FormatsNumbersAsText) {
  Row row({int64_t{42}, 0.5, Blob{"ab"}});
  EXPECT_EQ(row.Text(0), "42");
  EXPECT_EQ(row.Text(1), "0.5");
  EXPECT_EQ(row.BlobBytes(2), "ab");
  EXPECT_EQ(row.OptInt(0), 42);
  EXPECT_EQ(row.Real(0), 42.0);
}

TEST(RowTest, ThrowsOnlyForAColumnThatDoesNotExist) {
  Row row({int64_t{1}});
  EXPECT_THROW(row.Int(1), std::out_of_range);
}

}  // namespace
}  // namespace dandelion::store
