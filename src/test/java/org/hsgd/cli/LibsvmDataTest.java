package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LIBSVM files given by path in a config: run sparse, with a test file or a seeded fraction. */
class LibsvmDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOGISTIC = "problem: {type: logistic}\n";
  private static final String MLP = "problem: {type: mlp}\nmodel: {hidden: 8}\n";

  /**
   * n samples labelled -1 or +1 over 500 features, each with 6 binary features: a label's sample
   * draws half of them from its own 10 features, the rest from all 500.
   */
  private static Path write(Path dir, String name, int n, long seed) throws Exception {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int label = i % 2;
      java.util.TreeSet<Integer> features = new java.util.TreeSet<>();
      while (features.size() < 6) {
        features.add(
            features.size() < 3 ? 1 + 10 * label + random.nextInt(10) : 1 + random.nextInt(500));
      }
      text.append(label == 0 ? "-1" : "+1");
      features.forEach(f -> text.append(' ').append(f).append(":1"));
      text.append('\n');
    }
    return Files.writeString(dir.resolve(name), text);
  }

  private static String config(String model, String data) {
    return model
        + "data: {source: libsvm, "
        + data
        + "}\n"
        + "n: 4\ngroups: [2]\nperiods: [2, 4]\ngamma: 0.5\nT: 32\nbatch: 4\nseeds: 2\n";
  }

  private static JsonNode run(Path dir, String name, String config) throws Exception {
    Path file = Files.writeString(dir.resolve(name + ".yaml"), config);
    Path out = dir.resolve("out-" + name);
    Cli cli = Cli.run("simulate", file.toString(), "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    return JSON.readTree(out.resolve("hsgd-seed1.manifest.json").toFile()).get("problem");
  }

  @Test
  void aLibsvmFileRunsWithItsTestFileOrAHeldOutFractionForEitherModel(@TempDir Path dir)
      throws Exception {
    Path train = write(dir, "train.svm", 200, 1);
    Path test = write(dir, "test.svm", 50, 2);
    JsonNode paired = run(dir, "paired", config(LOGISTIC, "train: " + train + ", test: " + test));
    assertEquals(200, paired.get("trainSamples").asInt());
    assertEquals(50, paired.get("testSamples").asInt());
    assertEquals(500 * 2 + 2, paired.get("parameters").asInt(), paired.toString());
    JsonNode held = run(dir, "held", config(MLP, "train: " + train + ", test-fraction: 0.25"));
    assertEquals(150, held.get("trainSamples").asInt());
    assertEquals(50, held.get("testSamples").asInt());
    assertEquals(500 * 8 + 8 + 8 * 2 + 2, held.get("parameters").asInt(), held.toString());
  }

  @Test
  void theSameFileAndSeedGiveTheSameTraceWhateverTheThreads(@TempDir Path dir) throws Exception {
    Path train = write(dir, "train.svm", 200, 1);
    Path config = Files.writeString(dir.resolve("c.yaml"), config(LOGISTIC, "train: " + train));
    byte[][] traces = new byte[2][];
    for (int threads = 1; threads <= 2; threads++) {
      Path out = dir.resolve("out" + threads);
      Cli cli =
          Cli.run(
              "simulate", config.toString(), "--threads", "" + threads, "--out", out.toString());
      assertEquals(0, cli.exitCode(), cli.err());
      traces[threads - 1] = Files.readAllBytes(out.resolve("trace.csv"));
    }
    assertArrayEquals(traces[0], traces[1]);
  }

  @Test
  void badLibsvmSettingsAndFilesAreOneLineAndWriteNothing(@TempDir Path dir) throws Exception {
    Path train = write(dir, "train.svm", 200, 1);
    Path bad = Files.writeString(dir.resolve("bad.svm"), "+1 1:1 3:1\n-1 2:1 2:1\n");
    Path huge = Files.writeString(dir.resolve("huge.svm"), "+1 1:1\n-1 2000000000:1\n");
    Path wide = Files.writeString(dir.resolve("wide.svm"), "+1 1:1\n-1 300000000:1\n");
    String[][] cases = {
      {"train: " + dir.resolve("none"), "data.train must name an existing LIBSVM file"},
      {"train: " + dir, "is a folder"},
      {"train: " + train + ", test: " + dir.resolve("none"), "data.test must name an existing"},
      {"train: " + train + ", test: " + train + ", test-fraction: 0.1", "data.test-fraction must"},
      {"train: " + bad, "bad.svm line 2 must have increasing feature indices; found 2 after 2"},
      {"train: " + huge, "data.train must keep the model below 2^31 parameters"},
      {"train: " + wide, "n and the model size must fit in memory"},
      {"train: " + train + ", train-images: " + train, "data.train-images does not apply"},
      {"test: " + train, "data.train is required (as 'train:' in the config's 'data:' map)"}
    };
    for (String[] c : cases) {
      Path config = Files.writeString(dir.resolve("c.yaml"), config(LOGISTIC, c[0]));
      Path out = dir.resolve("out");
      Cli.run("simulate", config.toString(), "--out", out.toString()).assertRefused(c[1], out);
    }
  }
}
