package org.hsgd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hsgd.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LIBSVM text written here: read sparse, labels to classes, and each way a line can be wrong. */
class LibsvmTest {
  @TempDir Path dir;

  @Test
  void aBinaryFileIsReadSparseWithItsLabelsAsClasses() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("a.txt"), "+1 1:0.5 3:2 # a comment\n\n-1 2:1.5\n+1 1:1 2:0 4:-3\n");
    Libsvm.Shape shape = Libsvm.shape(file, "data.train");
    assertEquals(3, shape.samples());
    assertEquals(4, shape.features());
    Dataset d = Libsvm.read(file, "data.train", shape, Libsvm.classes(List.of(shape)), 4, 1L << 30);
    assertArrayEquals(new int[] {1, 0, 1}, d.labels()); // -1 -> 0, +1 -> 1
    assertArrayEquals(new int[] {0, 2, 3, 5}, d.rowStarts()); // the explicit zero is left out
    assertArrayEquals(new int[] {0, 2, 1, 0, 3}, java.util.Arrays.copyOf(d.nonzeroFeatures(), 5));
    assertEquals(0.25 + 4, d.squaredNorm(0));
  }

  private String refused(String text) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.txt"), text);
    return assertThrows(InvalidInputException.class, () -> Libsvm.shape(file, "data.train"))
        .getMessage();
  }

  @Test
  void eachBadLineIsNamedByItsNumber() throws Exception {
    assertTrue(refused("1 1:1\n1 0:2\n").contains("bad.txt line 2 must have feature indices"));
    assertTrue(refused("1 3:1 2:1\n").contains("line 1 must have increasing feature indices"));
    assertTrue(refused("1 2:1 2:1\n").contains("increasing"));
    assertTrue(refused("1 1:1\nx 1:1\n").contains("line 2 must have a label"));
    assertTrue(refused("1 1:nan\n").contains("a value that is a finite number"));
    assertTrue(refused("1 1\n").contains("must be a label, then index:value pairs"));
    assertTrue(refused("1 a:1\n").contains("whole feature indices"));
    assertTrue(refused("# only a comment\n").contains("at least one sample"));
    assertTrue(refused("1 3:0 2:1\n").contains("increasing"), "a zero value still has its place");
    assertTrue(refused("0.5 1:1\n").contains("line 1 must have a whole-number label"));
    assertTrue(refused("1 1:1\n1 2:1 x\n").contains("line 2 must be a label, then index:value"));
    String missing =
        assertThrows(
                InvalidInputException.class, () -> Libsvm.shape(dir.resolve("none"), "data.train"))
            .getMessage();
    assertTrue(missing.contains("does not exist"), missing);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aTestFileSharesTheClassesAndMayWidenTheDimension() throws Exception {
    // Multi-class labels 1, 2, 3 become classes 0, 1, 2; the test file alone has label 3 and
    // feature 6, as a9a's test file has a feature its training file never uses.
    LibsvmFiles files =
        new LibsvmFiles(
            write("train", "2 1:1 2:1\n1 3:0.25\n2 2:1\n"),
            java.util.Optional.of(write("test", "3 6:1\n1 1:1 2:2 5:1\n")));
    assertEquals(new DataShape(6, 3, 3, 4, 3), files.shape());
    StoredData data = files.read();
    assertArrayEquals(new int[] {1, 0, 1}, data.train().labels());
    assertArrayEquals(new int[] {2, 0}, data.test().orElseThrow().labels());
    assertEquals(6, data.test().orElseThrow().features());
    assertArrayEquals(new int[] {5, 0, 1, 4}, data.test().orElseThrow().nonzeroFeatures());
  }

  @Test
  void oneLabelIsNoClassificationAndAHugeFileIsRefusedBeforeItsArrays() throws Exception {
    InvalidInputException one =
        assertThrows(
            InvalidInputException.class,
            () ->
                new LibsvmFiles(write("one", "1 1:1\n1 2:1\n"), java.util.Optional.empty())
                    .shape());
    assertEquals("data.train", one.field());
    assertTrue(one.getMessage().contains("at least two labels"), one.getMessage());
    Path file = write("big", "1 1:1 2:1\n-1 3:1\n");
    Libsvm.Shape shape = Libsvm.shape(file, "data.train");
    InvalidInputException big =
        assertThrows(
            InvalidInputException.class,
            () -> Libsvm.read(file, "data.train", shape, Libsvm.classes(List.of(shape)), 3, 39));
    assertTrue(big.getMessage().contains("must fit in memory"), big.getMessage());
    assertEquals(InvalidInputException.Remedy.MORE_MEMORY, big.remedy());
    // 3 values and 2 samples need 40 bytes: exactly enough is enough.
    assertEquals(
        2, Libsvm.read(file, "data.train", shape, Libsvm.classes(List.of(shape)), 3, 40).size());
  }

  @Test
  void theCacheKeepsSparseRowsAsRowsAndGivesEveryValueBackToTheBit(@TempDir Path cache)
      throws Exception {
    LibsvmFiles files =
        new LibsvmFiles(
            write("train", "-1 1:0.1 7:-2.5e-3\n+1 2:1\n-1\n+1 3:3.3 4:1e30\n"),
            java.util.Optional.empty());
    Path binary = files.binaryFile(cache);
    assertTrue(binary.getFileName().toString().startsWith("libsvm-"), binary.toString());
    // Compressed rows: 20 header bytes, an int label and an int count a sample, 8 bytes a value.
    assertEquals(20 + 4 * 8 + 5 * 8, Files.size(binary));
    StoredData back = StoredData.read(binary);
    Dataset read = files.read().train();
    assertArrayEquals(read.rowStarts(), back.train().rowStarts());
    assertArrayEquals(read.nonzeroFeatures(), back.train().nonzeroFeatures());
    assertArrayEquals(read.nonzeroValues(), back.train().nonzeroValues());
    assertArrayEquals(new int[] {0, 1, 0, 1}, back.train().labels());
    assertEquals(binary, DataFiles.of(files.name()).binaryFile(cache), "the same file, one cache");
    for (int cut : new int[] {19, 40, 80, 91}) {
      Path damaged =
          Files.write(
              cache.resolve("cut" + cut), java.util.Arrays.copyOf(Files.readAllBytes(binary), cut));
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> StoredData.read(damaged));
      assertTrue(e.getMessage().contains("data cache"), cut + ": " + e.getMessage());
    }
    byte[] longer = java.util.Arrays.copyOf(Files.readAllBytes(binary), 93);
    Path padded = Files.write(cache.resolve("padded"), longer);
    assertThrows(InvalidInputException.class, () -> StoredData.read(padded));
  }

  @Test
  void imagesStayBytesAndDataThatBytesWouldRoundAreRows(@TempDir Path cache) {
    float[] image = {0, 1, 128 / 255f, 3 / 255f, 0, 0.5f / 255f};
    for (boolean exact : new boolean[] {true, false}) {
      float[] x = image.clone();
      if (exact) {
        x[5] = 0;
      }
      Dataset d = new Dataset(3, 2, x, new int[] {0, 1});
      Path file = cache.resolve("d" + exact);
      new StoredData(d, java.util.Optional.empty()).write(file);
      StoredData back = StoredData.read(file);
      assertArrayEquals(x, org.hsgd.TestData.dense(back.train()), "every value to the bit");
      long size = exact ? 20 + 2 * (1 + 3) : 20 + 2 * 8 + 4 * 8;
      assertEquals(size, file.toFile().length(), exact ? "byte images" : "compressed rows");
    }
  }

  @Test
  void theCacheKeepsTheMostRecentlyUsedBinariesOfFilesByPath(@TempDir Path cache) throws Exception {
    Path[] binaries = new Path[DataFiles.KEPT + 1];
    LibsvmFiles first = null;
    for (int i = 0; i < binaries.length; i++) {
      LibsvmFiles files =
          new LibsvmFiles(
              write("f" + i, "1 1:" + (i + 1) + "\n2 2:1\n"), java.util.Optional.empty());
      binaries[i] = files.binaryFile(cache);
      Files.setLastModifiedTime(
          binaries[i], java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
      first = i == 0 ? files : first;
    }
    // All 17 fit until the 17th is written: then the least recently used goes.
    assertFalse(Files.exists(binaries[0]), "the least recently used");
    for (int i = 1; i < binaries.length; i++) {
      assertTrue(Files.exists(binaries[i]), "binary " + i);
    }
    // Used again, a binary becomes the most recent: made anew, the first pushes out the second.
    Path third = binaries[2];
    Files.setLastModifiedTime(third, java.nio.file.attribute.FileTime.fromMillis(0));
    assertEquals(
        third, new LibsvmFiles(dir.resolve("f2"), java.util.Optional.empty()).binaryFile(cache));
    first.binaryFile(cache);
    assertTrue(Files.exists(third), "touched when used");
    assertFalse(Files.exists(binaries[1]), "now the least recently used");
  }
}
