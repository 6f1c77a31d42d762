package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hsgd.Invalid;
import org.hsgd.bounds.Hierarchy;
import org.junit.jupiter.api.Test;

class GroupingTest {
  private static final double[] KEYS = {
    0, 0, 1, 1, 2, 2, 3, 3
  }; // e.g. each worker's dominant label

  @Test
  void sequentialGroupsAreConsecutiveAndNested() {
    Grouping g =
        Grouping.of(
            Hierarchy.of(8, new int[] {4, 2}, new long[] {1, 2, 4}),
            GroupingStrategy.SEQUENTIAL,
            KEYS,
            null);
    assertArrayEquals(new int[] {2, 3}, g.members(1, 1));
    assertArrayEquals(new int[] {4, 5, 6, 7}, g.members(2, 1));
    assertArrayEquals(new int[] {2, 3}, g.children(2, 1));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, g.members(3, 0));
    assertEquals(3, g.levelDue(4));
    assertEquals(2, g.levelDue(6));
    assertEquals(1, g.levelDue(3));
    assertTrue(g.equalGroups());
  }

  @Test
  void theNextAggregationIsTheNearestMultipleOfAnyPeriod() {
    Grouping g =
        Grouping.of(Hierarchy.twoLevel(8, 2, 3, 6), GroupingStrategy.SEQUENTIAL, KEYS, null);
    assertEquals(3, g.stepsToNextAggregation(0));
    assertEquals(1, g.stepsToNextAggregation(2));
    assertEquals(3, g.stepsToNextAggregation(3));
    assertEquals(2, g.stepsToNextAggregation(7));
    Grouping local = Grouping.of(Hierarchy.localSgd(8, 5), GroupingStrategy.SEQUENTIAL, KEYS, null);
    assertEquals(5, local.stepsToNextAggregation(10));
    assertEquals(4, local.stepsToNextAggregation(11));
  }

  @Test
  void groupNonIidKeepsLikeWorkersTogetherAndGroupIidSpreadsThem() {
    Hierarchy h = Hierarchy.twoLevel(8, 4, 1, 2);
    double[] shuffledKeys = {3, 0, 2, 1, 0, 3, 1, 2};
    Grouping nonIid = Grouping.of(h, GroupingStrategy.GROUP_NON_IID, shuffledKeys, null);
    for (int g = 0; g < 4; g++) {
      int[] m = nonIid.members(1, g);
      assertEquals(shuffledKeys[m[0]], shuffledKeys[m[1]], "group " + g + " is one label");
    }
    Grouping iid =
        Grouping.of(Hierarchy.twoLevel(8, 2, 1, 2), GroupingStrategy.GROUP_IID, shuffledKeys, null);
    for (int g = 0; g < 2; g++) {
      double[] labels =
          Arrays.stream(iid.members(1, g)).mapToDouble(j -> shuffledKeys[j]).sorted().toArray();
      assertArrayEquals(new double[] {0, 1, 2, 3}, labels, "group " + g + " has every label once");
    }
  }

  @Test
  void randomGroupingIsASeededPermutation() {
    Hierarchy h = Hierarchy.twoLevel(8, 2, 1, 2);
    Grouping a =
        Grouping.of(
            h,
            GroupingStrategy.RANDOM,
            KEYS,
            new RandomStreams(1).stream(RandomStreams.Purpose.GROUPING, 0));
    Grouping b =
        Grouping.of(
            h,
            GroupingStrategy.RANDOM,
            KEYS,
            new RandomStreams(1).stream(RandomStreams.Purpose.GROUPING, 0));
    assertArrayEquals(a.members(1, 0), b.members(1, 0));
    int[] all =
        java.util.stream.IntStream.concat(
                Arrays.stream(a.members(1, 0)), Arrays.stream(a.members(1, 1)))
            .sorted()
            .toArray();
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, all);
  }

  @Test
  void explicitUnequalGroups() {
    Grouping g =
        Grouping.explicit(
            10, new long[] {2, 6}, new int[][] {{4, 3, 3}}, GroupingStrategy.SEQUENTIAL, null);
    assertArrayEquals(new int[] {0, 1, 2, 3}, g.members(1, 0));
    assertArrayEquals(new int[] {7, 8, 9}, g.members(1, 2));
    assertFalse(g.equalGroups());
    assertEquals(3, g.groupCount(1));
    assertEquals(
        "group-sizes",
        Invalid.field(
            () ->
                Grouping.explicit(
                    10,
                    new long[] {2, 6},
                    new int[][] {{4, 3, 2}},
                    GroupingStrategy.SEQUENTIAL,
                    null)));
    assertEquals(
        "grouping",
        Invalid.field(
            () ->
                Grouping.explicit(
                    10,
                    new long[] {2, 6},
                    new int[][] {{4, 3, 3}},
                    GroupingStrategy.GROUP_IID,
                    null)));
    assertEquals(
        "periods",
        Invalid.field(
            () ->
                Grouping.explicit(
                    10,
                    new long[] {3, 7},
                    new int[][] {{4, 3, 3}},
                    GroupingStrategy.SEQUENTIAL,
                    null)));
  }
}
