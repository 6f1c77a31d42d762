package org.hsgd.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A result holds any list of checks; its verdict is the worst of theirs. */
class CheckResultTest {
  @Test
  void theVerdictIsTheWorstOfTheChecksAndEachIsFoundByItsType() {
    TheoryCheck theory = TheoryCheck.notApplicable("no bound");
    SandwichCheck sandwich = SandwichCheck.notApplicable("not run");
    BoundValidityCheck violated =
        BoundValidityCheck.of(
            List.of(
                BoundValidityCheck.Row.of(
                    "H-SGD 4/16",
                    BoundValidityCheck.CLOSED_FORM,
                    new double[] {1, 1},
                    new double[] {2, 2},
                    new double[] {2, 2},
                    true,
                    CheckSettings.DEFAULT)));
    assertEquals(Verdict.VIOLATED, violated.verdict());
    CheckResult result = new CheckResult(List.of(theory, violated, sandwich));
    assertEquals(Verdict.VIOLATED, result.verdict());
    assertEquals(violated, result.find(BoundValidityCheck.class).orElseThrow());
    assertEquals(
        List.of("theory", "bound validity", "empirical sandwich"),
        result.checks().stream().map(Check::name).toList());
    assertEquals(
        List.of("bound-validity"),
        List.of(violated.table().name()),
        "the table's name names its file, check-bound-validity.csv");
    assertEquals(1, violated.problems(CheckSettings.DEFAULT).size());
    assertEquals(Verdict.NOT_APPLICABLE, new CheckResult(List.of(theory, sandwich)).verdict());
    assertTrue(new CheckResult(List.of(theory)).find(SandwichCheck.class).isEmpty());
  }
}
