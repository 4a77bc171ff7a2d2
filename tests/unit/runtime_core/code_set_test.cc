#include "runtime/core/code_set.h"

#include <gtest/gtest.h>

namespace mskc {
namespace {

TEST(CodeSetTest, EmptySetContainsNothing) {
  CodeSet set;
  EXPECT_TRUE(set.empty());
  EXPECT_FALSE(set.Contains("62323"));
  EXPECT_FALSE(set.Contains(""));
}

TEST(CodeSetTest, ExactCodes) {
  CodeSet set;
  set.AddExact("62323");
  set.AddExact("62321");
  set.AddExact("62323");  // duplicates collapse
  EXPECT_FALSE(set.empty());
  EXPECT_TRUE(set.Contains("62321"));
  EXPECT_TRUE(set.Contains("62323"));
  EXPECT_FALSE(set.Contains("62322"));
  EXPECT_FALSE(set.Contains("6232"));
  EXPECT_FALSE(set.Contains("623230"));
  EXPECT_EQ(set.exact().size(), 2u);
}

TEST(CodeSetTest, PrefixPatterns) {
  CodeSet set;
  set.AddPrefix("M54.1");
  EXPECT_TRUE(set.Contains("M54.16"));
  EXPECT_TRUE(set.Contains("M54.10"));
  EXPECT_TRUE(set.Contains("M54.1"));
  EXPECT_FALSE(set.Contains("M54.50"));
  EXPECT_FALSE(set.Contains("M54"));
  EXPECT_FALSE(set.Contains("M55.16"));
}

TEST(CodeSetTest, RangesCompareSameLengthStrings) {
  CodeSet set;
  set.AddRange("64490", "64495");
  EXPECT_TRUE(set.Contains("64490"));  // low bound
  EXPECT_TRUE(set.Contains("64493"));
  EXPECT_TRUE(set.Contains("64495"));  // high bound
  EXPECT_FALSE(set.Contains("64489"));
  EXPECT_FALSE(set.Contains("64496"));
  EXPECT_FALSE(set.Contains("6449"));    // shorter code sorts inside but differs in length
  EXPECT_FALSE(set.Contains("644900"));  // longer code likewise
  EXPECT_FALSE(set.Contains("6449A"));
}

TEST(CodeSetTest, AlphanumericRange) {
  CodeSet set;
  set.AddRange("G0259", "G0260");
  EXPECT_TRUE(set.Contains("G0259"));
  EXPECT_TRUE(set.Contains("G0260"));
  EXPECT_FALSE(set.Contains("G0261"));
  EXPECT_FALSE(set.Contains("H0259"));
}

TEST(CodeSetTest, MixedAndToString) {
  CodeSet set;
  set.AddExact("62321");
  set.AddExact("62320");
  set.AddPrefix("M54.1");
  set.AddRange("64490", "64495");
  EXPECT_TRUE(set.Contains("62320"));
  EXPECT_TRUE(set.Contains("M54.17"));
  EXPECT_TRUE(set.Contains("64491"));
  EXPECT_FALSE(set.Contains("62322"));
  EXPECT_EQ(set.ToString(), "62320, 62321, M54.1*, 64490..64495");
}

}  // namespace
}  // namespace mskc
