package org.hsgd.bounds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hsgd.Invalid;
import org.hsgd.InvalidInputException;
import org.junit.jupiter.api.Test;

class HierarchyTest {

  @Test
  void twoLevelLayout() {
    Hierarchy h = Hierarchy.twoLevel(12, 3, 2, 6);
    assertEquals(2, h.levelCount());
    assertEquals(12, h.groups(0));
    assertEquals(3, h.groups(1));
    assertEquals(1, h.groups(2));
    assertEquals(2, h.bottomPeriod());
    assertEquals(6, h.topPeriod());
    assertEquals(6, h.topMergingPeriod());
    assertEquals("n=12 N=[3] P=[2, 6]", h.describe());
  }

  @Test
  void aggregationCountsPerLevel() {
    // T=100, I=4, G=16: global floor(100/16) = 6, local-only floor(100/4) - 6 = 19.
    assertArrayEquals(new long[] {19, 6}, Hierarchy.twoLevel(8, 2, 4, 16).aggregationCounts(100));
    // P = 2,4,8, T = 17: top 2, middle 4 - 2 = 2, bottom 8 - 4 = 4.
    assertArrayEquals(
        new long[] {4, 2, 2},
        Hierarchy.of(8, new int[] {4, 2}, new long[] {2, 4, 8}).aggregationCounts(17));
    // Local SGD P = 5, T = 23: 4 global aggregations.
    assertArrayEquals(new long[] {4}, Hierarchy.localSgd(3, 5).aggregationCounts(23));
  }

  @Test
  void mergingLevels() {
    Hierarchy nOne = Hierarchy.twoLevel(4, 1, 2, 8);
    assertTrue(nOne.merges(1));
    assertFalse(nOne.merges(2));
    assertEquals(2, nOne.topMergingPeriod());
    Hierarchy nN = Hierarchy.twoLevel(4, 4, 2, 8);
    assertFalse(nN.merges(1));
    assertEquals(8, nN.topMergingPeriod());
    assertEquals(1, Hierarchy.localSgd(1, 8).topMergingPeriod());
  }

  @Test
  void rejectsPeriodsThatAreNotNested() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Hierarchy.twoLevel(8, 2, 3, 10));
    assertEquals("periods", e.field());
    assertEquals(
        "periods must be nested, each a multiple of the one below; found P_2=10, P_1=3",
        e.getMessage());
  }

  @Test
  void rejectsGroupsThatDoNotDivide() {
    assertEquals("groups", Invalid.field(() -> Hierarchy.twoLevel(10, 3, 1, 2)));
    assertEquals(
        "groups", Invalid.field(() -> Hierarchy.of(12, new int[] {6, 4}, new long[] {1, 2, 4})));
    assertEquals("groups", Invalid.field(() -> Hierarchy.twoLevel(8, 16, 1, 2)));
    assertEquals("groups", Invalid.field(() -> Hierarchy.twoLevel(8, 0, 1, 2)));
    assertEquals("groups", Invalid.field(() -> new Hierarchy(8, List.of(new Level(1, 2)))));
  }

  @Test
  void rejectsBadCountsAndShapes() {
    assertEquals("n", Invalid.field(() -> Hierarchy.localSgd(0, 1)));
    assertEquals("periods", Invalid.field(() -> Hierarchy.localSgd(4, 0)));
    assertEquals("periods", Invalid.field(() -> Hierarchy.of(4, new int[] {2}, new long[] {2})));
    assertEquals("periods", Invalid.field(() -> new Hierarchy(4, List.of())));
  }
}
