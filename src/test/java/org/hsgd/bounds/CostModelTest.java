package org.hsgd.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hsgd.Invalid;
import org.junit.jupiter.api.Test;

class CostModelTest {
  private final CostModel cost = new CostModel(0.01, List.of(0.1, 1.0));

  @Test
  void chargesEachAggregationAtItsHighestLevel() {
    // T=100, I=4, G=16: 100*0.01 + 19*0.1 + 6*1.0 = 8.9
    assertEquals(8.9, cost.seconds(Hierarchy.twoLevel(8, 2, 4, 16), 100), 1e-12);
    // Local SGD pays the global cost: 1 + 6*1.0 = 7
    assertEquals(7.0, cost.seconds(Hierarchy.localSgd(8, 16), 100), 1e-12);
    // T=10, I=2, G=4: 0.1 + (5-2)*0.1 + 2*1.0 = 2.4
    assertEquals(2.4, cost.seconds(Hierarchy.twoLevel(8, 2, 2, 4), 10), 1e-12);
  }

  @Test
  void needsACostPerLevel() {
    Hierarchy three = Hierarchy.of(8, new int[] {4, 2}, new long[] {1, 2, 4});
    assertEquals("aggregation-seconds", Invalid.field(() -> cost.seconds(three, 10)));
    assertEquals("step-seconds", Invalid.field(() -> new CostModel(-1, List.of(1.0))));
  }

  @Test
  void plannerRanksByTime() {
    ProblemConstants c = new ProblemConstants(1, 1, 1);
    List<Hierarchy> candidates =
        List.of(
            Hierarchy.localSgd(16, 1), Hierarchy.localSgd(16, 8), Hierarchy.twoLevel(16, 4, 2, 8));
    List<Plan> plans =
        Planner.rank(
            candidates, c, 1, 0.0501, new CostModel(0.001, List.of(0.01, 10.0)), BoundKind.CLOSED);
    assertEquals(3, plans.size());
    for (int i = 1; i < plans.size(); i++) {
      assertTrue(plans.get(i - 1).seconds() <= plans.get(i).seconds());
    }
    // Synchronous SGD: b = 1/16, B*(T) = 2 sqrt(2 * 1/16 / T) <= 0.0501 first at T = 200
    // (T >= 0.5/0.0501^2 = 199.2); seconds = 200*0.001 + 200*10 = 2000.2.
    Plan sync =
        plans.stream().filter(p -> p.hierarchy().topPeriod() == 1).findFirst().orElseThrow();
    assertEquals(200, sync.iterations());
    assertEquals(2000.2, sync.seconds(), 1e-9);
    assertEquals(List.of(200L), sync.aggregations());
    assertEquals(Math.sqrt(32.0 / 200), sync.stepSize(), 1e-12);
    for (Plan p : plans) {
      assertTrue(p.bound() <= 0.0501);
      Scenario s = new Scenario(p.hierarchy(), c, Divergences.randomGrouping(p.hierarchy(), 1));
      assertEquals(p.iterations(), ConvergenceBound.of(s).smallestHorizon(0.0501));
    }
  }
}
