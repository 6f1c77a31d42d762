package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hsgd.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hsgd check DIR}: the runs on disk checked again with other settings give what a check run
 * with those settings gives, and stay as they were, byte for byte.
 */
class RecheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The SHA-256 of every run's trace and manifest in a folder. */
  static Map<String, String> runChecksums(Path dir) throws Exception {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().matches("(hsgd|local-P\\d+)-seed\\d+\\..*")) {
          sums.put(
              f.getFileName().toString(),
              HexFormat.of()
                  .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
        }
      }
    }
    return sums;
  }

  /** A check's verdicts and tables, without its provenance. */
  private static JsonNode verdicts(Path dir) throws IOException {
    return JSON.readTree(dir.resolve("check.json").toFile());
  }

  private static double checkLevel(Path dir) throws IOException {
    JsonNode level =
        JSON.readTree(dir.resolve("check.manifest.json").toFile())
            .path("checkSettings")
            .get("level");
    return level.asDouble();
  }

  private static void assertSameCheck(Path live, Path again) throws IOException {
    assertEquals(verdicts(live), verdicts(again));
    for (String table :
        List.of(
            "check-summary.csv",
            "check-theory.csv",
            "check-bound-validity.csv",
            "check-sandwich.csv",
            "check-time-averages.csv",
            "time-averages.csv",
            "runs.csv",
            "trace.csv")) {
      assertArrayEquals(
          Files.readAllBytes(live.resolve(table)), Files.readAllBytes(again.resolve(table)), table);
    }
  }

  @Test
  void aRecheckAtAnotherLevelEqualsACheckRunAtItAndLeavesTheRunsAlone(@TempDir Path dir)
      throws Exception {
    Path first = dir.resolve("first");
    Path live = dir.resolve("live");
    String config = "experiments/quadratic-exact.yaml";
    assertEquals(3, Cli.run("check", config, "--out", first.toString()).exitCode());
    Map<String, String> before = runChecksums(first);
    assertEquals(0.05, checkLevel(first));

    Cli again = Cli.run("check", first.toString(), "--level", "0.01");
    Cli fresh = Cli.run("check", config, "--level", "0.01", "--out", live.toString());

    assertEquals(fresh.exitCode(), again.exitCode(), again.err());
    assertTrue(again.out().contains("at level 0.01"), again.out());
    assertEquals(before, runChecksums(first), "the runs' files are untouched");
    assertSameCheck(live, first);
    JsonNode manifest = JSON.readTree(first.resolve("check.manifest.json").toFile());
    assertEquals("./hsgd check " + first + " --level 0.01", manifest.get("rerun").asText());
    assertEquals("0.01", manifest.path("settings").path("check").path("level").asText());
    assertEquals(0.01, checkLevel(first));
  }

  @Test
  void theMainJobsRunsAreCheckedAgainAtLevel001WithoutRerunning(@TempDir Path dir)
      throws Exception {
    TestData.assumeMnist();
    Path main = dir.resolve("main");
    Cli.run("check", "--out", main.toString()); // the main job: the default study
    Map<String, String> runs = runChecksums(main);
    assertEquals(18, runs.size()); // 3 algorithms x 3 seeds, a trace and a manifest each
    Map<String, byte[]> checked = new TreeMap<>();
    for (String table : List.of("check-sandwich.csv", "check-theory.csv", "check.json")) {
      checked.put(table, Files.readAllBytes(main.resolve(table)));
    }

    Cli same = Cli.run("check", main.toString());
    assertEquals(0, same.exitCode(), same.err());
    for (Map.Entry<String, byte[]> table : checked.entrySet()) {
      // Read back, the runs and their estimated constants give the same check to the bit.
      assertArrayEquals(table.getValue(), Files.readAllBytes(main.resolve(table.getKey())));
    }

    Cli strict = Cli.run("check", main.toString(), "--level", "0.01");
    assertEquals(3, strict.exitCode(), strict.err());
    assertTrue(strict.out().contains("estimated constants"), strict.out());
    assertEquals(0.01, checkLevel(main));
    assertEquals(runs, runChecksums(main), "the runs' files are untouched");
  }

  @Test
  void constantsGivenNowReplaceTheRecordedOnesForTheCheckOnly(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("first");
    Cli.run("check", "experiments/quadratic-exact.yaml", "--out", first.toString());
    Map<String, String> before = runChecksums(first);
    Path given = dir.resolve("given.yaml");
    Files.writeString(
        given, "constants: {L: 1, sigma2: 1, delta: 40, eps2: [50, 20]}\ncheck: {margin: 0.02}\n");

    Cli again = Cli.run("check", first.toString(), "--config", given.toString());

    assertTrue(again.out().contains("given constants"), again.out() + again.err());
    assertTrue(again.out().contains("2.00 % of its scale"), again.out());
    assertEquals(before, runChecksums(first));
    for (String[] bad : new String[][] {{"--level", "2"}, {"--margin", "-1"}}) {
      Cli refused = Cli.run("check", first.toString(), bad[0], bad[1]);
      assertEquals(2, refused.exitCode(), refused.out());
      assertTrue(refused.err().contains("must lie"), refused.err());
    }
    JsonNode constants =
        JSON.readTree(first.resolve("check.manifest.json").toFile())
            .path("settings")
            .path("constants");
    assertEquals(40, constants.path("delta").asDouble());
  }

  @Test
  void editedOrMissingRunsAreRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("first");
    Cli.run("check", "experiments/quadratic-exact.yaml", "--out", first.toString());
    byte[] report = Files.readAllBytes(first.resolve("check.json"));
    List<Path> manifests;
    try (Stream<Path> files = Files.list(first)) {
      manifests =
          files
              .filter(f -> f.getFileName().toString().matches(".*-seed\\d+\\.manifest\\.json"))
              .toList();
    }
    for (Path m : manifests) {
      String text = Files.readString(m);
      assertTrue(text.contains("\"gamma\" : 0.02,"), m.toString());
      Files.writeString(m, text.replace("\"gamma\" : 0.02,", "\"gamma\" : 0.03,"));
    }
    Cli edited = Cli.run("check", first.toString(), "--level", "0.01");
    assertEquals(2, edited.exitCode(), edited.out());
    assertTrue(edited.err().contains("must hold runs of the spec its settings give"), edited.err());

    for (Path m : manifests) {
      Files.writeString(m, Files.readString(m).replace("\"gamma\" : 0.03,", "\"gamma\" : 0.02,"));
    }
    Files.delete(first.resolve("hsgd-seed2.csv"));
    Cli missing = Cli.run("check", first.toString(), "--level", "0.01");
    assertEquals(2, missing.exitCode(), missing.out());
    assertTrue(missing.err().contains("hsgd-seed2.csv must name an existing file"), missing.err());
    assertArrayEquals(report, Files.readAllBytes(first.resolve("check.json")), "nothing written");
  }
}
