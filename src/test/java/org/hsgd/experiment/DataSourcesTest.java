package org.hsgd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hsgd.InvalidInputException;
import org.hsgd.TestData;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.data.Dataset;
import org.hsgd.sim.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data seam: which files a study needs, read once, found again where an engine ships them. */
class DataSourcesTest {
  private static ExperimentSpec spec(DataSpec data) {
    return ExperimentSpec.builder(
            "data",
            new ClassificationSpec(new ModelSpec.Logistic(0), data),
            new Topology.Equal(Hierarchy.localSgd(2, 2)),
            new RunSettings(4, 0.1, 2))
        .build();
  }

  @Test
  void dataDrawnFromTheSeedNeedsNoFile() {
    DataSources none =
        ExperimentSpec.dataSources(List.of(spec(new DataSpec.GaussianMixture(2, 3, 20, 1, 0.2))));
    assertTrue(none.files().isEmpty());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> none.data("mnist"));
    assertEquals("data.source", e.field());
  }

  @Test
  void aDatasetIsReadOnceAndFoundWhereItWasShipped(@TempDir Path elsewhere) throws Exception {
    TestData.assumeMnist();
    DataSources sources = ExperimentSpec.dataSources(List.of(spec(new DataSpec.Mnist(0.2))));
    Path file = sources.files().get("mnist");
    assertTrue(Files.isRegularFile(file), "" + file);
    Dataset digits = sources.data("mnist").train();
    assertEquals(10_000, digits.size());
    assertSame(digits, sources.data("mnist").train(), "read once");
    Path shipped = Files.copy(file, elsewhere.resolve(file.getFileName()));
    DataSources there = sources.relocated(Map.of("mnist", shipped));
    assertEquals(shipped, there.files().get("mnist"));
    assertEquals(digits.size(), there.data("mnist").train().size());
  }
}
