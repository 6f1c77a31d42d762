package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hsgd.experiment.DataSources;
import org.hsgd.experiment.Engine;
import org.hsgd.experiment.LocalEngine;
import org.hsgd.experiment.Outcome;
import org.hsgd.experiment.Progress;
import org.hsgd.experiment.Replicate;
import org.hsgd.experiment.Study;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.Provenance;
import org.hsgd.study.StudyJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure late in a run costs what failed, never the numbers computed before it. */
class LateFailureTest {
  private static final String CONFIG = StudyCommandTest.BASE;

  @Test
  void figuresThatCannotBeDrawnCostTheFiguresOnly(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("late.yaml"), CONFIG);
    Path out = dir.resolve("out");
    // No temporary folder for the fonts, as on a host whose /tmp is gone or full.
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + dir.resolve("missing"),
                "-cp",
                System.getProperty("java.class.path"),
                "org.hsgd.cli.Main",
                "check",
                config.toString(),
                "--out",
                out.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor() != 0, "the failure is not hidden: " + err);
    String last = err.lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("figures not drawn ("), err);
    assertTrue(last.endsWith("draw them with ./hsgd plot " + out), err);
    for (String kept : List.of("trace.csv", "runs.csv", "check.txt", "check-theory.csv")) {
      assertTrue(Files.exists(out.resolve(kept)), kept);
    }
    assertFalse(Files.exists(out.resolve("training.pdf")));
    Cli plot = Cli.run("plot", out.toString());
    assertEquals(0, plot.exitCode(), plot.err());
    assertTrue(Files.exists(out.resolve("training.pdf")), "drawn again from the tables kept");
  }

  @Test
  void anErrorInAStudyKeepsTheReplicatesItFinished(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("s.yaml"), CONFIG);
    Settings settings = ExperimentOptions.load(config);
    Study study =
        GridConfig.study(
            settings.with(java.util.Map.of("grid", java.util.Map.of("gamma", List.of(0.01, 0.02)))),
            "s",
            spec -> spec);
    Engine local = new LocalEngine(1, DataSources.none());
    // An engine that runs out of memory after two replicates.
    Engine failing =
        (replicates, progress, finished) -> {
          List<Outcome> two = new ArrayList<>();
          local.run(replicates.subList(0, 2), progress, two::add);
          two.forEach(finished);
          throw new OutOfMemoryError("Java heap space");
        };
    StudyJob job =
        StudyJob.simulate(
            study, FigureSettings.DEFAULT, Provenance.capture("test", java.util.Map.of()));
    Path out = dir.resolve("out");
    try {
      job.run(failing, out, Progress.SILENT);
    } catch (OutOfMemoryError expected) {
      // what the study was stopped by
    }
    Counting counting = new Counting(local);
    assertEquals(2, job.run(counting, out, Progress.SILENT).resumed());
    assertEquals(study.replicates().size() - 2, counting.ran);
  }

  /** An engine that counts the replicates it runs. */
  private static final class Counting implements Engine {
    private final Engine inner;
    private int ran;

    Counting(Engine inner) {
      this.inner = inner;
    }

    @Override
    public void run(List<Replicate> replicates, Progress progress, Consumer<Outcome> finished) {
      ran += replicates.size();
      inner.run(replicates, progress, finished);
    }
  }
}
