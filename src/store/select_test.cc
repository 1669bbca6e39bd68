#include "store/select.h"

#include <gtest/gtest.h>

namespace dandelion::store {
namespace {

TEST(SelectTest, QualifiedNamesEveryColumnOfAList) {
  EXPECT_EQ(Qualified("id, org_id, erased_at", "p"), "p.id, p.org_id, p.erased_at");
  EXPECT_EQ(Qualified("id", "users"), "users.id");
}

}  // namespace
}  // namespace dandelion::store
