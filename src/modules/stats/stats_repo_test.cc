#include "modules/stats/stats_repo.h"

#include <gtest/gtest.h>

namespace dandelion::stats::stats_repo {
namespace {

TEST(StatsRepoTest, AnAliasIsUsedOnlyWhereAColumnOfItIsNamed) {
  EXPECT_TRUE(Uses("c.person_id", "c"));
  EXPECT_TRUE(Uses("COALESCE(p.age_band, 'unknown')", "p"));
  EXPECT_TRUE(Uses("(',' || c.situation || ',')", "c"));
  // Sub-selects name their own aliases; a column that ends in the letter is not the alias.
  EXPECT_FALSE(Uses("s.case_id IN (SELECT sc.id FROM cases sc)", "c"));
  EXPECT_FALSE(Uses("s.date >= ? AND s.type = 'c.x'", "p"));
  EXPECT_FALSE(Uses("s.id", "o"));
}

Subject Services() {
  return Subject{.from = "case_services s",
                 .joins = {{"c", "JOIN cases c ON c.id = s.case_id"},
                           {"p", "JOIN people p ON p.id = c.person_id"},
                           {"o", "JOIN organizations o ON o.id = s.org_id"}},
                 .where = "s.date >= ?",
                 .params = {},
                 .counted = "s.id",
                 .counted_is_row = true};
}

TEST(StatsRepoTest, JoinsOnlyWhatTheQueryUses) {
  EXPECT_EQ(FromFor(Services(), {"s.date >= ?", "s.id", "s.type"}), "case_services s");
  EXPECT_EQ(FromFor(Services(), {"s.id", "o.region"}),
            "case_services s JOIN organizations o ON o.id = s.org_id");
  EXPECT_EQ(FromFor(Services(), {"s.id", "c.intake_channel"}),
            "case_services s JOIN cases c ON c.id = s.case_id");
}

TEST(StatsRepoTest, AJoinBringsTheJoinItGoesThrough) {
  // Her record is reached through her case.
  EXPECT_EQ(FromFor(Services(), {"s.id", "COALESCE(p.age_band, 'unknown')", "o.kind"}),
            "case_services s JOIN cases c ON c.id = s.case_id JOIN people p ON p.id = "
            "c.person_id JOIN organizations o ON o.id = s.org_id");
}

}  // namespace
}  // namespace dandelion::stats::stats_repo
