package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files given by path in a config: run with their own test pair, or a seeded fraction. */
class IdxDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** n images of 4 x 4 pixels in 3 classes, class c brighter in row c; gzipped. */
  private static Path[] write(Path dir, String name, int n, long seed) throws Exception {
    java.util.Random random = new java.util.Random(seed);
    byte[] pixels = new byte[n * 16];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) (i % 3);
      for (int p = 0; p < 16; p++) {
        pixels[i * 16 + p] = (byte) (random.nextInt(60) + (p / 4 == i % 3 ? 150 : 0));
      }
    }
    return new Path[] {
      Files.write(
          dir.resolve(name + "-images.gz"),
          org.hsgd.TestData.gzip(org.hsgd.TestData.idx(new int[] {n, 4, 4}, pixels))),
      Files.write(dir.resolve(name + "-labels"), org.hsgd.TestData.idx(new int[] {n}, labels))
    };
  }

  private static String config(String data) {
    return "problem: {type: logistic}\ndata: {source: idx, "
        + data
        + "}\n"
        + "n: 4\ngroups: [2]\nperiods: [2, 4]\ngamma: 0.1\nT: 16\nbatch: 4\nseeds: 2\n";
  }

  @Test
  void idxFilesGivenByPathRunWithTheirOwnTestPairOrAHeldOutFraction(@TempDir Path dir)
      throws Exception {
    Path[] train = write(dir, "train", 120, 1);
    Path[] test = write(dir, "test", 30, 2);
    Path paired = dir.resolve("paired.yaml");
    Files.writeString(
        paired,
        config(
            "train-images: "
                + train[0]
                + ", train-labels: "
                + train[1]
                + ", test-images: "
                + test[0]
                + ", test-labels: "
                + test[1]));
    Path held = dir.resolve("held.yaml");
    Files.writeString(
        held,
        config(
            "train-images: " + train[0] + ", train-labels: " + train[1] + ", test-fraction: 0.25"));
    for (Object[] c : new Object[][] {{paired, 120, 30}, {held, 90, 30}}) {
      Path out = dir.resolve("out-" + c[1]);
      Cli cli = Cli.run("simulate", c[0].toString(), "--out", out.toString());
      assertEquals(0, cli.exitCode(), cli.err());
      JsonNode facts =
          JSON.readTree(out.resolve("hsgd-seed1.manifest.json").toFile()).get("problem");
      assertEquals((int) c[1], facts.get("trainSamples").asInt());
      assertEquals((int) c[2], facts.get("testSamples").asInt());
      assertEquals(
          16 * 3 + 3, facts.get("parameters").asInt(), facts.toString()); // 16 pixels, 3 classes
    }
  }

  @Test
  void badIdxSettingsAreOneLineAndWriteNothing(@TempDir Path dir) throws Exception {
    Path[] train = write(dir, "train", 120, 1);
    String pair = "train-images: " + train[0] + ", train-labels: " + train[1];
    String[][] cases = {
      {"train-images: " + dir.resolve("none") + ", train-labels: " + train[1], "data.train-images"},
      {"train-images: " + dir + ", train-labels: " + train[1], "is a folder"},
      {pair + ", test-images: " + train[0], "data.test-labels must be given with"},
      {
        pair + ", test-images: " + train[0] + ", test-labels: " + train[1] + ", test-fraction: 0.1",
        "data.test-fraction must be left out"
      },
      {"train-images: " + train[1] + ", train-labels: " + train[1], "IDX magic number"},
      {"train-images: " + train[0] + ", train-labels: " + train[0], "IDX magic number"},
      {pair + ", classes: 3", "data.classes does not apply to source idx"}
    };
    for (String[] c : cases) {
      Path config = Files.writeString(dir.resolve("c.yaml"), config(c[0]));
      Path out = dir.resolve("out");
      Cli.run("simulate", config.toString(), "--out", out.toString()).assertRefused(c[1], out);
    }
  }
}
