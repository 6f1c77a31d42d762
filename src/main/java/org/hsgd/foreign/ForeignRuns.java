package org.hsgd.foreign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.Variant;
import org.hsgd.sim.Measurement;
import org.hsgd.sim.Trace;

/**
 * Reads runs made by another program, strictly: every value a number where one is due and finite,
 * each run's iterations increasing, every column used or ignored by name, and per grouping the
 * three algorithms of the sandwich on the same seeds and checkpoints. Files are streamed, after an
 * estimate of the memory their checkpoints take.
 */
public final class ForeignRuns {
  /**
   * About the most memory one checkpoint of one run takes on its way from the file to the written
   * tables: the measurement, its copy with the running mean, its rows in the tidy tables and their
   * text.
   */
  static final long BYTES_PER_CHECKPOINT = 1000;

  private ForeignRuns() {}

  /**
   * One run as read.
   *
   * @param method its value in the file
   * @param checkpoints in order, their running means not yet taken
   * @param source the file and line of its first row, for errors about the whole run
   */
  public record ForeignRun(
      String method, Variant.Role role, long seed, List<Measurement> checkpoints, String source) {
    public ForeignRun {
      checkpoints = List.copyOf(checkpoints);
    }

    List<Long> iterations() {
      return checkpoints.stream().map(Measurement::iteration).toList();
    }

    String describe() {
      return method + " seed " + seed;
    }
  }

  /**
   * The runs of one grouping: one experiment, the three algorithms on the same seeds and
   * checkpoints.
   *
   * @param grouping its value in the file, or empty where the file has no grouping column
   */
  public record Configuration(String grouping, List<ForeignRun> runs) {
    public Configuration {
      runs = List.copyOf(runs);
    }

    /** T: the last checkpoint. */
    public long horizon() {
      List<Measurement> c = runs.get(0).checkpoints();
      return c.get(c.size() - 1).iteration();
    }

    /** The spacing of the checkpoints below T. */
    public long evalEvery() {
      return runs.get(0).checkpoints().get(1).iteration();
    }

    /** The seeds, ascending. */
    public List<Long> seeds() {
      return runs.stream().map(ForeignRun::seed).distinct().sorted().toList();
    }

    /**
     * hsgd's runs of a spec built for this configuration (its hierarchy, T, seeds), seed by seed in
     * the order of the spec's variants, as the runner returns them.
     *
     * @param facts what the manifests say about the problem
     */
    public List<Run> runs(ExperimentSpec spec, Map<String, Object> facts) {
      Hierarchy hierarchy = spec.topology().equalHierarchy().orElseThrow();
      List<Run> all = new ArrayList<>();
      for (long seed : seeds()) {
        for (Variant v : spec.variants()) {
          ForeignRun r =
              runs.stream()
                  .filter(x -> x.seed() == seed && x.role() == v.role())
                  .findFirst()
                  .orElseThrow();
          Hierarchy h =
              v.local() ? Hierarchy.localSgd(hierarchy.workers(), v.periods().get(0)) : hierarchy;
          all.add(
              new Run(
                  v,
                  seed,
                  groupSizes(h),
                  Trace.atCheckpoints(r.checkpoints(), (long) h.workers() * horizon(), Double.NaN),
                  Optional.empty(),
                  Optional.empty(),
                  java.util.OptionalDouble.empty(),
                  facts));
        }
      }
      return all;
    }

    private static List<List<Integer>> groupSizes(Hierarchy h) {
      List<List<Integer>> sizes = new ArrayList<>();
      for (int k = 1; k <= h.levelCount(); k++) {
        sizes.add(java.util.Collections.nCopies(h.groups(k), h.workers() / h.groups(k)));
      }
      return sizes;
    }
  }

  /**
   * The configurations of one or more files, read as if they were one (a run may continue from one
   * file into the next).
   *
   * @param periods P_1..P_K of the hierarchy, against which each method's periods are checked
   * @param availableBytes the memory the checkpoints may take
   * @throws InvalidInputException naming the file, line and column of the first value at fault, or
   *     the grouping and runs that do not fit together
   */
  public static List<Configuration> read(
      List<Path> files, Mapping mapping, List<Long> periods, long availableBytes) {
    Require.that(
        mapping.divergences().size() == periods.size(),
        "columns.divergence",
        "must name one column per level of the hierarchy (" + periods.size() + ")",
        () -> mapping.divergences().size() + " columns");
    Map<List<String>, Builder> runs = new LinkedHashMap<>();
    for (Path file : files) {
      try (Records records = Records.open(file)) {
        Layout layout =
            mapping.wideColumns().isPresent()
                ? WideLayout.of(records, mapping)
                : LongLayout.of(records, mapping);
        requireFits(file, lines(file) * layout.runsPerRow(), availableBytes);
        for (Records.Row row = records.next(); row != null; row = records.next()) {
          layout.read(row, mapping, periods, runs);
        }
      }
    }
    return configurations(
        files.stream().map(Path::toString).collect(Collectors.joining(", ")), runs.values());
  }

  /** Refuses a file whose checkpoints would not fit in memory, before reading them. */
  static void requireFits(Path file, long checkpoints, long availableBytes) {
    double needed = (double) checkpoints * BYTES_PER_CHECKPOINT;
    if (needed > availableBytes) {
      throw new InvalidInputException(
              file.toString(),
              "must fit in memory: its "
                  + checkpoints
                  + " checkpoints need about "
                  + bytes(needed)
                  + ", and the JVM may use "
                  + bytes(availableBytes),
              "a file of " + bytes(size(file)))
          .withRemedy(InvalidInputException.Remedy.MORE_MEMORY);
    }
  }

  /** "2.5 GiB", or "38 MiB" below one GiB. */
  static String bytes(double count) {
    return count >= 1L << 30
        ? String.format(java.util.Locale.ROOT, "%.1f GiB", count / (1L << 30))
        : String.format(java.util.Locale.ROOT, "%.0f MiB", count / (1L << 20));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The lines of a file, counted by streaming its bytes. */
  static long lines(Path file) {
    long count = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          count += buffer[i] == '\n' ? 1 : 0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return count + 1;
  }

  /** Where a value sits, for an error about it. */
  private static String at(Path file, long line, String column) {
    return file + " line " + line + ", column " + column;
  }

  /** How a file's rows hold runs. */
  private sealed interface Layout permits LongLayout, WideLayout {
    int runsPerRow();

    void read(Records.Row row, Mapping m, List<Long> periods, Map<List<String>, Builder> runs);
  }

  /** A row per checkpoint of a run; the method, seed and grouping in columns of their own. */
  private record LongLayout(Records records, Map<String, Integer> metrics) implements Layout {
    static LongLayout of(Records records, Mapping m) {
      Map<String, String> used = new LinkedHashMap<>(m.metrics());
      used.put("columns.iteration", m.iteration());
      used.put("columns.method", m.method());
      used.put("columns.seed", m.seed());
      m.grouping().ifPresent(g -> used.put("columns.grouping", g));
      for (int k = 0; k < m.periods().size(); k++) {
        used.put("columns.periods[" + (k + 1) + "]", m.periods().get(k));
      }
      Map<String, Integer> index = new LinkedHashMap<>();
      used.forEach(
          (key, column) -> {
            int i = records.column(column);
            if (i < 0) {
              throw new InvalidInputException(
                      records.file() + " line 1",
                      "must have the column " + column + " (" + key + " in the mapping)",
                      "columns " + String.join(", ", records.columns()))
                  .withRemedy(InvalidInputException.Remedy.MAP_COLUMNS);
            }
            index.put(column, i);
          });
      requireAllKnown(records, c -> index.containsKey(c) || m.ignored().contains(c));
      return new LongLayout(records, index);
    }

    @Override
    public int runsPerRow() {
      return 1;
    }

    @Override
    public void read(
        Records.Row row, Mapping m, List<Long> periods, Map<List<String>, Builder> runs) {
      String grouping = m.grouping().map(g -> value(row, g)).orElse("");
      String method = value(row, m.method());
      long seed = integer(row, m.seed());
      Variant.Role role = roleOf(m, method, at(records.file(), row.line(), m.method()));
      for (int k = 0; k < m.periods().size(); k++) {
        String column = m.periods().get(k);
        long expected =
            role == Variant.Role.HSGD
                ? periods.get(k)
                : periods.get(role == Variant.Role.LOCAL_BOTTOM ? 0 : periods.size() - 1);
        long found = integer(row, column);
        Require.that(
            found == expected,
            at(records.file(), row.line(), column),
            "must be " + expected + " for " + method + " (" + Mapping.name(role) + ")",
            () -> String.valueOf(found));
      }
      Measurement checkpoint =
          measurement(
              role, integer(row, m.iteration()), values(row), m, records.file(), row.line());
      builder(runs, grouping, method, role, seed, records.file(), row.line())
          .add(checkpoint, records.file(), row.line(), m.iteration());
    }

    private String value(Records.Row row, String column) {
      String v = row.values().get(metrics.get(column));
      Require.that(
          !v.isEmpty(),
          at(records.file(), row.line(), column),
          "must not be empty",
          () -> "an empty value");
      return v;
    }

    private long integer(Records.Row row, String column) {
      return ForeignRuns.integer(value(row, column), at(records.file(), row.line(), column));
    }

    private java.util.function.Function<String, String> values(Records.Row row) {
      return c -> row.values().get(metrics.get(c));
    }
  }

  /**
   * A row per iteration; a column per metric of a run, named by the mapping's pattern with the
   * method, seed (and grouping) in it.
   */
  private record WideLayout(
      Records records, int iteration, Map<List<String>, Map<String, Integer>> runs)
      implements Layout {
    static WideLayout of(Records records, Mapping m) {
      int iteration = records.column(m.iteration());
      Require.that(
          iteration >= 0,
          records.file() + " line 1",
          "must have the column " + m.iteration() + " (columns.iteration in the mapping)",
          () -> "columns " + String.join(", ", records.columns()));
      Pattern pattern = m.widePattern();
      java.util.Set<String> metricNames = new java.util.HashSet<>(m.metrics().values());
      Map<List<String>, Map<String, Integer>> runs = new LinkedHashMap<>();
      List<String> columns = records.columns();
      for (int i = 0; i < columns.size(); i++) {
        String c = columns.get(i);
        if (i == iteration || m.ignored().contains(c)) {
          continue;
        }
        Matcher match = pattern.matcher(c);
        boolean ok = match.matches() && metricNames.contains(match.group("metric"));
        final int column = i;
        Require.that(
            ok,
            records.file() + " line 1, column " + (column + 1),
            "must match wide-columns '"
                + m.wideColumns().orElseThrow()
                + "' with a mapped metric, or be listed under ignore",
            () -> "'" + c + "'");
        String grouping =
            m.wideColumns().orElseThrow().contains("{grouping}") ? match.group("grouping") : "";
        runs.computeIfAbsent(
                List.of(grouping, match.group("method"), match.group("seed")),
                k -> new LinkedHashMap<>())
            .put(match.group("metric"), i);
      }
      Require.that(
          !runs.isEmpty(),
          records.file() + " line 1",
          "must have columns matching wide-columns '" + m.wideColumns().orElseThrow() + "'",
          () -> "columns " + String.join(", ", columns));
      return new WideLayout(records, iteration, runs);
    }

    @Override
    public int runsPerRow() {
      return runs.size();
    }

    @Override
    public void read(
        Records.Row row, Mapping m, List<Long> periods, Map<List<String>, Builder> all) {
      String text = row.values().get(iteration);
      long t = ForeignRuns.integer(text, at(records.file(), row.line(), m.iteration()));
      for (Map.Entry<List<String>, Map<String, Integer>> run : runs.entrySet()) {
        String grouping = run.getKey().get(0);
        String method = run.getKey().get(1);
        String seedText = run.getKey().get(2);
        Map<String, Integer> columns = run.getValue();
        // A run that ended earlier, or started later, leaves its cells empty.
        if (columns.values().stream().allMatch(i -> row.values().get(i).isEmpty())) {
          continue;
        }
        String where =
            records.file()
                + " line 1, column "
                + records.columns().get(columns.values().iterator().next());
        Variant.Role role = roleOf(m, method, where);
        long seed = ForeignRuns.integer(seedText, where + " ({seed})");
        Measurement checkpoint =
            measurement(
                role,
                t,
                metric -> {
                  Integer i = columns.get(metric);
                  Require.that(
                      i != null,
                      records.file() + " line 1",
                      "must have a column for the metric "
                          + metric
                          + " of "
                          + method
                          + " seed "
                          + seed,
                      () -> "none");
                  return row.values().get(i);
                },
                m,
                records.file(),
                row.line());
        builder(all, grouping, method, role, seed, records.file(), row.line())
            .add(checkpoint, records.file(), row.line(), m.iteration());
      }
    }
  }

  /**
   * Refuses a column that the mapping neither uses nor ignores: it may be the one that mattered.
   */
  private static void requireAllKnown(Records records, java.util.function.Predicate<String> known) {
    List<String> columns = records.columns();
    for (int i = 0; i < columns.size(); i++) {
      String c = columns.get(i);
      final int column = i + 1;
      Require.that(
          known.test(c),
          records.file() + " line " + records.firstLine(c) + ", column " + column,
          "must be mapped to one of hsgd's quantities or listed under ignore",
          () -> "'" + c + "'");
    }
  }

  private static Variant.Role roleOf(Mapping m, String method, String where) {
    Variant.Role role = m.methods().get(method);
    Require.that(
        role != null,
        where,
        "must be one of the methods mapped (" + String.join(", ", m.methods().keySet()) + ")",
        () -> "'" + method + "'");
    return role;
  }

  /**
   * A checkpoint: the loss and |grad f|^2, the divergences its algorithm has (per level for H-SGD,
   * the total for local SGD), and the test metrics where given (empty: none, NaN).
   */
  private static Measurement measurement(
      Variant.Role role,
      long iteration,
      java.util.function.Function<String, String> value,
      Mapping m,
      Path file,
      long line) {
    java.util.function.BiFunction<String, Boolean, Double> number =
        (column, required) -> {
          String text = value.apply(column);
          if (text.isEmpty() && !required) {
            return Double.NaN;
          }
          return finite(text, at(file, line, column));
        };
    List<Double> divergences = new ArrayList<>();
    if (role == Variant.Role.HSGD) {
      m.divergences().forEach(c -> divergences.add(number.apply(c, true)));
    } else {
      divergences.add(number.apply(m.divergenceTotal(), true));
    }
    return new Measurement(
        iteration,
        number.apply(m.loss(), true),
        number.apply(m.gradNormSq(), true),
        Double.NaN,
        m.testAccuracy().map(c -> number.apply(c, false)).orElse(Double.NaN),
        m.testLoss().map(c -> number.apply(c, false)).orElse(Double.NaN),
        divergences);
  }

  private static double finite(String text, String where) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    boolean decimal = text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    Require.that(
        decimal && Double.isFinite(v),
        where,
        "must be a finite number",
        () -> text.isEmpty() ? "an empty value" : "'" + text + "'");
    return v;
  }

  private static long integer(String text, String where) {
    Require.that(
        text.matches("[+-]?\\d{1,18}") || text.matches("\\d{1,18}\\.0+"),
        where,
        "must be a whole number",
        () -> text.isEmpty() ? "an empty value" : "'" + text + "'");
    long v = Long.parseLong(text.replaceAll("\\.0+$", ""));
    Require.that(v >= 0, where, "must not be negative", () -> text);
    return v;
  }

  private static Builder builder(
      Map<List<String>, Builder> runs,
      String grouping,
      String method,
      Variant.Role role,
      long seed,
      Path file,
      long line) {
    return runs.computeIfAbsent(
        List.of(grouping, method, String.valueOf(seed)),
        k -> new Builder(grouping, method, role, seed, file + " line " + line));
  }

  /** A run being read: its checkpoints so far, and where the last one was. */
  private static final class Builder {
    final String grouping;
    final String method;
    final Variant.Role role;
    final long seed;
    final String source;
    final List<Measurement> checkpoints = new ArrayList<>();

    /** The file and line of each checkpoint, for an error about a repeated one. */
    final List<String> files = new ArrayList<>();

    long[] lines = new long[16];

    Builder(String grouping, String method, Variant.Role role, long seed, String source) {
      this.grouping = grouping;
      this.method = method;
      this.role = role;
      this.seed = seed;
      this.source = source;
    }

    void add(Measurement m, Path file, long line, String column) {
      int n = checkpoints.size();
      if (n > 0 && m.iteration() <= checkpoints.get(n - 1).iteration()) {
        int earlier =
            java.util.Collections.binarySearch(
                checkpoints.stream().map(Measurement::iteration).toList(), m.iteration());
        String key = "(" + method + ", seed " + seed + ", iteration " + m.iteration() + ")";
        Require.that(
            earlier < 0,
            at(file, line, column),
            "must not repeat a checkpoint of a run",
            () -> key + " also at " + where(earlier));
        throw new InvalidInputException(
            at(file, line, column),
            "must increase within a run (" + method + ", seed " + seed + ")",
            m.iteration() + " after " + checkpoints.get(n - 1).iteration() + " at " + where(n - 1));
      }
      checkpoints.add(m);
      if (files.isEmpty() || !files.get(files.size() - 1).equals(file.toString())) {
        files.add(file.toString());
      }
      if (n == lines.length) {
        lines = java.util.Arrays.copyOf(lines, 2 * n);
      }
      lines[n] = line;
    }

    /** Where checkpoint i was read: its line (and its file, for a run across several). */
    private String where(int i) {
      return (files.size() == 1 ? files.get(0) + " " : "") + "line " + lines[i];
    }

    ForeignRun run() {
      return new ForeignRun(method, role, seed, checkpoints, source);
    }
  }

  /** The runs grouped by grouping, each group checked to be one experiment's sandwich. */
  private static List<Configuration> configurations(
      String files, java.util.Collection<Builder> builders) {
    Map<String, List<ForeignRun>> byGrouping = new LinkedHashMap<>();
    for (Builder b : builders) {
      byGrouping.computeIfAbsent(b.grouping, g -> new ArrayList<>()).add(b.run());
    }
    Require.that(!byGrouping.isEmpty(), files, "must hold at least one row", () -> "none");
    List<Configuration> all = new ArrayList<>();
    byGrouping.forEach(
        (grouping, runs) -> {
          String name = grouping.isEmpty() ? files : files + ", grouping " + grouping;
          requireSandwich(name, runs);
          requirePairedSeeds(name, runs);
          requireSameCheckpoints(name, runs);
          all.add(
              new Configuration(
                  grouping,
                  runs.stream().sorted(Comparator.comparingLong(ForeignRun::seed)).toList()));
        });
    return all;
  }

  private static void requireSandwich(String name, List<ForeignRun> runs) {
    TreeSet<String> present = new TreeSet<>();
    runs.forEach(r -> present.add(Mapping.name(r.role()) + " (" + r.method() + ")"));
    long roles = runs.stream().map(ForeignRun::role).distinct().count();
    Require.that(
        roles == Variant.Role.values().length,
        name,
        "must hold the three algorithms of the sandwich: local SGD at P_1 (local-bottom), H-SGD"
            + " (hsgd) and local SGD at P_K (local-top)",
        () -> "only " + String.join(", ", present));
  }

  private static void requirePairedSeeds(String name, List<ForeignRun> runs) {
    Map<String, TreeSet<Long>> seeds = new LinkedHashMap<>();
    runs.forEach(r -> seeds.computeIfAbsent(r.method(), x -> new TreeSet<>()).add(r.seed()));
    Require.that(
        seeds.values().stream().distinct().count() == 1,
        name,
        "must run every algorithm on the same seeds (the checks pair them)",
        () ->
            seeds.entrySet().stream()
                .map(e -> e.getKey() + " seeds " + e.getValue())
                .collect(Collectors.joining("; ")));
  }

  private static void requireSameCheckpoints(String name, List<ForeignRun> runs) {
    TreeSet<Long> all = new TreeSet<>();
    runs.forEach(r -> all.addAll(r.iterations()));
    for (ForeignRun r : runs) {
      if (r.checkpoints().size() != all.size()) {
        List<Long> missing = new ArrayList<>(all);
        missing.removeAll(r.iterations());
        throw new InvalidInputException(
            name,
            "must measure every run at the same checkpoints (" + all.size() + " in all)",
            r.describe() + " lacks iterations " + shortList(missing) + ", which others measure");
      }
    }
    List<Long> reference = List.copyOf(all);
    long horizon = reference.get(reference.size() - 1);
    Require.that(
        reference.size() >= 2 && reference.get(0) == 0,
        name,
        "must measure t = 0 and at least one later iteration (the time average starts at u_0)",
        () -> "checkpoints " + shortList(reference));
    long every = reference.get(1);
    for (int i = 1; i < reference.size(); i++) {
      long t = reference.get(i);
      boolean regular = t == every * i || (i == reference.size() - 1 && t < every * i);
      final int index = i;
      Require.that(
          regular,
          name,
          "must measure every E iterations and at T (as hsgd does; here E = " + every + ")",
          () ->
              "iteration "
                  + reference.get(index)
                  + " after "
                  + reference.get(index - 1)
                  + ", T = "
                  + horizon);
    }
  }

  private static String shortList(List<Long> values) {
    return values.size() <= 6
        ? values.toString()
        : values.subList(0, 5) + "... (" + values.size() + ")";
  }
}
