package org.hsgd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;
import org.hsgd.check.CheckSettings;
import org.hsgd.data.IdxFiles;
import org.hsgd.data.LibsvmFiles;
import org.hsgd.experiment.ClassificationSpec;
import org.hsgd.experiment.ConstantsSpec;
import org.hsgd.experiment.DataSpec;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.ExternalSpec;
import org.hsgd.experiment.ModelSpec;
import org.hsgd.experiment.PartitionSpec;
import org.hsgd.experiment.ProblemSpec;
import org.hsgd.experiment.QuadraticSpec;
import org.hsgd.experiment.Topology;
import org.hsgd.sim.GroupingStrategy;
import org.hsgd.sim.RunSettings;

/**
 * Translates an experiment config (experiments/*.yaml) into an {@link ExperimentSpec} and the
 * checker's {@link CheckSettings}: every key is read and checked here, before anything runs. The
 * defaults live in the spec types; a key left out takes theirs.
 */
final class ExperimentConfig {
  static final Set<String> KEYS =
      Set.of(
          "name",
          "problem",
          "data",
          "partition",
          "model",
          "n",
          "groups",
          "periods",
          "local-period",
          "global-period",
          "grouping",
          "group-sizes",
          "participation",
          "gamma",
          "T",
          "batch",
          "eval-every",
          "gradient-average",
          "weighting",
          "participation-mode",
          "seed",
          "seeds",
          "compare",
          "constants",
          "check",
          "figures",
          "grid");
  static final Set<String> PROBLEM_KEYS =
      Set.of(
          "type",
          "dimension",
          "eigenvalues",
          "clusters",
          "cluster-spread",
          "worker-spread",
          "centers",
          "initial-point",
          "noise-sigma2",
          "cos-weight",
          "description");
  static final Set<String> DATA_KEYS =
      Set.of(
          "source",
          "classes",
          "features",
          "samples",
          "separation",
          "test-fraction",
          "train-images",
          "train-labels",
          "test-images",
          "test-labels",
          "train",
          "test");

  /** The keys of each data source beside source itself. */
  private static final Map<String, Set<String>> SOURCE_KEYS =
      Map.of(
          "mnist", Set.of("test-fraction"),
          "fashion-mnist", Set.of(),
          "idx",
              Set.of("train-images", "train-labels", "test-images", "test-labels", "test-fraction"),
          "libsvm", Set.of("train", "test", "test-fraction"),
          "gaussian-mixture",
              Set.of("classes", "features", "samples", "separation", "test-fraction"));

  static final Set<String> PARTITION_KEYS = Set.of("type", "alpha", "shards-per-worker");
  static final Set<String> MODEL_KEYS = Set.of("hidden", "l2");
  private static final Set<String> CHECK_KEYS = Set.of("level", "margin", "final-window");
  private static final Set<String> CONSTANTS_KEYS =
      Set.of("L", "sigma2", "delta", "eps2", "eps2-total");

  private ExperimentConfig() {}

  /**
   * The spec of a config.
   *
   * @param fallbackName the name when the config has no {@code name:} key
   * @throws InvalidInputException naming the key at fault
   */
  static ExperimentSpec spec(Settings s, String fallbackName) {
    ProblemSpec problem = problem(s);
    Topology topology = topology(s);
    long iterations = s.integer("T");
    RunSettings.Builder settings =
        ExperimentSpec.runSettings(problem, iterations, s.number("gamma")).toBuilder();
    if (s.has("eval-every")) {
      settings.evalEvery(s.integer("eval-every"));
    }
    if (s.has("participation")) {
      settings.participation(boxed(s.numbers("participation")));
    }
    if (s.has("gradient-average")) {
      settings.gradientAverage(named(s, "gradient-average", RunSettings.GradientAverage.class));
    }
    if (s.has("weighting")) {
      settings.weighting(named(s, "weighting", RunSettings.Weighting.class));
    }
    if (s.has("participation-mode")) {
      settings.participationMode(
          named(s, "participation-mode", RunSettings.ParticipationMode.class));
    }
    RunSettings run = settings.build();
    String compare = s.has("compare") ? s.text("compare").toLowerCase(Locale.ROOT) : "none";
    Require.that(
        Set.of("none", "sandwich").contains(compare),
        "compare",
        "must be none or sandwich",
        () -> "'" + compare + "'");
    var builder =
        ExperimentSpec.builder(
                s.has("name") ? s.text("name") : fallbackName, problem, topology, run)
            .sandwich(compare.equals("sandwich"));
    if (s.has("grouping")) {
      builder.grouping(named(s, "grouping", GroupingStrategy.class));
    }
    if (s.has("seed")) {
      builder.firstSeed(s.integer("seed"));
    }
    if (s.has("seeds")) {
      builder.seeds(s.smallInteger("seeds"));
    }
    if (s.has("constants")) {
      builder.constants(constants(s));
    }
    return builder.build();
  }

  /** The checker's settings from the {@code check:} block. */
  static CheckSettings checkSettings(Settings s) {
    if (!s.has("check")) {
      return CheckSettings.DEFAULT;
    }
    Settings c = block(s, "check", CHECK_KEYS);
    CheckSettings d = CheckSettings.DEFAULT;
    return new CheckSettings(
        c.has("level") ? c.number("level") : d.level(),
        c.has("margin") ? c.number("margin") : d.margin(),
        c.has("final-window") ? c.number("final-window") : d.finalWindow());
  }

  /**
   * {@code constants: exact} or {@code estimated}, or the user's own: {@code {L, sigma2, delta,
   * eps2: [per level], eps2-total}} (eps2-total, local SGD's single-level eps^2, defaults to the
   * sum of the levels').
   */
  private static ConstantsSpec constants(Settings s) {
    Object raw = s.raw("constants");
    if (!(raw instanceof Map<?, ?>)) {
      String name = String.valueOf(raw).trim();
      Require.that(
          name.equals("exact") || name.equals("estimated"),
          "constants",
          "must be exact, estimated or a map of L, sigma2, delta, eps2 (one per level) and"
              + " eps2-total",
          () -> "'" + raw + "'");
      return name.equals("exact") ? ConstantsSpec.EXACT : ConstantsSpec.ESTIMATED;
    }
    Settings c = block(s, "constants", CONSTANTS_KEYS);
    for (String key : List.of("L", "sigma2", "delta", "eps2")) {
      Require.that(
          c.has(key),
          "constants." + key,
          "is required in a constants: map (or write constants: exact)",
          () -> "none");
    }
    Object eps = c.raw("eps2");
    List<Object> items = eps instanceof List<?> l ? new ArrayList<>(l) : List.of(eps);
    List<Double> perLevel = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      perLevel.add(Settings.parseNumber("constants.eps2[" + (i + 1) + "]", items.get(i)));
    }
    return new ConstantsSpec.Given(
        Settings.parseNumber("constants.L", c.raw("L")),
        Settings.parseNumber("constants.sigma2", c.raw("sigma2")),
        Settings.parseNumber("constants.delta", c.raw("delta")),
        perLevel,
        c.has("eps2-total")
            ? Settings.parseNumber("constants.eps2-total", c.raw("eps2-total"))
            : perLevel.stream().mapToDouble(Double::doubleValue).sum());
  }

  private static Settings block(Settings s, String key, Set<String> known) {
    Settings block = s.section(key);
    block.requireKnown(known, key);
    return block;
  }

  /** An enum constant from its lower-case, dash-separated name ("group-non-iid"). */
  private static <E extends Enum<E>> E named(Settings s, String key, Class<E> type) {
    String name = s.text(key);
    try {
      return Enum.valueOf(type, name.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      throw new InvalidInputException(
          key, "must be one of " + String.join(", ", allowed), "'" + name + "'");
    }
  }

  private static Topology topology(Settings s) {
    if (!s.has("group-sizes")) {
      return new Topology.Equal(BoundSettings.hierarchy(s));
    }
    Require.that(!s.has("groups"), "groups", "must not be combined with group-sizes", () -> "both");
    List<List<Integer>> sizes = new ArrayList<>();
    for (Object level : s.list("group-sizes")) {
      List<Integer> counts = new ArrayList<>();
      for (Object count : Settings.asList(level)) {
        counts.add(Settings.toInt("group-sizes", Settings.parseInteger("group-sizes", count)));
      }
      sizes.add(counts);
    }
    List<Long> periods = new ArrayList<>();
    for (long p : s.integers("periods")) {
      periods.add(p);
    }
    return new Topology.Unequal(s.smallInteger("n"), periods, sizes);
  }

  private static ProblemSpec problem(Settings s) {
    Settings p = block(s, "problem", PROBLEM_KEYS);
    String type = p.text("type").toLowerCase(Locale.ROOT);
    Require.that(
        Set.of("quadratic", "quadratic-cos", "logistic", "mlp", "external").contains(type),
        "problem.type",
        "must be quadratic, quadratic-cos, logistic, mlp or external (runs made elsewhere)",
        () -> "'" + type + "'");
    boolean classification = type.equals("logistic") || type.equals("mlp");
    Require.that(
        type.equals("external") || !p.has("description"),
        "problem.description",
        "applies to external problems only",
        () -> "problem.type " + type);
    for (String key : List.of("data", "partition", "model", "batch")) {
      Require.that(
          classification || !s.has(key),
          key,
          "applies to logistic and mlp problems only",
          () -> "problem.type " + type);
    }
    if (type.equals("external")) {
      Require.that(
          p.asMap().keySet().equals(Set.of("type", "description")),
          "problem",
          "takes type and description for an external problem",
          () -> p.asMap().keySet().toString());
      return new ExternalSpec(p.text("description"));
    }
    if (!classification) {
      return quadratic(p, type);
    }
    Require.that(
        p.asMap().keySet().equals(Set.of("type")),
        "problem",
        "takes only type for logistic and mlp (data, partition and model are their own blocks)",
        () -> p.asMap().keySet().toString());
    Settings model = s.has("model") ? block(s, "model", MODEL_KEYS) : new Settings(Map.of());
    double l2 = model.has("l2") ? model.number("l2") : 0;
    Require.that(
        type.equals("mlp") || !model.has("hidden"),
        "model.hidden",
        "applies to mlp only",
        () -> "problem.type " + type);
    ModelSpec m =
        type.equals("mlp")
            ? new ModelSpec.Mlp(
                model.has("hidden") ? model.smallInteger("hidden") : ModelSpec.Mlp.DEFAULT_HIDDEN,
                l2)
            : new ModelSpec.Logistic(l2);
    return new ClassificationSpec(
        m,
        data(block(s, "data", DATA_KEYS)),
        s.has("partition")
            ? partition(block(s, "partition", PARTITION_KEYS))
            : new PartitionSpec.Iid(),
        s.has("batch") ? s.smallInteger("batch") : ClassificationSpec.DEFAULT_BATCH);
  }

  private static QuadraticSpec quadratic(Settings p, String type) {
    Require.that(
        type.equals("quadratic-cos") || !p.has("cos-weight"),
        "problem.cos-weight",
        "applies to quadratic-cos only",
        () -> "type " + type);
    var builder = QuadraticSpec.builder(eigenvalues(p));
    if (type.equals("quadratic-cos")) {
      builder.cosWeight(
          p.has("cos-weight") ? p.number("cos-weight") : QuadraticSpec.DEFAULT_COS_WEIGHT);
    }
    if (p.has("initial-point")) {
      builder.initialPoint(boxed(p.numbers("initial-point")));
    }
    if (p.has("noise-sigma2")) {
      builder.noiseVariance(p.number("noise-sigma2"));
    }
    boolean clusterKeys = p.has("clusters") || p.has("cluster-spread") || p.has("worker-spread");
    if (p.has("centers")) {
      Require.that(
          !clusterKeys,
          "problem.centers",
          "must not be combined with clusters, cluster-spread or worker-spread",
          () -> "both");
      List<List<Double>> rows = new ArrayList<>();
      for (Object row : p.list("centers")) {
        List<Double> values = new ArrayList<>();
        for (Object v : Settings.asList(row)) {
          values.add(Settings.parseNumber("problem.centers", v));
        }
        rows.add(values);
      }
      builder.centers(new QuadraticSpec.Explicit(rows));
    } else if (clusterKeys) {
      QuadraticSpec.Clustered d = QuadraticSpec.Clustered.DEFAULT;
      builder.centers(
          new QuadraticSpec.Clustered(
              p.has("clusters") ? p.smallInteger("clusters") : d.clusters(),
              p.has("cluster-spread") ? p.number("cluster-spread") : d.clusterSpread(),
              p.has("worker-spread") ? p.number("worker-spread") : d.workerSpread()));
    }
    return builder.build();
  }

  /** A list of d eigenvalues, or {min, max} spread geometrically over problem.dimension values. */
  private static List<Double> eigenvalues(Settings p) {
    Object spec = p.raw("eigenvalues");
    if (spec instanceof Map<?, ?>) {
      Settings range = p.section("eigenvalues");
      range.requireKnown(Set.of("min", "max"), "problem.eigenvalues");
      return QuadraticSpec.geometricEigenvalues(
          p.smallInteger("dimension"), range.number("min"), range.number("max"));
    }
    double[] values = p.numbers("eigenvalues");
    Require.that(
        !p.has("dimension") || p.integer("dimension") == values.length,
        "problem.dimension",
        "must equal the number of eigenvalues",
        () -> values.length + " eigenvalues");
    return boxed(values);
  }

  private static DataSpec data(Settings d) {
    String source = d.text("source").toLowerCase(Locale.ROOT);
    Set<String> allowed = SOURCE_KEYS.get(source);
    Require.that(
        allowed != null,
        "data.source",
        "must be mnist, fashion-mnist, idx, libsvm or gaussian-mixture",
        () -> "'" + source + "'");
    for (String key : d.asMap().keySet()) {
      Require.that(
          key.equals("source") || allowed.contains(key),
          "data." + key,
          "does not apply to source " + source,
          () -> source);
    }
    double testFraction =
        d.has("test-fraction") ? d.number("test-fraction") : DataSpec.DEFAULT_TEST_FRACTION;
    return switch (source) {
      case "mnist" -> new DataSpec.Mnist(testFraction);
      case "fashion-mnist" -> new DataSpec.FashionMnist();
      case "idx" -> idx(d, testFraction);
      case "libsvm" -> libsvm(d, testFraction);
      default ->
          new DataSpec.GaussianMixture(
              d.smallInteger("classes"),
              d.smallInteger("features"),
              d.smallInteger("samples"),
              d.has("separation")
                  ? d.number("separation")
                  : DataSpec.GaussianMixture.DEFAULT_SEPARATION,
              testFraction);
    };
  }

  /** IDX files, read far enough to know their pixels, classes and training images. */
  private static DataSpec idx(Settings d, double testFraction) {
    boolean testPair = d.has("test-images") || d.has("test-labels");
    Require.that(
        !testPair || (d.has("test-images") && d.has("test-labels")),
        d.has("test-images") ? "data.test-labels" : "data.test-images",
        "must be given with the other file of the test pair",
        () -> "one of the two");
    requireNoFraction(d, testPair);
    return DataSpec.Files.of(
        new IdxFiles(
            path(d, "train-images"),
            path(d, "train-labels"),
            testPair
                ? Optional.of(List.of(path(d, "test-images"), path(d, "test-labels")))
                : Optional.empty()),
        testPair,
        testFraction);
  }

  /** A LIBSVM file, and maybe its test file, read once through to know their shape. */
  private static DataSpec libsvm(Settings d, double testFraction) {
    requireNoFraction(d, d.has("test"));
    return DataSpec.Files.of(
        new LibsvmFiles(
            path(d, "train"), d.has("test") ? Optional.of(path(d, "test")) : Optional.empty()),
        d.has("test"),
        testFraction);
  }

  private static void requireNoFraction(Settings d, boolean ownTest) {
    Require.that(
        !ownTest || !d.has("test-fraction"),
        "data.test-fraction",
        "must be left out with test files (the test set is given)",
        () -> String.valueOf(d.raw("test-fraction")));
  }

  private static Path path(Settings d, String key) {
    return Path.of(d.text(key));
  }

  private static PartitionSpec partition(Settings p) {
    String kind = p.text("type").toLowerCase(Locale.ROOT);
    Require.that(
        kind.equals("shards") || !p.has("shards-per-worker"),
        "partition.shards-per-worker",
        "applies to type shards only",
        () -> "type " + kind);
    Require.that(
        kind.equals("dirichlet") || !p.has("alpha"),
        "partition.alpha",
        "applies to type dirichlet only",
        () -> "type " + kind);
    return switch (kind) {
      case "iid" -> new PartitionSpec.Iid();
      case "shards" ->
          new PartitionSpec.Shards(
              p.has("shards-per-worker")
                  ? p.smallInteger("shards-per-worker")
                  : PartitionSpec.Shards.DEFAULT_PER_WORKER);
      case "dirichlet" -> new PartitionSpec.Dirichlet(p.number("alpha"));
      default ->
          throw new InvalidInputException(
              "partition.type", "must be iid, shards or dirichlet", "'" + kind + "'");
    };
  }

  private static List<Double> boxed(double[] values) {
    List<Double> list = new ArrayList<>();
    for (double v : values) {
      list.add(v);
    }
    return list;
  }
}
