package org.hsgd.check;

import static org.hsgd.check.Verdict.HOLDS;
import static org.hsgd.check.Verdict.INCONCLUSIVE;
import static org.hsgd.check.Verdict.NOT_APPLICABLE;
import static org.hsgd.check.Verdict.VIOLATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void aViolationOutweighsEverythingAndNotApplicableNothing() {
    assertEquals(VIOLATED, Verdict.all(List.of(HOLDS, INCONCLUSIVE, VIOLATED, NOT_APPLICABLE)));
    assertEquals(INCONCLUSIVE, Verdict.all(List.of(HOLDS, INCONCLUSIVE, NOT_APPLICABLE)));
    assertEquals(HOLDS, Verdict.all(List.of(HOLDS, NOT_APPLICABLE)));
    assertEquals(NOT_APPLICABLE, Verdict.all(List.of(NOT_APPLICABLE)));
    assertEquals(NOT_APPLICABLE, Verdict.all(List.of()));
  }
}
