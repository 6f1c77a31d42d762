package org.hsgd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.Variant;
import org.hsgd.foreign.Records;
import org.hsgd.sim.EstimatedConstants;
import org.hsgd.sim.ExactConstants;
import org.hsgd.sim.Measurement;
import org.hsgd.sim.Trace;

/**
 * The results of one experiment on disk, read back without rerunning anything: the settings its
 * runs were made with, as every run's manifest records them, and the runs, each from its trace
 * ({@code <variant>-seed<s>.csv}, doubles at full precision) and its manifest (the time average,
 * the constants). Read back, a run equals the one written, bit for bit.
 */
public final class ExperimentFolder {
  private static final Pattern RUN_MANIFEST =
      Pattern.compile("(hsgd|local-P\\d+)-seed\\d+\\.manifest\\.json");

  /** Far above any run's manifest (a quadratic's explicit centers are the largest part). */
  private static final long MAX_MANIFEST_BYTES = 64L << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Map<Path, JsonNode> manifests;

  private ExperimentFolder(Path dir, Map<Path, JsonNode> manifests) {
    this.dir = dir;
    this.manifests = manifests;
  }

  /**
   * The experiments' folders under {@code dir}: itself if it holds runs, else its subfolders that
   * do (an import's folder of groupings), in name order; anything else as it is, for the reader to
   * refuse.
   */
  public static List<Path> experiments(Path dir) {
    if (!Files.isDirectory(dir) || holdsRuns(dir)) {
      return List.of(dir);
    }
    try (Stream<Path> list = Files.list(dir)) {
      List<Path> inside =
          list.filter(Files::isDirectory).filter(ExperimentFolder::holdsRuns).sorted().toList();
      return inside.isEmpty() ? List.of(dir) : inside;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static boolean holdsRuns(Path dir) {
    return !runManifests(dir).isEmpty();
  }

  private static List<Path> runManifests(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> RUN_MANIFEST.matcher(p.getFileName().toString()).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * Opens the results of one experiment: reads every run's manifest.
   *
   * @throws InvalidInputException naming the folder if it holds no run of hsgd, or runs whose
   *     manifests record different settings
   */
  public static ExperimentFolder open(Path dir) {
    Require.that(
        Files.isDirectory(dir), "folder", "must be an existing results folder", dir::toString);
    List<Path> files = runManifests(dir);
    Require.that(
        !files.isEmpty(),
        "folder",
        "must hold the results of one experiment of hsgd simulate, check or import (each run's"
            + " <variant>-seed<s>.csv and .manifest.json)",
        () -> dir + (Files.isRegularFile(dir.resolve("points.csv")) ? ", a study's folder" : ""));
    Map<Path, JsonNode> manifests = new LinkedHashMap<>();
    for (Path f : files) {
      manifests.put(f, manifest(f));
    }
    Path first = files.get(0);
    for (Path f : files) {
      Require.that(
          manifests.get(f).get("settings").equals(manifests.get(first).get("settings"))
              && manifests.get(f).get("spec").equals(manifests.get(first).get("spec")),
          f.toString(),
          "must record the settings of the other runs in its folder (one experiment per folder)",
          () -> "settings unlike those of " + first.getFileName());
    }
    return new ExperimentFolder(dir, manifests);
  }

  /** The config keys the runs were made with, as their manifests record them. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> settings() {
    return JSON.convertValue(firstManifest().get("settings"), Map.class);
  }

  /**
   * The runs of {@code spec}, seed by seed in the order of its variants, as the runner returned
   * them.
   *
   * @param spec the spec rebuilt from {@link #settings}: it must be the one recorded
   * @throws InvalidInputException if the spec is not the one the runs were made with, a run is
   *     missing, or a trace or manifest is not as hsgd writes it
   */
  public List<Run> runs(ExperimentSpec spec) {
    JsonNode recorded = firstManifest().get("spec");
    Require.that(
        tree(spec).equals(recorded),
        "folder",
        "must hold runs of the spec its settings give (they were made by a version of hsgd with"
            + " other defaults, or edited)",
        () -> dir.toString());
    Map<String, Variant> variants = new LinkedHashMap<>();
    spec.variants().forEach(v -> variants.put(v.name(), v));
    List<Run> runs = new ArrayList<>();
    for (Map.Entry<Path, JsonNode> m : manifests.entrySet()) {
      runs.add(run(spec, variants, m.getKey(), m.getValue()));
    }
    runs.sort(
        Comparator.comparingLong(Run::seed)
            .thenComparingInt(r -> spec.variants().indexOf(r.variant())));
    long seeds = runs.stream().mapToLong(Run::seed).distinct().count();
    Require.that(
        seeds == spec.seeds() && runs.size() == seeds * variants.size(),
        "folder",
        "must hold every algorithm of every seed ("
            + variants.size()
            + " x "
            + spec.seeds()
            + " runs)",
        () -> runs.size() + " runs of " + seeds + " seeds in " + dir);
    return runs;
  }

  private JsonNode firstManifest() {
    return manifests.values().iterator().next();
  }

  private static JsonNode tree(ExperimentSpec spec) {
    try {
      return JSON.readTree(JSON.writeValueAsString(spec));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a spec is plain data and always renders", e);
    }
  }

  private static JsonNode manifest(Path file) {
    try {
      long size = Files.size(file);
      Require.that(
          size <= MAX_MANIFEST_BYTES,
          file.toString(),
          "must be a run manifest as hsgd writes it (at most 64 MiB)",
          () -> size + " bytes");
      JsonNode node = JSON.readTree(file.toFile());
      for (String key :
          List.of("settings", "spec", "seed", "variant", "groupSizesPerLevel", "meanGradNormSq")) {
        Require.that(
            node != null && node.has(key),
            file.toString(),
            "must be a run manifest as hsgd writes it, with " + key,
            () -> "no " + key);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          file.toString(),
          "must be a run manifest as hsgd writes it (JSON)",
          e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private Run run(ExperimentSpec spec, Map<String, Variant> variants, Path file, JsonNode m) {
    String name = m.get("variant").asText();
    Variant variant = variants.get(name);
    Require.that(
        variant != null,
        file.toString(),
        "must be a run of one of the spec's algorithms ("
            + String.join(", ", variants.keySet())
            + ")",
        () -> "'" + name + "'");
    long seed = m.get("seed").asLong();
    JsonNode average = m.get("meanGradNormSq");
    Path csv = dir.resolve(name + "-seed" + seed + ".csv");
    List<Measurement> checkpoints = trace(csv, variant.periods().size());
    Trace trace =
        new Trace(
            checkpoints,
            number(average, "value", file),
            average.path("iterationsAveraged").asLong(),
            spec.run().gradientAverage(),
            m.path("workerSteps").asLong(),
            number(m, "wallSeconds", file));
    List<List<Integer>> groupSizes =
        JSON.convertValue(
            m.get("groupSizesPerLevel"),
            new com.fasterxml.jackson.core.type.TypeReference<List<List<Integer>>>() {});
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = JSON.convertValue(m.path("problem"), Map.class);
    return new Run(
        variant,
        seed,
        groupSizes,
        trace,
        part(m, "exactConstants", ExactConstants.class, file),
        part(m, "estimatedConstants", EstimatedConstants.class, file),
        average.has("exactExpectation")
            ? OptionalDouble.of(number(average, "exactExpectation", file))
            : OptionalDouble.empty(),
        facts == null ? Map.of() : facts);
  }

  private static <T> Optional<T> part(JsonNode m, String key, Class<T> type, Path file) {
    if (!m.has(key)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.treeToValue(m.get(key), type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidInputException(
          file.toString(), "must hold " + key + " as hsgd writes them", m.get(key).toString());
    }
  }

  /** A number as Jackson writes one: a JSON number, or NaN and the infinities as text. */
  private static double number(JsonNode parent, String key, Path file) {
    JsonNode n = parent.get(key);
    boolean ok =
        n != null && (n.isNumber() || (n.isTextual() && n.asText().matches("NaN|-?Infinity")));
    Require.that(ok, file.toString(), "must hold a number for " + key, () -> String.valueOf(n));
    return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
  }

  /** A run's trace, exactly as {@link TraceReport} wrote it. */
  private static List<Measurement> trace(Path csv, int levels) {
    List<String> expected = TraceReport.columns(levels);
    List<Measurement> checkpoints = new ArrayList<>();
    try (Records records = Records.open(csv)) {
      List<String> columns = records.columns();
      Require.that(
          columns.size() >= expected.size() && columns.subList(0, expected.size()).equals(expected),
          csv + " line 1",
          "must be a run's trace as hsgd writes it (columns " + String.join(",", expected) + ")",
          () -> String.join(",", columns));
      for (Records.Row row = records.next(); row != null; row = records.next()) {
        List<Double> v = new ArrayList<>();
        for (int i = 1; i < expected.size(); i++) {
          v.add(value(row, i, csv, expected.get(i)));
        }
        String t = row.values().get(0);
        Require.that(
            t.matches("\\d{1,18}"),
            csv + " line " + row.line() + ", column iteration",
            "must be a whole number",
            () -> "'" + t + "'");
        checkpoints.add(
            new Measurement(
                Long.parseLong(t),
                v.get(0),
                v.get(1),
                v.get(2),
                v.get(3),
                v.get(4),
                v.subList(5, v.size())));
      }
    }
    Require.that(!checkpoints.isEmpty(), csv.toString(), "must hold a checkpoint", () -> "no rows");
    return checkpoints;
  }

  /** A value of a trace: a number, or empty where hsgd measured none (NaN). */
  private static double value(Records.Row row, int column, Path csv, String name) {
    String text = row.values().get(column);
    if (text.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          csv + " line " + row.line() + ", column " + name,
          "must be a number, as hsgd writes it",
          "'" + text + "'");
    }
  }
}
