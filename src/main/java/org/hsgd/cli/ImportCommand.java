package org.hsgd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hsgd.Require;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.Variant;
import org.hsgd.foreign.ForeignRuns;
import org.hsgd.foreign.Mapping;
import org.hsgd.foreign.MappingGuess;
import org.hsgd.foreign.Records;
import org.hsgd.report.Outputs;
import org.hsgd.report.Provenance;
import org.hsgd.report.ResultFolder;
import org.hsgd.report.TidyTables;
import org.hsgd.study.ExperimentJob;
import org.hsgd.study.ExperimentResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hsgd import}: runs made by another program into ordinary hsgd result folders. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Read runs made by another program (PyTorch, JAX, ...) into hsgd result folders, after which check, plot and every command that reads results work on them.",
      "FILE is CSV with one row per checkpoint of a run (long), CSV with one row per iteration and a column per metric of each run (wide, with wide-columns), or JSON Lines. A mapping (--mapping, or flags) says which columns are the iteration, loss, |grad f(u_t)|^2, test metrics and divergences, which methods are local SGD at P_1, H-SGD and local SGD at P_K, and what the file does not say: n, groups, periods, gamma. Without one, hsgd's own column names are expected; --guess prints a mapping guessed from the file, to check and complete.",
      "Each grouping in the file becomes one experiment, DIR/<grouping>; everything is read and checked before anything is written."
    })
final class ImportCommand implements Callable<Integer> {
  /** The keys of a mapping file: the columns and values, and the experiment's settings. */
  static final Set<String> KEYS =
      Set.of(
          "name",
          "description",
          "n",
          "groups",
          "periods",
          "local-period",
          "global-period",
          "gamma",
          "grouping",
          "constants",
          "figures",
          "wide-columns",
          "columns",
          "methods",
          "ignore");

  private static final Set<String> COLUMN_KEYS =
      Set.of(
          "iteration",
          "loss",
          "grad-norm-sq",
          "test-accuracy",
          "test-loss",
          "divergence",
          "divergence-total",
          "method",
          "seed",
          "grouping",
          "periods");

  /** The groupings a file may name; each is hsgd's grouping of the same name. */
  private static final Set<String> GROUPINGS =
      Set.of("random", "sequential", "group-iid", "group-non-iid");

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "runs (CSV or JSON Lines)")
  List<Path> files;

  @Option(names = "--mapping", paramLabel = "MAP", description = "the mapping (YAML)")
  Path mapping;

  @Option(
      names = "--guess",
      description = "print a mapping guessed from FILE's columns and values, and write nothing")
  boolean guess;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where the results go (default: results/<name>)")
  Path out;

  @Option(names = "--name", paramLabel = "NAME", description = "experiment name (default: FILE's)")
  String name;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      description = "what was trained, for titles and manifests")
  String description;

  @Option(names = "--n", paramLabel = "INT", description = "number of workers")
  String workers;

  @Option(
      names = "--groups",
      paramLabel = "N",
      description = "group counts N_1..N_{K-1}, bottom first")
  String groups;

  @Option(names = "--periods", paramLabel = "P", description = "periods P_1..P_K, bottom first")
  String periods;

  @Option(names = "--gamma", paramLabel = "NUM", description = "the step size of the runs")
  String gamma;

  @Option(
      names = "--column",
      paramLabel = "KEY=COLUMN",
      description = "a column of the mapping, e.g. loss=train_loss (repeatable)")
  Map<String, String> columns;

  @Option(
      names = "--method",
      paramLabel = "VALUE=ROLE",
      description = "a method and its role: local-bottom, hsgd or local-top (repeatable)")
  Map<String, String> methods;

  @Option(
      names = "--ignore",
      paramLabel = "COLUMNS",
      split = ",",
      description = "columns hsgd does not use, comma list")
  List<String> ignore;

  @Mixin FigureOptions figures;

  @Override
  public Integer call() {
    if (guess) {
      Require.that(files.size() == 1, "FILE", "must be one file for --guess", files::toString);
      return printGuess(files.get(0));
    }
    Settings s = settings();
    String experimentName =
        s.has("name")
            ? s.text("name")
            : Inputs.baseName(files.get(0)).replaceAll("[^A-Za-z0-9._-]", "-");
    Hierarchy hierarchy = BoundSettings.hierarchy(s);
    List<Long> levelPeriods = new ArrayList<>();
    for (long p : hierarchy.periods()) {
      levelPeriods.add(p);
    }
    Mapping typed = mapping(s, hierarchy.levelCount());
    Runtime rt = Runtime.getRuntime();
    List<ForeignRuns.Configuration> configurations =
        ForeignRuns.read(
            files, typed, levelPeriods, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
    Path dir = out != null ? out : Path.of("results", experimentName);
    Outputs.requireWritableFolder(dir);
    List<Map<String, Object>> sources = sources();
    List<Prepared> prepared = new ArrayList<>();
    for (ForeignRuns.Configuration c : configurations) {
      prepared.add(prepare(s, experimentName, c, dir, sources));
    }
    prepared.forEach(
        p -> ResultFolder.requireAvailable(p.dir(), ExperimentJob.owner(p.job().spec())));
    var stdout = spec.commandLine().getOut();
    boolean figuresFailed = false;
    for (Prepared p : prepared) {
      ExperimentResult result =
          p.job()
              .record(
                  p.dir(),
                  p.runs(),
                  Map.of(
                      p.dir().resolve("import.manifest.json"),
                      Outputs.json(p.manifest()).getBytes(StandardCharsets.UTF_8)));
      stdout.println(
          "imported "
              + p.runs().size()
              + " runs of "
              + p.job().spec().name()
              + " ("
              + p.job().spec().seeds()
              + " seeds, T = "
              + p.job().spec().run().iterations()
              + ") into "
              + p.dir());
      stdout.print(result.text());
      result.written().forEach(f -> stdout.println("wrote " + f));
      figuresFailed |= ExperimentOptions.reportFigureFailure(spec, result.figureFailure(), p.dir());
    }
    stdout.println("check them with: ./hsgd check " + Inputs.shellQuoted(dir.toString()));
    stdout.println("draw them with:  ./hsgd plot " + Inputs.shellQuoted(dir.toString()));
    return figuresFailed ? 1 : 0;
  }

  /** One configuration, read and checked, ready to be written. */
  private record Prepared(
      Path dir, ExperimentJob job, List<Run> runs, Map<String, Object> manifest) {}

  private Prepared prepare(
      Settings s,
      String experimentName,
      ForeignRuns.Configuration c,
      Path dir,
      List<Map<String, Object>> sources) {
    String grouping =
        c.grouping().isEmpty() ? (s.has("grouping") ? s.text("grouping") : "random") : c.grouping();
    Require.that(
        GROUPINGS.contains(grouping),
        c.grouping().isEmpty() ? "grouping" : "columns.grouping",
        "must be one of " + String.join(", ", new java.util.TreeSet<>(GROUPINGS)),
        () -> "'" + grouping + "'");
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "external");
    problem.put(
        "description",
        s.has("description")
            ? s.text("description")
            : "runs imported from " + files.get(0).getFileName());
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("name", c.grouping().isEmpty() ? experimentName : experimentName + "-" + grouping);
    settings.put("problem", problem);
    for (String key : List.of("n", "groups", "periods", "local-period", "global-period", "gamma")) {
      if (s.has(key)) {
        settings.put(key, s.raw(key));
      }
    }
    settings.put("grouping", grouping);
    settings.put("T", c.horizon());
    settings.put("eval-every", c.evalEvery());
    settings.put("gradient-average", "checkpoints");
    settings.put("seed", c.seeds().get(0));
    settings.put("seeds", c.seeds().size());
    settings.put("compare", "sandwich");
    for (String key : List.of("constants", "figures")) {
      if (s.has(key)) {
        settings.put(key, s.raw(key));
      }
    }
    Settings recorded = new Settings(settings);
    ExperimentSpec experiment = ExperimentConfig.spec(recorded, experimentName);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("type", "external");
    facts.put("description", problem.get("description"));
    facts.put("workers", experiment.topology().workers());
    facts.put("seeds", c.seeds());
    Path target = c.grouping().isEmpty() ? dir : dir.resolve(grouping);
    String rerun = rerun(dir);
    ExperimentJob job =
        new ExperimentJob(
            experiment,
            Optional.empty(),
            figures.settings(recorded),
            Provenance.capture(rerun, recorded.asMap()));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("rerun", rerun);
    manifest.put("sources", sources);
    manifest.put("mapping", s.asMap());
    manifest.put("grouping", c.grouping());
    manifest.put("settings", recorded.asMap());
    return new Prepared(target, job, c.runs(experiment, facts), manifest);
  }

  /** The mapping file overlaid with the flags; hsgd's own names where neither says. */
  private Settings settings() {
    Settings s = Inputs.settings(spec, mapping, KEYS);
    Map<String, Object> cols = new LinkedHashMap<>(s.has("columns") ? s.map("columns") : Map.of());
    if (columns != null) {
      cols.putAll(columns);
    }
    Map<String, Object> meths = new LinkedHashMap<>(s.has("methods") ? s.map("methods") : Map.of());
    if (methods != null) {
      meths.putAll(methods);
    }
    Settings merged = s;
    if (!cols.isEmpty()) {
      merged = merged.with("columns", cols);
    }
    if (!meths.isEmpty()) {
      merged = merged.with("methods", meths);
    }
    if (ignore != null) {
      merged = merged.with("ignore", ignore);
    }
    new Settings(cols).requireKnown(COLUMN_KEYS, "columns");
    return merged;
  }

  /** The typed mapping: the given keys, hsgd's names for the rest. */
  private Mapping mapping(Settings s, int levels) {
    List<String> header;
    try (Records records = Records.open(files.get(0))) {
      header = records.columns();
    }
    Mapping d =
        Mapping.defaults(
            TidyTables.divergenceColumns(Math.max(2, levels)).subList(0, levels), header);
    Settings c = new Settings(s.has("columns") ? s.map("columns") : Map.of());
    Map<String, Variant.Role> roles = new LinkedHashMap<>();
    if (s.has("methods")) {
      s.map("methods")
          .forEach(
              (value, role) ->
                  roles.put(value, Mapping.role("methods." + value, String.valueOf(role))));
    } else {
      roles.putAll(d.methods());
    }
    List<String> ignored = new ArrayList<>();
    if (s.has("ignore")) {
      s.list("ignore").forEach(v -> ignored.add(String.valueOf(v)));
    }
    return new Mapping(
        s.has("wide-columns") ? Optional.of(s.text("wide-columns")) : Optional.empty(),
        c.has("iteration") ? c.text("iteration") : d.iteration(),
        c.has("loss") ? c.text("loss") : d.loss(),
        c.has("grad-norm-sq") ? c.text("grad-norm-sq") : d.gradNormSq(),
        c.has("test-accuracy") ? Optional.of(c.text("test-accuracy")) : d.testAccuracy(),
        c.has("test-loss") ? Optional.of(c.text("test-loss")) : d.testLoss(),
        c.has("divergence") ? texts(c, "divergence") : d.divergences(),
        c.has("divergence-total") ? c.text("divergence-total") : d.divergenceTotal(),
        c.has("method") ? c.text("method") : d.method(),
        c.has("seed") ? c.text("seed") : d.seed(),
        c.has("grouping") ? Optional.of(c.text("grouping")) : d.grouping(),
        c.has("periods") ? texts(c, "periods") : List.of(),
        roles,
        java.util.Set.copyOf(ignored));
  }

  private static List<String> texts(Settings s, String key) {
    return s.list(key).stream().map(String::valueOf).toList();
  }

  /** The files read, each with its size and SHA-256. */
  private List<Map<String, Object>> sources() {
    List<Map<String, Object>> sources = new ArrayList<>();
    for (Path f : files) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", f.toString());
      entry.put("bytes", size(f));
      entry.put("sha256", sha256(f));
      sources.add(entry);
    }
    return sources;
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  private static String sha256(Path f) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(f), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The command line that reproduces the import. */
  private String rerun(Path dir) {
    StringBuilder line = new StringBuilder("./hsgd import");
    files.forEach(f -> line.append(' ').append(Inputs.shellQuoted(f.toString())));
    if (mapping != null) {
      line.append(" --mapping ").append(Inputs.shellQuoted(mapping.toString()));
    }
    String[][] given = {
      {"--name", name},
      {"--description", description},
      {"--n", workers},
      {"--groups", groups},
      {"--periods", periods},
      {"--gamma", gamma}
    };
    for (String[] g : given) {
      if (g[1] != null) {
        line.append(' ').append(g[0]).append(' ').append(Inputs.shellQuoted(g[1]));
      }
    }
    if (columns != null) {
      columns.forEach((k, v) -> line.append(" --column ").append(Inputs.shellQuoted(k + "=" + v)));
    }
    if (methods != null) {
      methods.forEach((k, v) -> line.append(" --method ").append(Inputs.shellQuoted(k + "=" + v)));
    }
    if (ignore != null) {
      line.append(" --ignore ").append(Inputs.shellQuoted(String.join(",", ignore)));
    }
    return line.append(" --out ")
        .append(Inputs.shellQuoted(dir.toString()))
        .append(figures.given())
        .toString();
  }

  /** Prints the guessed mapping as YAML, with what is left to fill in. */
  private int printGuess(Path file) {
    Map<String, Object> guessed = new LinkedHashMap<>();
    guessed.put("name", Inputs.baseName(file));
    guessed.put("description", "what was trained (fill in)");
    guessed.put("n", null);
    guessed.put("groups", null);
    guessed.putAll(MappingGuess.of(file));
    guessed.putIfAbsent("periods", null);
    guessed.put("gamma", null);
    ObjectMapper yaml =
        new ObjectMapper(
            new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    var stdout = spec.commandLine().getOut();
    stdout.println(
        "# A mapping guessed from " + file.getFileName() + ": check every line, fill in each null");
    stdout.println(
        "# (n, groups, periods, gamma: what the file does not say), save it, and pass --mapping.");
    try {
      stdout.print(yaml.writeValueAsString(guessed));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a guess is plain data and always renders", e);
    }
    return 0;
  }
}
