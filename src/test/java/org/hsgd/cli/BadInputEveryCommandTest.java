package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of inputs that every command must refuse: flags, config files, paths and extreme numbers
 * across bound, bound sweep, plan, simulate, check and plot. Each case must end with exit 2 and one
 * line naming a field and its rule, no stack trace or exception name, nothing on stdout, and no
 * file created or changed anywhere in its folder.
 */
class BadInputEveryCommandTest {
  /** Values no numeric flag accepts. */
  private static final List<String> NOT_NUMBERS =
      List.of("-1", "abc", "NaN", "1f", "-Infinity", "1e400", "0x10", "");

  private static final String BOUND =
      "n: 8\ngroups: [2]\nperiods: [2, 4]\nL: 1\nsigma2: 1\ndelta: 1\neps2: [1, 0.5]\ngamma: 0.1\nT: 100\n";
  private static final String SWEEP = BOUND + "sweep:\n  parameter: periods[2]\n  values: [2, 4]\n";
  private static final String PLAN =
      "n: 16\nL: 1\nsigma2: 1\ndelta: 1\neps2-total: 1\ntarget: 0.5\nstep-seconds: 0.01\n"
          + "aggregation-seconds: [0.1, 1]\ncandidates:\n  - {periods: [4]}\n";
  private static final String EXPERIMENT =
      "problem: {type: quadratic, dimension: 3, eigenvalues: {min: 0.5, max: 1}}\n"
          + "n: 4\ngroups: [2]\nperiods: [2, 4]\ngamma: 0.05\nT: 8\nseeds: 2\n";

  /** A case: the command line (with {DIR} for the case's folder) and the files to create first. */
  record Case(String name, List<String> args, List<String[]> files) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> corpus() {
    List<Case> cases = new ArrayList<>();
    // bound: every numeric flag, with values no number flag takes.
    for (String flag :
        List.of(
            "--n",
            "--L",
            "--sigma2",
            "--delta",
            "--gamma",
            "--T",
            "--target",
            "--groups",
            "--periods",
            "--eps2")) {
      for (String value : NOT_NUMBERS) {
        cases.add(
            command(
                "bound " + flag + "=" + value,
                List.of("bound", "--config", "{DIR}/b.yaml", flag, value),
                "b.yaml",
                BOUND));
      }
    }
    // plan: its numeric flags.
    for (String flag : List.of("--n", "--L", "--target", "--step-seconds", "--top")) {
      for (String value : List.of("-1", "abc", "NaN", "1e400", "1f")) {
        cases.add(
            command(
                "plan " + flag + "=" + value,
                List.of("plan", "--config", "{DIR}/p.yaml", flag, value),
                "p.yaml",
                PLAN));
      }
    }
    // simulate and check: replicates and threads.
    for (String command : List.of("simulate", "check")) {
      for (String flag : List.of("--seeds", "--threads")) {
        for (String value : List.of("-1", "0", "abc", "1.5", "NaN", "99999999999", "1e400")) {
          cases.add(
              command(
                  command + " " + flag + "=" + value,
                  List.of(command, "{DIR}/e.yaml", flag, value, "--out", "{DIR}/out"),
                  "e.yaml",
                  EXPERIMENT));
        }
      }
    }
    // The figure options of every command that draws.
    List<String[]> figureFlags = new ArrayList<>();
    for (String v : List.of("0", "abc", "-3", "100", "NaN")) {
      figureFlags.add(new String[] {"--figure-width", v});
    }
    for (String v : List.of("0", "abc", "-1", "50")) {
      figureFlags.add(new String[] {"--figure-height", v});
    }
    for (String v : List.of("2", "abc", "99")) {
      figureFlags.add(new String[] {"--font-size", v});
    }
    for (String v : List.of("gif", "", "pdf,jpg")) {
      figureFlags.add(new String[] {"--formats", v});
    }
    for (String v : List.of("acm", "", "aaai2")) {
      figureFlags.add(new String[] {"--style", v});
    }
    for (String v : List.of("2.5", "-1", "7", "abc")) {
      figureFlags.add(new String[] {"--panel-columns", v});
    }
    for (String v : List.of("wide", "", "CI")) {
      figureFlags.add(new String[] {"--band", v});
    }
    for (String v : List.of("acc", "loss,foo")) {
      figureFlags.add(new String[] {"--metrics", v});
    }
    for (String[] flag : figureFlags) {
      String label = flag[0] + "=" + flag[1];
      cases.add(
          command(
              "simulate " + label,
              List.of("simulate", "{DIR}/e.yaml", flag[0], flag[1], "--out", "{DIR}/out"),
              "e.yaml",
              EXPERIMENT));
      cases.add(
          command(
              "check " + label,
              List.of("check", "{DIR}/e.yaml", flag[0], flag[1], "--out", "{DIR}/out"),
              "e.yaml",
              EXPERIMENT));
      cases.add(
          command(
              "sweep " + label,
              List.of(
                  "bound",
                  "sweep",
                  "--config",
                  "{DIR}/s.yaml",
                  flag[0],
                  flag[1],
                  "--out",
                  "{DIR}/out"),
              "s.yaml",
              SWEEP));
      cases.add(
          command(
              "plot " + label,
              List.of("plot", "{DIR}/results", flag[0], flag[1]),
              "results/trace.csv",
              "iteration\n0\n"));
    }
    // Config files that are not configs, for every command that reads one.
    String[][] files = {
      {"empty", ""},
      {"a list", "- a\n- b\n"},
      {"a scalar", "42\n"},
      {"malformed", "n: [1, 2\n"},
      {"duplicate key", "n: 4\nn: 8\n"},
      {"unknown key", "colour: red\n"},
      {"binary", "\u0000\u0001\u0002\u00ff"},
      {"tabs", "n:\t4\n\tL: 1\n"}
    };
    for (String[] file : files) {
      cases.add(
          command(
              "bound config " + file[0],
              List.of("bound", "--config", "{DIR}/c.yaml"),
              "c.yaml",
              file[1]));
      cases.add(
          command(
              "sweep config " + file[0],
              List.of("bound", "sweep", "--config", "{DIR}/c.yaml", "--out", "{DIR}/out"),
              "c.yaml",
              file[1]));
      cases.add(
          command(
              "plan config " + file[0],
              List.of("plan", "--config", "{DIR}/c.yaml"),
              "c.yaml",
              file[1]));
      cases.add(
          command(
              "simulate config " + file[0],
              List.of("simulate", "{DIR}/c.yaml", "--out", "{DIR}/out"),
              "c.yaml",
              file[1]));
      cases.add(
          command(
              "check config " + file[0],
              List.of("check", "{DIR}/c.yaml", "--out", "{DIR}/out"),
              "c.yaml",
              file[1]));
    }
    for (String missing : List.of("{DIR}/none.yaml", "{DIR}")) {
      cases.add(
          command("bound config " + missing, List.of("bound", "--config", missing), null, null));
      cases.add(
          command(
              "sweep config " + missing,
              List.of("bound", "sweep", "--config", missing, "--out", "{DIR}/out"),
              null,
              null));
      cases.add(
          command("plan config " + missing, List.of("plan", "--config", missing), null, null));
      cases.add(
          command(
              "simulate config " + missing,
              List.of("simulate", missing, "--out", "{DIR}/out"),
              null,
              null));
      cases.add(
          command(
              "check config " + missing,
              List.of("check", missing, "--out", "{DIR}/out"),
              null,
              null));
    }
    // Grids: every way a grid block, or an engine, can be wrong.
    String tooMany =
        java.util.stream.IntStream.range(0, 101)
            .mapToObj(i -> String.valueOf(i + 1))
            .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    for (String[] grid :
        List.of(
            new String[] {"not a map", "grid: [1, 2]\n"},
            new String[] {"empty", "grid: {}\n"},
            new String[] {"an unknown key", "grid: {colour: [1, 2]}\n"},
            new String[] {"a study-wide key", "grid: {seeds: [1, 2]}\n"},
            new String[] {"an unknown block key", "grid: {problem.colour: [1]}\n"},
            new String[] {"an unknown block", "grid: {engine.speed: [1]}\n"},
            new String[] {"a value, not a list", "grid: {gamma: 0.1}\n"},
            new String[] {"an empty list", "grid: {gamma: []}\n"},
            new String[] {"a bad value", "grid: {gamma: [0.05, -1]}\n"},
            new String[] {"a bad block value", "grid: {problem.dimension: [3, 0]}\n"},
            new String[] {"points beside keys", "grid: {points: [{gamma: 0.1}], T: [4]}\n"},
            new String[] {"points not a list", "grid: {points: 3}\n"},
            new String[] {"a point not a map", "grid: {points: [3]}\n"},
            new String[] {"a bad point", "grid: {points: [{gamma: 0.05}, {T: 0}]}\n"},
            new String[] {
              "too many points", "grid: {T: " + tooMany + ", gamma: " + tooMany + "}\n"
            })) {
      for (String command : List.of("simulate", "check")) {
        cases.add(
            command(
                command + " grid " + grid[0],
                List.of(command, "{DIR}/e.yaml", "--out", "{DIR}/out"),
                "e.yaml",
                EXPERIMENT + grid[1]));
      }
    }
    // Weighting: an unknown one, and samples where workers hold none.
    for (String weighting :
        List.of(
            "weighting: heavy\n",
            "weighting: samples\n",
            "participation-mode: lazy\n",
            "participation-mode: [idle-unsampled]\n")) {
      for (String command : List.of("simulate", "check")) {
        cases.add(
            command(
                command + " " + weighting.trim(),
                List.of(command, "{DIR}/e.yaml", "--out", "{DIR}/out"),
                "e.yaml",
                EXPERIMENT + weighting));
      }
    }
    String gridded = EXPERIMENT + "grid: {gamma: [0.05]}\n";
    for (List<String> flags :
        List.of(
            List.of("--engine", "cluster"),
            List.of("--engine", ""),
            List.of("--master", "local[2]"),
            List.of("--engine", "local", "--master", "local[2]"),
            List.of("--engine", "spark"))) {
      List<String> args = new ArrayList<>(List.of("simulate", "{DIR}/e.yaml", "--out", "{DIR}/o"));
      args.addAll(flags);
      cases.add(command("simulate grid " + String.join(" ", flags), args, "e.yaml", gridded));
    }
    for (String flag : List.of("--engine", "--master")) {
      cases.add(
          command(
              "simulate " + flag + " without a grid",
              List.of("simulate", "{DIR}/e.yaml", "--out", "{DIR}/o", flag, "local"),
              "e.yaml",
              EXPERIMENT));
    }
    // Output paths that cannot take the results.
    for (String[] target :
        List.of(
            new String[] {"under a file", "{DIR}/file/out", "file", "x"},
            new String[] {"a file", "{DIR}/file", "file", "x"},
            new String[] {"foreign files", "{DIR}/mine", "mine/notes.txt", "mine"},
            new String[] {
              "another experiment",
              "{DIR}/taken",
              "taken/.hsgd-results",
              "{\"owner\": \"experiment 'other'\", \"files\": []}"
            },
            new String[] {"unwritable", "/proc/hsgd-test-out", null, null})) {
      List<String[]> setup =
          target[2] == null ? List.of() : List.<String[]>of(new String[] {target[2], target[3]});
      List<String[]> withConfig = new ArrayList<>(setup);
      withConfig.add(new String[] {"e.yaml", EXPERIMENT});
      cases.add(
          new Case(
              "simulate --out " + target[0],
              List.of("simulate", "{DIR}/e.yaml", "--out", target[1]),
              withConfig));
      cases.add(
          new Case(
              "check --out " + target[0],
              List.of("check", "{DIR}/e.yaml", "--out", target[1]),
              withConfig));
      List<String[]> withSweep = new ArrayList<>(setup);
      withSweep.add(new String[] {"s.yaml", SWEEP});
      cases.add(
          new Case(
              "sweep --out " + target[0],
              List.of("bound", "sweep", "--config", "{DIR}/s.yaml", "--out", target[1]),
              withSweep));
    }
    // Formats and bound kinds that do not exist; names that would leave their folder.
    cases.add(
        command(
            "bound --format xml",
            List.of("bound", "--config", "{DIR}/b.yaml", "--format", "xml"),
            "b.yaml",
            BOUND));
    cases.add(
        command(
            "plan --format xml",
            List.of("plan", "--config", "{DIR}/p.yaml", "--format", "xml"),
            "p.yaml",
            PLAN));
    cases.add(
        command(
            "bound --bound exact",
            List.of("bound", "--config", "{DIR}/b.yaml", "--bound", "exact"),
            "b.yaml",
            BOUND));
    cases.add(
        command(
            "plan --bound exact",
            List.of("plan", "--config", "{DIR}/p.yaml", "--bound", "exact"),
            "p.yaml",
            PLAN));
    for (String name : List.of("../escape", "a/b")) {
      for (String command : List.of("simulate", "check")) {
        cases.add(
            command(
                command + " name " + name,
                List.of(command, "{DIR}/e.yaml"),
                "e.yaml",
                EXPERIMENT + "name: " + name + "\n"));
      }
    }
    // A run that diverges half-way: its staged outputs must vanish with it.
    for (String command : List.of("simulate", "check")) {
      cases.add(
          command(
              command + " diverging",
              List.of(command, "{DIR}/e.yaml", "--out", "{DIR}/out"),
              "e.yaml",
              EXPERIMENT.replace("gamma: 0.05", "gamma: 40").replace("T: 8", "T: 400")));
    }
    // plot: folders that hold no results.
    cases.add(command("plot missing folder", List.of("plot", "{DIR}/none"), null, null));
    cases.add(command("plot empty folder", List.of("plot", "{DIR}/empty"), "empty/.keep", ""));
    cases.add(command("plot a file", List.of("plot", "{DIR}/f.csv"), "f.csv", "a\n1\n"));
    cases.add(command("plot no folder", List.of("plot"), null, null));
    // Sweep blocks and plan candidates that make no sense.
    for (String[] block :
        List.of(
            new String[] {"unknown parameter", "sweep:\n  parameter: colour\n  values: [1]\n"},
            new String[] {"no values", "sweep:\n  parameter: gamma\n  values: []\n"},
            new String[] {
              "astronomically many",
              "sweep:\n  parameter: T\n  range: {from: 1, to: 1e30, step: 1}\n"
            },
            new String[] {
              "index past the list", "sweep:\n  parameter: periods[9]\n  values: [4]\n"
            },
            new String[] {
              "backwards range", "sweep:\n  parameter: T\n  range: {from: 10, to: 2, step: 1}\n"
            },
            new String[] {"non-numeric values", "sweep:\n  parameter: gamma\n  values: [a, b]\n"},
            new String[] {
              "bad bound kind", "sweep:\n  parameter: gamma\n  values: [0.1]\n  bound: exact\n"
            })) {
      cases.add(
          command(
              "sweep " + block[0],
              List.of("bound", "sweep", "--config", "{DIR}/s.yaml", "--out", "{DIR}/out"),
              "s.yaml",
              BOUND + block[1]));
    }
    for (String[] plan :
        List.of(
            new String[] {"no candidates", PLAN.substring(0, PLAN.indexOf("candidates:"))},
            new String[] {
              "candidate without periods", PLAN.replace("{periods: [4]}", "{groups: [4]}")
            },
            new String[] {
              "candidate of bad periods", PLAN.replace("{periods: [4]}", "{periods: [-4]}")
            },
            new String[] {
              "missing aggregation cost", PLAN.replace("aggregation-seconds: [0.1, 1]\n", "")
            })) {
      cases.add(
          command(
              "plan " + plan[0], List.of("plan", "--config", "{DIR}/p.yaml"), "p.yaml", plan[1]));
    }
    foreignRuns(cases);
    resultsOnDisk(cases);
    return cases.stream().map(Arguments::of);
  }

  /** A mapping for {@link #foreign}: n = 4 in 2 groups, periods 2 and 4. */
  private static final String MAPPING =
      "n: 4\ngroups: [2]\nperiods: [2, 4]\ngamma: 0.1\n"
          + "columns: {iteration: step, loss: train_loss, grad-norm-sq: grad_sq,"
          + " divergence: [div_in, div_out], divergence-total: div_total, method: method,"
          + " seed: seed, periods: [p_low, p_high]}\n"
          + "methods: {p2: local-bottom, h: hsgd, p4: local-top}\n";

  /**
   * The rows of a small foreign study: three methods, seeds 1 and 2, checkpoints 0, 4 and 8
   * (H-SGD's rows at index 9 to 14, seed 1 first).
   */
  private static List<String> foreign() {
    List<String> rows = new ArrayList<>();
    rows.add("method,seed,step,train_loss,grad_sq,div_total,div_in,div_out,p_low,p_high");
    String[][] methods = {{"p2", "2", "2"}, {"h", "2", "4"}, {"p4", "4", "4"}};
    for (String[] m : methods) {
      for (int seed = 1; seed <= 2; seed++) {
        for (int t = 0; t <= 8; t += 4) {
          String levels = m[0].equals("h") ? "0.5,0.25" : ",";
          rows.add(
              String.join(
                  ",",
                  m[0],
                  "" + seed,
                  "" + t,
                  "" + (2.0 - 0.1 * t),
                  "" + (1.0 / (1 + t)),
                  "0.75",
                  levels,
                  m[1],
                  m[2]));
        }
      }
    }
    return rows;
  }

  private static String lines(List<String> rows) {
    return String.join("\n", rows) + "\n";
  }

  /** Foreign runs that break the rules of a file, a mapping or a study: each refused whole. */
  private static void foreignRuns(List<Case> cases) {
    List<String> base = foreign();
    java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put("a missing column", lines(base).replace("train_loss", "loss"));
    List<String> unknown = new ArrayList<>();
    base.forEach(r -> unknown.add(r + (r.startsWith("method") ? ",lr" : ",0.1")));
    files.put("an unknown column", lines(unknown));
    for (String[] bad :
        new String[][] {
          {"not a number", "abc"},
          {"NaN", "nan"},
          {"infinite", "inf"},
          {"hexadecimal", "0x1p3"},
          {"empty", ""}
        }) {
      List<String> rows = new ArrayList<>(base);
      rows.set(5, rows.get(5).replace(",1.6,", "," + bad[1] + ","));
      files.put("a loss " + bad[0], lines(rows));
    }
    List<String> level = new ArrayList<>(base);
    level.set(11, level.get(11).replace("0.5,0.25", "0.5,"));
    files.put("an H-SGD row without its upper level", lines(level));
    List<String> twice = new ArrayList<>(base);
    twice.add(4, base.get(3));
    files.put("a checkpoint twice", lines(twice));
    List<String> backwards = new ArrayList<>(base);
    backwards.set(2, base.get(3));
    backwards.set(3, base.get(2));
    files.put("iterations not increasing", lines(backwards));
    List<String> gap = new ArrayList<>(base);
    gap.remove(17);
    files.put("a variant missing a checkpoint", lines(gap));
    List<String> extra = new ArrayList<>(base);
    extra.add(base.get(18).replace(",8,", ",12,"));
    files.put("a variant with a checkpoint more", lines(extra));
    List<String> twoVariants = new ArrayList<>(base.subList(0, 13));
    files.put("two variants only", lines(twoVariants));
    List<String> unpaired = new ArrayList<>(base);
    unpaired.subList(10, 13).clear();
    files.put("seeds not paired", lines(unpaired));
    List<String> noStart = new ArrayList<>();
    base.stream().filter(r -> !r.contains(",0,")).forEach(noStart::add);
    files.put("no checkpoint at t = 0", lines(noStart));
    List<String> unknownMethod = new ArrayList<>(base);
    unknownMethod.set(1, base.get(1).replace("p2,", "sgd,"));
    files.put("an unknown method", lines(unknownMethod));
    List<String> period = new ArrayList<>(base);
    period.set(12, base.get(12).replace(",2,4", ",2,8"));
    files.put("a period unlike its method's", lines(period));
    List<String> ragged = new ArrayList<>(base);
    ragged.set(7, base.get(7) + ",1");
    files.put("a row with a field more", lines(ragged));
    files.put("binary", "\u0000\u0001PNG\u0002");
    files.put("one column", "step\n0\n4\n");
    files.put("empty", "");
    files.put("JSON Lines broken on line 2", "{\"method\": \"h\"}\n{\"method\": \n");
    files.put("JSON Lines with a new key", "{\"method\": \"h\"}\n{\"colour\": 1}\n");
    files.forEach(
        (name, content) ->
            cases.add(
                new Case(
                    "import " + name,
                    List.of(
                        "import",
                        "{DIR}/runs.csv",
                        "--mapping",
                        "{DIR}/m.yaml",
                        "--out",
                        "{DIR}/out"),
                    List.of(
                        new String[] {"runs.csv", content}, new String[] {"m.yaml", MAPPING}))));
    java.util.Map<String, String> mappings = new java.util.LinkedHashMap<>();
    mappings.put("without gamma", MAPPING.replace("gamma: 0.1\n", ""));
    mappings.put("an unknown column key", MAPPING.replace("seed: seed", "seed: seed, colour: x"));
    mappings.put("an unknown key", MAPPING + "colour: red\n");
    mappings.put("a role twice", MAPPING.replace("p4: local-top", "p4: local-bottom"));
    mappings.put("an unknown role", MAPPING.replace("p4: local-top", "p4: top"));
    mappings.put("levels unlike the periods", MAPPING.replace("[div_in, div_out]", "[div_in]"));
    mappings.put("a bad wide pattern", MAPPING + "wide-columns: '{method}_{metric}'\n");
    mappings.put("periods not nested", MAPPING.replace("periods: [2, 4]", "periods: [3, 4]"));
    mappings.forEach(
        (name, mapping) ->
            cases.add(
                new Case(
                    "import mapping " + name,
                    List.of(
                        "import",
                        "{DIR}/runs.csv",
                        "--mapping",
                        "{DIR}/m.yaml",
                        "--out",
                        "{DIR}/out"),
                    List.of(
                        new String[] {"runs.csv", lines(base)},
                        new String[] {"m.yaml", mapping}))));
    cases.add(
        command(
            "import a missing file",
            List.of("import", "{DIR}/none.csv", "--mapping", "{DIR}/m.yaml"),
            "m.yaml",
            MAPPING));
    cases.add(
        new Case(
            "import a folder",
            List.of("import", "{DIR}/sub", "--mapping", "{DIR}/m.yaml", "--out", "{DIR}/out"),
            List.of(new String[] {"sub/x", ""}, new String[] {"m.yaml", MAPPING})));
  }

  /** Folders that hold no runs to check again, and flags that do not go with them. */
  private static void resultsOnDisk(List<Case> cases) {
    cases.add(command("check an empty folder", List.of("check", "{DIR}/empty"), "empty/.keep", ""));
    cases.add(
        command(
            "check a broken run manifest",
            List.of("check", "{DIR}/r"),
            "r/hsgd-seed1.manifest.json",
            "{"));
    cases.add(
        command(
            "check a run manifest of nothing",
            List.of("check", "{DIR}/r"),
            "r/hsgd-seed1.manifest.json",
            "{}"));
    for (List<String> flags :
        List.of(List.of("--seeds", "2"), List.of("--out", "{DIR}/o"), List.of("--threads", "1"))) {
      List<String> args = new ArrayList<>(List.of("check", "{DIR}/r"));
      args.addAll(flags);
      cases.add(
          command(
              "check DIR " + String.join(" ", flags), args, "r/hsgd-seed1.manifest.json", "{}"));
    }
  }

  private static Case command(String name, List<String> args, String file, String content) {
    return new Case(
        name, args, file == null ? List.of() : List.<String[]>of(new String[] {file, content}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRefusedInOneLineAndWritesNothing(Case c, @TempDir Path dir) throws Exception {
    for (String[] file : c.files()) {
      Path path = dir.resolve(file[0]);
      Files.createDirectories(path.getParent());
      Files.writeString(path, file[1]);
    }
    List<String> before = snapshot(dir);
    String[] args =
        c.args().stream().map(a -> a.replace("{DIR}", dir.toString())).toArray(String[]::new);
    Cli cli = Cli.run(args);
    String err = BadInputTest.assertRefused(cli);
    assertTrue(
        err.contains(" must ") || err.contains(" is required") || err.contains("(see hsgd"),
        "names a rule: " + err);
    assertEquals(before, snapshot(dir), "nothing created or changed");
  }

  @org.junit.jupiter.api.Test
  void theCorpusIsLarge() {
    assertTrue(corpus().count() >= 300, "at least 300 cases: " + corpus().count());
  }

  private static List<String> snapshot(Path dir) throws Exception {
    try (var all = Files.walk(dir)) {
      return all.map(
              p -> {
                try {
                  return dir.relativize(p)
                      + (Files.isRegularFile(p)
                          ? " " + Files.size(p) + " " + Files.getLastModifiedTime(p)
                          : "");
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .sorted()
          .toList();
    }
  }
}
