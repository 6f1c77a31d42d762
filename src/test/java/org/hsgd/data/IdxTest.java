package org.hsgd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hsgd.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files written here byte by byte, plain and gzipped, and every way they can be wrong. */
class IdxTest {
  @TempDir Path dir;

  private static byte[] idx(int[] dims, byte[] data) throws Exception {
    return org.hsgd.TestData.idx(dims, data);
  }

  /** Three 2 x 2 images: pixel k of image i is 10 i + k; labels 0, 2, 1. */
  private Path[] files(boolean gzipped) throws Exception {
    byte[] pixels = new byte[12];
    for (int i = 0; i < 12; i++) {
      pixels[i] = (byte) (10 * (i / 4) + i % 4);
    }
    byte[] images = idx(new int[] {3, 2, 2}, pixels);
    byte[] labels = idx(new int[] {3}, new byte[] {0, 2, 1});
    String suffix = gzipped ? ".gz" : "";
    return new Path[] {
      Files.write(
          dir.resolve("images" + suffix), gzipped ? org.hsgd.TestData.gzip(images) : images),
      Files.write(dir.resolve("labels" + suffix), gzipped ? org.hsgd.TestData.gzip(labels) : labels)
    };
  }

  @Test
  void imagesAndLabelsAreReadPlainOrGzippedAlike() throws Exception {
    for (boolean gzipped : new boolean[] {false, true}) {
      Path[] f = files(gzipped);
      int[] labels = Idx.labels(f[1], "data.train-labels");
      assertArrayEquals(new int[] {0, 2, 1}, labels);
      Dataset d = Idx.read(f[0], labels, Idx.classes(labels), "data.train-images", 1L << 30);
      assertEquals(3, d.size());
      assertEquals(4, d.features());
      assertEquals(3, d.classes());
      assertEquals(23 / 255f, org.hsgd.TestData.dense(d)[2 * 4 + 3]); // image 2, pixel 3
      assertEquals(4, Idx.features(f[0], "data.train-images"));
    }
  }

  private String refused(byte[] images, byte[] labels) throws Exception {
    Path i = Files.write(dir.resolve("bad-images"), images);
    Path l = Files.write(dir.resolve("bad-labels"), labels);
    return assertThrows(
            InvalidInputException.class,
            () -> {
              int[] y = Idx.labels(l, "data.train-labels");
              Idx.read(i, y, Idx.classes(y), "data.train-images", 1L << 30);
            })
        .getMessage();
  }

  @Test
  void everyWayAnIdxFileCanBeWrongIsOneLineNamingIt() throws Exception {
    byte[] images = Files.readAllBytes(files(false)[0]);
    byte[] labels = Files.readAllBytes(files(false)[1]);
    byte[] wrongMagic = images.clone();
    wrongMagic[2] = 0x0D; // floats, not unsigned bytes
    assertTrue(refused(wrongMagic, labels).contains("must start with the IDX magic number"));
    assertTrue(refused(labels, labels).contains("2 to 3 dimensions"));
    String cut = refused(Arrays.copyOf(images, images.length - 3), labels);
    assertTrue(cut.contains("must not be cut short"), cut);
    assertTrue(cut.contains("9 of 12 pixel bytes"), cut);
    String longer = refused(Arrays.copyOf(images, images.length + 1), labels);
    assertTrue(longer.contains("must end where its header says"), longer);
    String counts = refused(images, idx(new int[] {2}, new byte[] {0, 1}));
    assertTrue(counts.contains("3 images, 2 labels"), counts);
    String cutLabels = refused(images, Arrays.copyOf(labels, labels.length - 1));
    assertTrue(cutLabels.contains("2 of 3 labels"), cutLabels);
    String header = refused(Arrays.copyOf(images, 6), labels);
    assertTrue(header.contains("cut short"), header);
    String zero = refused(idx(new int[] {3, 0, 2}, new byte[0]), labels);
    assertTrue(zero.contains("must have positive dimensions"), zero);
  }

  @Test
  void pixelsThatWouldNotFitAreRefusedBeforeTheyAreAllocated() throws Exception {
    Path[] f = files(false);
    int[] y = Idx.labels(f[1], "data.train-labels");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> Idx.read(f[0], y, 3, "data.train-images", 100));
    assertTrue(e.getMessage().contains("must fit in memory"), e.getMessage());
    assertEquals(InvalidInputException.Remedy.MORE_MEMORY, e.remedy());
  }

  @Test
  void aTestPairIsCachedBesideTheTrainingSetAndReadBackToTheBit(@TempDir Path cache)
      throws Exception {
    Path[] f = files(true);
    IdxFiles files = new IdxFiles(f[0], f[1], Optional.of(List.of(f[0], f[1])));
    assertEquals(DataShape.dense(4, 3, 3), files.shape());
    Path binary = files.binaryFile(cache);
    StoredData data = StoredData.read(binary);
    assertArrayEquals(new int[] {0, 2, 1}, data.train().labels());
    assertArrayEquals(
        org.hsgd.TestData.dense(data.train()), org.hsgd.TestData.dense(data.test().orElseThrow()));
    assertEquals(binary, DataFiles.of(files.name()).binaryFile(cache), "the same files, one cache");
    Files.write(binary, Arrays.copyOf(Files.readAllBytes(binary), 30));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> StoredData.read(binary));
    assertTrue(e.getMessage().contains("must be a whole data cache"), e.getMessage());
  }

  @Test
  void missingFilesAndFoldersNameTheirKey() throws Exception {
    Path[] f = files(false);
    InvalidInputException missing =
        assertThrows(
            InvalidInputException.class,
            () -> new IdxFiles(dir.resolve("none"), f[1], Optional.empty()).shape());
    assertEquals("data.train-images", missing.field());
    InvalidInputException folder =
        assertThrows(
            InvalidInputException.class, () -> new IdxFiles(f[0], dir, Optional.empty()).shape());
    assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
  }

  @Test
  void fashionMnistSaysHowToInstallItWhereDebianHasNotPutIt(@TempDir Path cache) {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> FashionMnist.binaryFile(cache, dir.resolve("nowhere")));
    assertTrue(e.getMessage().contains("scripts/fetch-fashion-mnist"), e.getMessage());
  }

  @Test
  void fashionMnistFromDebianHasItsOwnSixtyThousandAndTenThousand(@TempDir Path cache) {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(FashionMnist.DEBIAN), "dataset-fashion-mnist is installed");
    StoredData data = StoredData.read(FashionMnist.binaryFile(cache, FashionMnist.DEBIAN));
    assertEquals(FashionMnist.TRAIN, data.train().size());
    assertEquals(FashionMnist.TEST, data.test().orElseThrow().size());
    assertEquals(784, data.train().features());
    int[] counts = data.train().classCounts();
    assertArrayEquals(
        new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, counts);
  }
}
