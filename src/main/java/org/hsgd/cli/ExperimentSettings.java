package org.hsgd.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.data.Dataset;
import org.hsgd.data.GaussianMixture;
import org.hsgd.data.Mnist;
import org.hsgd.data.Partition;
import org.hsgd.data.TrainTest;
import org.hsgd.sim.ClassificationProblem;
import org.hsgd.sim.Grouping;
import org.hsgd.sim.GroupingStrategy;
import org.hsgd.sim.LogisticModel;
import org.hsgd.sim.MlpModel;
import org.hsgd.sim.Model;
import org.hsgd.sim.Problem;
import org.hsgd.sim.QuadraticProblem;
import org.hsgd.sim.RandomStreams;
import org.hsgd.sim.RunSettings;

/**
 * A simulation config (experiments/*.yaml), checked as a whole when read, and the problem, grouping
 * and run settings it gives for a seed and a hierarchy variant.
 */
final class ExperimentSettings {
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
          "seed",
          "compare");
  private static final Set<String> PROBLEM_KEYS =
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
          "cos-weight");
  private static final Set<String> DATA_KEYS =
      Set.of("source", "classes", "features", "samples", "separation", "test-fraction");
  private static final Set<String> PARTITION_KEYS = Set.of("type", "alpha", "shards-per-worker");
  private static final Set<String> MODEL_KEYS = Set.of("hidden", "l2");

  /** The MNIST train/test split is the same for every run: a fixed seed, not the run's. */
  private static final long MNIST_SPLIT_SEED = 20_221_010L;

  private final Settings settings;
  private final Settings problem;
  private final String type;
  private final Hierarchy hierarchy;
  private final GroupingStrategy strategy;
  private final RunSettings run;
  private final boolean sandwich;
  private Dataset mnist;

  private ExperimentSettings(Settings s) {
    settings = s;
    problem = block(s, "problem", PROBLEM_KEYS);
    type = problem.text("type").toLowerCase(Locale.ROOT);
    Require.that(
        Set.of("quadratic", "quadratic-cos", "logistic", "mlp").contains(type),
        "problem.type",
        "must be quadratic, quadratic-cos, logistic or mlp",
        () -> "'" + type + "'");
    boolean classification = type.equals("logistic") || type.equals("mlp");
    for (String key : List.of("data", "partition", "model", "batch")) {
      Require.that(
          classification || !s.has(key),
          key,
          "applies to logistic and mlp problems only",
          () -> "problem.type " + type);
    }
    if (classification) {
      block(s, "data", DATA_KEYS);
      if (s.has("partition")) {
        block(s, "partition", PARTITION_KEYS);
      }
      if (s.has("model")) {
        block(s, "model", MODEL_KEYS);
      }
    }
    hierarchy = s.has("group-sizes") ? null : BoundSettings.hierarchy(s);
    Require.that(
        !(s.has("group-sizes") && s.has("groups")),
        "groups",
        "must not be combined with group-sizes",
        () -> "both");
    strategy = strategy(s);
    run =
        new RunSettings(
            s.integer("T"),
            s.number("gamma"),
            s.has("eval-every") ? s.integer("eval-every") : Math.max(1, s.integer("T") / 20),
            1,
            s.has("participation") ? boxed(s.numbers("participation")) : List.of());
    String compare = s.has("compare") ? s.text("compare").toLowerCase(Locale.ROOT) : "none";
    Require.that(
        Set.of("none", "sandwich").contains(compare),
        "compare",
        "must be none or sandwich",
        () -> "'" + compare + "'");
    sandwich = compare.equals("sandwich");
    Require.that(
        !sandwich || run.participation().isEmpty(),
        "participation",
        "must be left out with compare: sandwich",
        () -> "both");
  }

  /** Reads and checks a config (everything but the data files, which load when first needed). */
  static ExperimentSettings read(Settings s) {
    s.requireKnown(KEYS, "the config");
    return new ExperimentSettings(s);
  }

  private static Settings block(Settings s, String key, Set<String> known) {
    Settings block = new Settings(s.map(key));
    block.requireKnown(known, key);
    return block;
  }

  private static GroupingStrategy strategy(Settings s) {
    String name = s.has("grouping") ? s.text("grouping") : "random";
    try {
      return GroupingStrategy.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "grouping", "must be sequential, random, group-iid or group-non-iid", "'" + name + "'");
    }
  }

  String name(String fallback) {
    return settings.has("name") ? settings.text("name") : fallback;
  }

  long seed() {
    return settings.has("seed") ? settings.integer("seed") : 1;
  }

  RunSettings run() {
    return run;
  }

  Settings settings() {
    return settings;
  }

  boolean isQuadratic() {
    return type.startsWith("quadratic");
  }

  /** The hierarchies to run: the configured one, or local SGD at P_1, it, and local SGD at P_K. */
  List<Variant> variants() {
    long[] periods = hierarchy != null ? hierarchy.periods() : settings.integers("periods");
    Variant configured = new Variant("hsgd", periods, false);
    if (!sandwich) {
      return List.of(configured);
    }
    long bottom = periods[0];
    long top = periods[periods.length - 1];
    return List.of(
        new Variant("local-P" + bottom, new long[] {bottom}, true),
        configured,
        new Variant("local-P" + top, new long[] {top}, true));
  }

  /**
   * One hierarchy to run.
   *
   * @param name used in file names
   * @param periods its periods
   * @param local whether it is local SGD (one level of all workers)
   */
  record Variant(String name, long[] periods, boolean local) {}

  int workers() {
    return hierarchy != null ? hierarchy.workers() : settings.smallInteger("n");
  }

  /** The variant's grouping for a seed (workers' keys from the problem). */
  Grouping grouping(Variant v, Problem<?> p, RandomStreams streams) {
    var rng = streams.stream(RandomStreams.Purpose.GROUPING, 0);
    if (v.local()) {
      return Grouping.of(
          Hierarchy.localSgd(workers(), v.periods()[0]),
          GroupingStrategy.SEQUENTIAL,
          p.groupingKeys(),
          rng);
    }
    if (hierarchy != null) {
      return Grouping.of(hierarchy, strategy, p.groupingKeys(), rng);
    }
    List<Object> levels = settings.list("group-sizes");
    int[][] counts = new int[levels.size()][];
    for (int k = 0; k < counts.length; k++) {
      counts[k] =
          Settings.asList(levels.get(k)).stream()
              .mapToInt(o -> (int) Settings.parseInteger("group-sizes", o))
              .toArray();
    }
    return Grouping.explicit(workers(), v.periods(), counts, strategy, rng);
  }

  /** The problem for a seed: data, partition and initial point all drawn from its streams. */
  Problem<?> problem(RandomStreams streams) {
    int n = workers();
    var dataRng = streams.stream(RandomStreams.Purpose.DATA, 0);
    if (isQuadratic()) {
      return quadratic(n, dataRng);
    }
    Settings data = new Settings(settings.map("data"));
    TrainTest split = trainTest(data, dataRng);
    Settings partition =
        settings.has("partition")
            ? new Settings(settings.map("partition"))
            : new Settings(java.util.Map.of("type", "iid"));
    int[][] shards =
        partition(partition, split.train(), n, streams.stream(RandomStreams.Purpose.PARTITION, 0));
    Settings model =
        settings.has("model")
            ? new Settings(settings.map("model"))
            : new Settings(java.util.Map.of());
    Dataset train = split.train();
    Model m =
        type.equals("mlp")
            ? new MlpModel(
                train.features(),
                model.has("hidden") ? model.smallInteger("hidden") : 64,
                train.classes())
            : new LogisticModel(train.features(), train.classes());
    return new ClassificationProblem(
        m,
        train,
        split.test(),
        shards,
        settings.has("batch") ? settings.smallInteger("batch") : 16,
        model.has("l2") ? model.number("l2") : 0,
        streams.stream(RandomStreams.Purpose.INIT, 0));
  }

  private QuadraticProblem quadratic(int n, org.apache.commons.rng.UniformRandomProvider rng) {
    double[] eigenvalues = eigenvalues();
    int d = eigenvalues.length;
    double[] start = vectorOrScalar(problem, "initial-point", d, 0);
    double sigma2 = problem.has("noise-sigma2") ? problem.number("noise-sigma2") : 0;
    double cos =
        type.equals("quadratic-cos")
            ? (problem.has("cos-weight") ? problem.number("cos-weight") : 0.5)
            : 0;
    Require.that(
        type.equals("quadratic-cos") || !problem.has("cos-weight"),
        "problem.cos-weight",
        "applies to quadratic-cos only",
        () -> "type " + type);
    if (problem.has("centers")) {
      List<Object> rows = problem.list("centers");
      Require.that(
          rows.size() == n,
          "problem.centers",
          "must give one center per worker (n=" + n + ")",
          () -> rows.size() + " centers");
      double[][] centers = new double[n][];
      double[] keys = new double[n];
      for (int j = 0; j < n; j++) {
        centers[j] =
            Settings.asList(rows.get(j)).stream()
                .mapToDouble(o -> Settings.parseNumber("problem.centers", o))
                .toArray();
        keys[j] = centers[j].length > 0 ? centers[j][0] : 0;
      }
      return new QuadraticProblem(eigenvalues, centers, start, sigma2, cos, keys);
    }
    return QuadraticProblem.clustered(
        eigenvalues,
        n,
        problem.has("clusters") ? problem.smallInteger("clusters") : 4,
        problem.has("cluster-spread") ? problem.number("cluster-spread") : 1.0,
        problem.has("worker-spread") ? problem.number("worker-spread") : 0.5,
        start,
        sigma2,
        cos,
        rng);
  }

  /** A list of d eigenvalues, or {min, max} spread geometrically over problem.dimension values. */
  private double[] eigenvalues() {
    Object spec = problem.raw("eigenvalues");
    if (spec instanceof java.util.Map<?, ?> m) {
      Settings range = new Settings(Settings.stringKeys(m));
      range.requireKnown(Set.of("min", "max"), "problem.eigenvalues");
      int d = problem.smallInteger("dimension");
      Require.that(d >= 1, "problem.dimension", "must be at least 1", () -> "" + d);
      double min = Require.positive("problem.eigenvalues.min", range.number("min"));
      double max = range.number("max");
      Require.that(
          max >= min,
          "problem.eigenvalues.max",
          "must not be below min",
          () -> "min=" + min + ", max=" + max);
      double[] values = new double[d];
      for (int i = 0; i < d; i++) {
        values[i] = d == 1 ? max : min * Math.pow(max / min, (double) i / (d - 1));
      }
      return values;
    }
    double[] values = problem.numbers("eigenvalues");
    Require.that(
        !problem.has("dimension") || problem.integer("dimension") == values.length,
        "problem.dimension",
        "must equal the number of eigenvalues",
        () -> values.length + " eigenvalues");
    return values;
  }

  private static double[] vectorOrScalar(Settings s, String key, int d, double fallback) {
    if (!s.has(key)) {
      double[] v = new double[d];
      java.util.Arrays.fill(v, fallback);
      return v;
    }
    double[] values = s.numbers(key);
    if (values.length == 1) {
      double[] v = new double[d];
      java.util.Arrays.fill(v, values[0]);
      return v;
    }
    return values;
  }

  private TrainTest trainTest(Settings data, org.apache.commons.rng.UniformRandomProvider rng) {
    double testFraction = data.has("test-fraction") ? data.number("test-fraction") : 0.2;
    String source = data.text("source").toLowerCase(Locale.ROOT);
    return switch (source) {
      case "mnist" -> {
        if (mnist == null) {
          mnist = Mnist.load(Mnist.defaultCache());
        }
        yield TrainTest.split(
            mnist,
            testFraction,
            new RandomStreams(MNIST_SPLIT_SEED).stream(RandomStreams.Purpose.DATA, 0));
      }
      case "gaussian-mixture" ->
          TrainTest.split(
              GaussianMixture.generate(
                  data.smallInteger("classes"),
                  data.smallInteger("features"),
                  data.smallInteger("samples"),
                  data.has("separation") ? data.number("separation") : 3.0,
                  rng),
              testFraction,
              rng);
      default ->
          throw new InvalidInputException(
              "data.source", "must be mnist or gaussian-mixture", "'" + source + "'");
    };
  }

  private static int[][] partition(
      Settings p, Dataset train, int n, org.apache.commons.rng.UniformRandomProvider rng) {
    String kind = p.text("type").toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "iid" -> Partition.iid(train, n, rng);
      case "shards" ->
          Partition.shards(
              train, n, p.has("shards-per-worker") ? p.smallInteger("shards-per-worker") : 2, rng);
      case "dirichlet" -> Partition.dirichlet(train, n, p.number("alpha"), rng);
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
