package org.hsgd.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.DataSources;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.GridPoint;
import org.hsgd.experiment.LocalEngine;
import org.hsgd.experiment.Progress;
import org.hsgd.experiment.QuadraticSpec;
import org.hsgd.experiment.Study;
import org.hsgd.experiment.Topology;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.Provenance;
import org.hsgd.sim.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline without the command line: one call per experiment, a study's points alike. */
class ExperimentJobTest {
  private static final ExperimentSpec SPEC =
      ExperimentSpec.builder(
              "job",
              QuadraticSpec.builder(List.of(1.0, 0.5)).noiseVariance(0.1).build(),
              new Topology.Equal(Hierarchy.twoLevel(8, 2, 2, 8)),
              new RunSettings(40, 0.05, 10))
          .seeds(2)
          .build();

  @Test
  void oneCallRunsChecksAndWritesTheWholeFolder(@TempDir Path dir) throws Exception {
    ExperimentResult result = ExperimentJob.check(SPEC, CheckSettings.DEFAULT).run(dir);
    assertTrue(result.spec().sandwich(), "a check runs local SGD at P_1 and P_K beside H-SGD");
    assertEquals(2 * 3, result.runs().size());
    assertTrue(result.check().orElseThrow().verdict() != Verdict.NOT_APPLICABLE);
    for (String file :
        List.of(
            "trace.csv",
            "runs.csv",
            "summary.csv",
            "check-summary.csv",
            "check-theory.csv",
            "check-bound-validity.csv",
            "check-sandwich.csv",
            "bound-curves.csv",
            "check.tex",
            "check.manifest.json",
            "training.pdf",
            "divergences.svg",
            "bounds.png",
            "bound-vs-measured.pdf",
            "figures.manifest.json",
            "hsgd-seed1.csv",
            "hsgd-seed1.manifest.json")) {
      assertTrue(Files.exists(dir.resolve(file)), file);
      assertTrue(result.written().contains(dir.resolve(file)), file);
    }
    assertTrue(result.text().contains("verdict: "), result.text());
  }

  @Test
  void aStudyPointsFolderEqualsTheFolderOfItsSpecRunAlone(@TempDir Path dir) throws Exception {
    Provenance provenance = Provenance.capture("test", Map.of());
    Path alone = dir.resolve("alone");
    ExperimentJob.check(SPEC, CheckSettings.DEFAULT).withProvenance(provenance).run(alone);
    Study study =
        new Study("study", List.of(new GridPoint("point-0", Map.of("gamma", "0.05"), SPEC)));
    Path studyDir = dir.resolve("study");
    StudyResult result =
        StudyJob.check(study, CheckSettings.DEFAULT, FigureSettings.DEFAULT, provenance)
            .run(new LocalEngine(2, DataSources.none()), studyDir, Progress.SILENT);
    assertEquals(0, result.resumed());
    assertEquals(
        result.points().get(0).check().orElseThrow().verdict(), result.verdict(), "one point");
    Path point = studyDir.resolve("points/point-0");
    TreeSet<String> aloneFiles = files(alone);
    assertEquals(aloneFiles, files(point));
    for (String file : aloneFiles) {
      if (file.endsWith(".csv") || file.endsWith(".tex") || file.endsWith(".txt")) {
        assertArrayEquals(
            Files.readAllBytes(alone.resolve(file)), Files.readAllBytes(point.resolve(file)), file);
      }
    }
  }

  private static TreeSet<String> files(Path dir) throws Exception {
    try (Stream<Path> all = Files.list(dir)) {
      return all.map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void anUnreadableStoredReplicateIsRunAgainAndReplaced(@TempDir Path dir) throws Exception {
    Study study =
        new Study("corrupt", List.of(new GridPoint("point-0", Map.of("gamma", "0.05"), SPEC)));
    StudyJob job =
        StudyJob.simulate(study, FigureSettings.DEFAULT, Provenance.capture("test", Map.of()));
    LocalEngine engine = new LocalEngine(1, DataSources.none());
    Path out = dir.resolve("out");
    job.run(engine, out, Progress.SILENT);
    String runs = Files.readString(out.resolve("runs.csv"));
    List<Path> stored;
    try (Stream<Path> files = Files.list(out.resolve("replicates"))) {
      stored = files.sorted().toList();
    }
    Files.write(stored.get(0), new byte[] {1, 2, 3, 4, 5}); // cut off, or damaged on disk
    StudyResult again = job.run(engine, out, Progress.SILENT);
    assertEquals(stored.size() - 1, again.resumed(), "only the unreadable one runs again");
    assertEquals(runs, Files.readString(out.resolve("runs.csv")));
    assertTrue(Files.size(stored.get(0)) > 100, "replaced by the result run again");
    assertEquals(stored.size(), job.run(engine, out, Progress.SILENT).resumed());
  }

  @Test
  void outcomesOfReplicatesTheStudyNoLongerHasAreNotKept(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    LocalEngine engine = new LocalEngine(1, DataSources.none());
    Provenance provenance = Provenance.capture("test", Map.of());
    for (ExperimentSpec spec :
        List.of(SPEC.withSeeds(3), SPEC, SPEC.withSeeds(1).withSandwich(true))) {
      Study study = new Study("s", List.of(new GridPoint("point-0", Map.of(), spec)));
      StudyJob.simulate(study, FigureSettings.DEFAULT, provenance)
          .run(engine, out, Progress.SILENT);
      try (Stream<Path> stored = Files.list(out.resolve("replicates"))) {
        assertEquals(spec.seeds(), stored.count(), "one per replicate of the study as it is now");
      }
    }
  }
}
