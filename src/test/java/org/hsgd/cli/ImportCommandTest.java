package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hsgd import}: the shipped PyTorch study into result folders that check and plot read; the
 * same runs from JSON Lines and from a wide table; hsgd's own trace read back as foreign runs.
 */
class ImportCommandTest {
  static final Path EXAMPLE = Path.of("examples/fashion-cnn/fashion-cnn-example.csv");
  static final Path MAPPING = Path.of("examples/fashion-cnn/mapping.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Cli importExample(Path out, Path file, Path mapping) {
    return Cli.run(
        "import", file.toString(), "--mapping", mapping.toString(), "--out", out.toString());
  }

  @Test
  void theExampleStudyImportsChecksAndDrawsOneExperimentPerGrouping(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("fashion");
    Cli imported = importExample(out, EXAMPLE, MAPPING);
    assertEquals(0, imported.exitCode(), imported.err());
    for (String grouping : List.of("group-iid", "group-non-iid")) {
      Path folder = out.resolve(grouping);
      for (String file :
          List.of(
              "trace.csv",
              "runs.csv",
              "hsgd-seed11.csv",
              "local-P16-seed13.manifest.json",
              "training.pdf",
              "divergences.pdf")) {
        assertTrue(Files.isRegularFile(folder.resolve(file)), folder.resolve(file).toString());
      }
      JsonNode manifest = JSON.readTree(folder.resolve("import.manifest.json").toFile());
      String sha =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(EXAMPLE)));
      assertEquals(sha, manifest.path("sources").get(0).path("sha256").asText());
      assertEquals("step", manifest.path("mapping").path("columns").path("iteration").asText());
    }
    Map<String, String> runs = RecheckTest.runChecksums(out.resolve("group-iid"));

    Cli check = Cli.run("check", out.toString());

    assertEquals(1, check.exitCode(), check.err()); // group-non-iid's sandwich is violated
    String text = check.flatOut();
    int iid = text.indexOf("check of fashion-cnn-group-iid");
    int nonIid = text.indexOf("check of fashion-cnn-group-non-iid");
    assertTrue(iid >= 0 && nonIid > iid, text);
    assertTrue(text.substring(iid, nonIid).contains("verdict: inconclusive"), text);
    assertTrue(text.substring(nonIid).contains("verdict: violated"), text);
    assertTrue(text.contains("carry no estimates of L and sigma^2"), text);
    assertEquals(runs, RecheckTest.runChecksums(out.resolve("group-iid")));

    Cli plot = Cli.run("plot", out.toString()); // both groupings' folders
    assertEquals(0, plot.exitCode(), plot.err());
    assertTrue(Files.isRegularFile(out.resolve("divergences.pdf")));
    assertTrue(Files.isRegularFile(out.resolve("training.pdf")));
  }

  /** The example's rows as maps of column to text. */
  private static List<Map<String, String>> exampleRows() throws Exception {
    List<String> lines = Files.readAllLines(EXAMPLE);
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void jsonLinesAndAWideTableGiveTheSameRunsAsTheLongTable(@TempDir Path dir) throws Exception {
    Path longOut = dir.resolve("long");
    assertEquals(0, importExample(longOut, EXAMPLE, MAPPING).exitCode());
    List<Map<String, String>> rows = exampleRows();

    // JSON Lines: numbers as JSON numbers, empty cells left out.
    StringBuilder lines = new StringBuilder();
    for (Map<String, String> row : rows) {
      var object = JSON.createObjectNode();
      row.forEach(
          (k, v) -> {
            if (v.matches("-?[0-9.eE+-]+") && !k.equals("grouping")) {
              object.put(k, new java.math.BigDecimal(v));
            } else if (!v.isEmpty()) {
              object.put(k, v);
            }
          });
      lines.append(JSON.writeValueAsString(object)).append('\n');
    }
    Path jsonl = dir.resolve("runs.jsonl");
    Files.writeString(jsonl, lines);
    Path jsonOut = dir.resolve("jsonl");
    Cli json = importExample(jsonOut, jsonl, MAPPING);
    assertEquals(0, json.exitCode(), json.err());

    // Wide: a row per step, a column per grouping, method, seed and metric.
    List<String> metrics =
        List.of(
            "train_loss",
            "grad_sq_norm",
            "test_acc",
            "test_loss",
            "div_total",
            "div_intra_group",
            "div_inter_group");
    Map<String, Map<String, String>> byStep = new java.util.TreeMap<>();
    List<String> columns = new ArrayList<>(List.of("step"));
    for (Map<String, String> row : rows) {
      Map<String, String> wide =
          byStep.computeIfAbsent(
              String.format("%06d", Integer.parseInt(row.get("step"))), s -> new LinkedHashMap<>());
      wide.put("step", row.get("step"));
      for (String metric : metrics) {
        String column =
            row.get("grouping") + "|" + row.get("method") + "|s" + row.get("seed") + "|" + metric;
        if (!columns.contains(column)) {
          columns.add(column);
        }
        wide.put(column, row.get(metric));
      }
    }
    StringBuilder table = new StringBuilder(String.join(",", columns)).append('\n');
    for (Map<String, String> wide : byStep.values()) {
      table
          .append(String.join(",", columns.stream().map(c -> wide.getOrDefault(c, "")).toList()))
          .append('\n');
    }
    Path csv = dir.resolve("wide.csv");
    Files.writeString(csv, table);
    Path wideMapping = dir.resolve("wide.yaml");
    Files.writeString(
        wideMapping,
        Files.readString(MAPPING)
                .replace("  method: method\n", "")
                .replace("  seed: seed\n", "")
                .replace("  grouping: grouping ", "  # grouping ")
                .replaceAll("  periods: \\[local_period, global_period].*\n", "")
                .replace("ignore: [study]\n", "")
            + "wide-columns: '{grouping}|{method}|s{seed}|{metric}'\n");
    Path wideOut = dir.resolve("wide");
    Cli wide = importExample(wideOut, csv, wideMapping);
    assertEquals(0, wide.exitCode(), wide.err());

    for (String grouping : List.of("group-iid", "group-non-iid")) {
      for (String file : List.of("trace.csv", "runs.csv", "hsgd-seed12.csv")) {
        byte[] expected = Files.readAllBytes(longOut.resolve(grouping).resolve(file));
        assertArrayEquals(expected, Files.readAllBytes(jsonOut.resolve(grouping).resolve(file)));
        assertArrayEquals(expected, Files.readAllBytes(wideOut.resolve(grouping).resolve(file)));
      }
    }
  }

  @Test
  void hsgdsOwnTraceImportsWithoutAMappingAndChecksAlike(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("q.yaml");
    Files.writeString(
        config,
        Files.readString(Path.of("experiments/quadratic-exact.yaml"))
                .replace("eval-every: 1 ", "eval-every: 50 ")
            + "gradient-average: checkpoints\n");
    Path own = dir.resolve("own");
    Cli.run("check", config.toString(), "--out", own.toString());
    Path out = dir.resolve("imported");

    Cli imported =
        Cli.run(
            "import",
            own.resolve("trace.csv").toString(),
            "--n",
            "16",
            "--groups",
            "4",
            "--periods",
            "4,16",
            "--gamma",
            "0.02",
            "--ignore",
            "experiment,I,G,mean_grad_norm_sq",
            "--out",
            out.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    Path folder = out.resolve("group-non-iid");
    Cli check = Cli.run("check", folder.toString());

    assertEquals(3, check.exitCode(), check.err());
    for (String file : List.of("check-sandwich.csv", "hsgd-seed2.csv", "local-P16-seed3.csv")) {
      assertArrayEquals(
          Files.readAllBytes(own.resolve(file)), Files.readAllBytes(folder.resolve(file)), file);
    }
  }

  @Test
  void aGuessIsShownNeverApplied(@TempDir Path dir) throws Exception {
    Cli guess =
        Cli.run("import", EXAMPLE.toString(), "--guess", "--out", dir.resolve("o").toString());
    assertEquals(0, guess.exitCode(), guess.err());
    assertTrue(guess.out().contains("iteration: step"), guess.out());
    assertTrue(guess.out().contains("hsgd_2_16: hsgd"), guess.out());
    assertTrue(guess.out().contains("local_sgd_p2: local-bottom"), guess.out());
    assertTrue(guess.out().contains("local_sgd_p16: local-top"), guess.out());
    assertFalse(Files.exists(dir.resolve("o")));

    Cli unmapped =
        Cli.run(
            "import",
            EXAMPLE.toString(),
            "--out",
            dir.resolve("o").toString(),
            "--n",
            "32",
            "--groups",
            "4",
            "--periods",
            "2,16",
            "--gamma",
            "0.05");
    assertEquals(2, unmapped.exitCode());
    assertTrue(unmapped.err().contains("--guess"), unmapped.err());
    assertFalse(Files.exists(dir.resolve("o")));
  }

  @Test
  void aGigabyteThatIsNoTableIsRefusedWithoutBeingHeldInMemory(@TempDir Path dir) throws Exception {
    Path huge = dir.resolve("huge.csv");
    Files.writeString(
        huge, "algorithm,seed,iteration,loss,grad_norm_sq,div_total,div_down,div_up\n");
    try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(1L << 30); // sparse: a gigabyte of NUL bytes after the header
    }
    Cli cli =
        Cli.run(
            "import",
            huge.toString(),
            "--n",
            "4",
            "--groups",
            "2",
            "--periods",
            "2,4",
            "--gamma",
            "0.1",
            "--out",
            dir.resolve("o").toString());
    assertEquals(2, cli.exitCode(), cli.err());
    assertEquals(1, cli.err().lines().count(), cli.err());
    assertTrue(cli.err().contains("huge.csv must be CSV or JSON Lines"), cli.err());
    assertFalse(Files.exists(dir.resolve("o")));
  }

  @Test
  void aFileTooLargeForMemoryIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.csv");
    try (var out = Files.newBufferedWriter(big)) {
      out.write("algorithm,seed,iteration,loss,grad_norm_sq,div_total,div_down,div_up\n");
      for (int i = 0; i < 400_000; i++) {
        out.write("hsgd,1," + i + ",1.5,0.25,2.0,1.0,1.0\n");
      }
    }
    Path out = dir.resolve("o");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.hsgd.cli.Main",
                "import",
                big.toString(),
                "--n",
                "4",
                "--groups",
                "2",
                "--periods",
                "2,4",
                "--gamma",
                "0.1",
                "--out",
                out.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(p.getErrorStream().readAllBytes());
    assertEquals(2, p.waitFor(), err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains("must fit in memory"), err);
    assertTrue(err.contains("-Xmx"), err);
    assertFalse(Files.exists(out));
  }
}
