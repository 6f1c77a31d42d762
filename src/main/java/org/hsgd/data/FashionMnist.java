package org.hsgd.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hsgd.InvalidInputException;

/**
 * Fashion-MNIST: 60,000 training and 10,000 test images of 28 x 28 pixels in 10 classes, from
 * Debian's package {@code dataset-fashion-mnist} (scripts/fetch-fashion-mnist installs it), whose
 * gzipped IDX files the first load converts into the cache's binary ({@link StoredData}), which
 * later loads read.
 */
public final class FashionMnist {
  /** Where Debian installs the files. */
  public static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

  /** Training and test images. */
  public static final int TRAIN = 60_000;

  public static final int TEST = 10_000;

  private static final String BINARY = "fashion-mnist.bin";

  private FashionMnist() {}

  /**
   * The cache's binary of the training and test sets, converted from Debian's files first if
   * needed.
   *
   * @param debian where the package's files are
   * @throws InvalidInputException if neither is there, with the command that installs them
   */
  public static Path binaryFile(Path cache, Path debian) {
    Path binary = cache.resolve(BINARY);
    if (!Files.exists(binary)) {
      Path trainImages = debian.resolve("train-images-idx3-ubyte.gz");
      if (!Files.isRegularFile(trainImages)) {
        throw new InvalidInputException(
            "data.source",
            "fashion-mnist needs Debian's package dataset-fashion-mnist; install it once with:"
                + " scripts/fetch-fashion-mnist",
            "nothing at " + trainImages);
      }
      long available = Runtime.getRuntime().maxMemory();
      int[] trainLabels = Idx.labels(debian.resolve("train-labels-idx1-ubyte.gz"), "data.source");
      int[] testLabels = Idx.labels(debian.resolve("t10k-labels-idx1-ubyte.gz"), "data.source");
      int classes = Idx.classes(trainLabels, testLabels);
      new StoredData(
              Idx.read(trainImages, trainLabels, classes, "data.source", available),
              Optional.of(
                  Idx.read(
                      debian.resolve("t10k-images-idx3-ubyte.gz"),
                      testLabels,
                      classes,
                      "data.source",
                      available)))
          .write(binary);
    }
    return binary;
  }
}
