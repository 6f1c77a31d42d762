package org.hsgd.foreign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hsgd.InvalidInputException;
import org.hsgd.experiment.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of a foreign file, broken once: the error names the rule, and where. */
class ForeignRunsTest {
  private static final Mapping MAPPING =
      new Mapping(
          Optional.empty(),
          "step",
          "train_loss",
          "grad_sq",
          Optional.empty(),
          Optional.empty(),
          List.of("div_in", "div_out"),
          "div_total",
          "method",
          "seed",
          Optional.empty(),
          List.of(),
          Map.of(
              "p2",
              Variant.Role.LOCAL_BOTTOM,
              "h",
              Variant.Role.HSGD,
              "p4",
              Variant.Role.LOCAL_TOP),
          Set.of());

  @TempDir Path dir;

  /** Three methods, seeds 1 and 2, checkpoints 0, 4 and 8: H-SGD's rows at index 7 to 12. */
  private static List<String> rows() {
    List<String> rows = new ArrayList<>();
    rows.add("method,seed,step,train_loss,grad_sq,div_total,div_in,div_out");
    for (String m : List.of("p2", "h", "p4")) {
      for (int seed = 1; seed <= 2; seed++) {
        for (int t = 0; t <= 8; t += 4) {
          String levels = m.equals("h") ? "0.5,0.25" : ",";
          rows.add(m + "," + seed + "," + t + "," + (2.0 - 0.1 * t) + ",0.5,0.75," + levels);
        }
      }
    }
    return rows;
  }

  private List<ForeignRuns.Configuration> read(List<String> rows) throws Exception {
    Path file = dir.resolve("runs.csv");
    Files.write(file, rows);
    return ForeignRuns.read(List.of(file), MAPPING, List.of(2L, 4L), 1L << 30);
  }

  private String refused(List<String> rows) {
    return assertThrows(InvalidInputException.class, () -> read(rows)).getMessage();
  }

  @Test
  void aStudyIsReadIntoOneConfigurationOfPairedRuns() throws Exception {
    List<ForeignRuns.Configuration> c = read(rows());
    assertEquals(1, c.size());
    assertEquals(List.of(1L, 2L), c.get(0).seeds());
    assertEquals(8, c.get(0).horizon());
    assertEquals(4, c.get(0).evalEvery());
    assertEquals(6, c.get(0).runs().size());
  }

  @Test
  void aRepeatedCheckpointNamesItsEarlierLine() {
    List<String> rows = rows();
    rows.add(rows.get(2));
    String e = refused(rows);
    assertTrue(e.contains("runs.csv line 20, column step must not repeat a checkpoint"), e);
    assertTrue(e.contains("(p2, seed 1, iteration 4) also at"), e);
    assertTrue(e.contains("line 3"), e);
  }

  @Test
  void iterationsGoingBackAreRefused() {
    List<String> rows = rows();
    rows.set(2, rows().get(3));
    rows.set(3, rows().get(2));
    String e = refused(rows);
    assertTrue(e.contains("line 4, column step must increase within a run (p2, seed 1)"), e);
  }

  @Test
  void aValueMustBeAFiniteDecimal() {
    for (String bad : List.of("1e999", "nan", "Infinity", "0x10", "1f", "abc")) {
      List<String> rows = rows();
      rows.set(8, rows.get(8).replace(",0.5,0.75,", "," + bad + ",0.75,"));
      String e = refused(rows);
      assertTrue(e.contains("line 9, column grad_sq must be a finite number; found '" + bad), e);
    }
  }

  @Test
  void runsThatDoNotFormASandwichAreRefusedByName() {
    List<String> gap = rows();
    gap.remove(17);
    assertTrue(refused(gap).contains("p4 seed 2 lacks iterations [4], which others measure"));
    List<String> two = new ArrayList<>(rows().subList(0, 13));
    assertTrue(refused(two).contains("found only hsgd (h), local-bottom (p2)"), refused(two));
    List<String> unpaired = rows();
    unpaired.subList(10, 13).clear();
    assertTrue(refused(unpaired).contains("h seeds [1]"), refused(unpaired));
  }

  @Test
  void checkpointsMustBeEvenlySpacedUpToTheHorizon() {
    List<String> rows = new ArrayList<>();
    rows().forEach(r -> rows.add(r.replaceFirst(",4,", ",3,")));
    String e = refused(rows);
    assertTrue(
        e.contains("must measure every E iterations and at T (as hsgd does; here E = 3)"), e);
    assertTrue(e.contains("iteration 8 after 3, T = 8"), e);
  }

  @Test
  void theMemoryOfTheCheckpointsIsEstimatedBeforeReading() {
    Path file = dir.resolve("runs.csv");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> {
              Files.write(file, rows());
              ForeignRuns.read(List.of(file), MAPPING, List.of(2L, 4L), 1000);
            });
    assertTrue(e.getMessage().contains("must fit in memory: its 20 checkpoints"), e.getMessage());
    assertEquals(InvalidInputException.Remedy.MORE_MEMORY, e.remedy());
  }
}
