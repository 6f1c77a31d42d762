package org.hsgd.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hsgd.Require;

/**
 * IDX files a config points to (MNIST, EMNIST, KMNIST, ...): a training pair of images and labels
 * and, optionally, a test pair.
 *
 * @param test the test images and labels, or empty (a seeded fraction is then held out)
 */
public record IdxFiles(Path trainImages, Path trainLabels, Optional<List<Path>> test)
    implements DataFiles {
  /** How the name of such a dataset starts (see {@link #name}). */
  public static final String PREFIX = "idx:";

  private static final List<String> KEYS =
      List.of("data.train-images", "data.train-labels", "data.test-images", "data.test-labels");

  public IdxFiles {
    trainImages = trainImages.toAbsolutePath().normalize();
    trainLabels = trainLabels.toAbsolutePath().normalize();
    test = test.map(t -> t.stream().map(p -> p.toAbsolutePath().normalize()).toList());
  }

  static IdxFiles of(List<Path> files) {
    return new IdxFiles(
        files.get(0),
        files.get(1),
        files.size() == 4 ? Optional.of(files.subList(2, 4)) : Optional.empty());
  }

  @Override
  public List<Path> files() {
    List<Path> all = new ArrayList<>(List.of(trainImages, trainLabels));
    test.ifPresent(all::addAll);
    return all;
  }

  @Override
  public List<String> keys() {
    return KEYS.subList(0, files().size());
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public StoredData read() {
    requireFiles();
    long available = Runtime.getRuntime().maxMemory();
    int[] trainY = Idx.labels(trainLabels, KEYS.get(1));
    Optional<int[]> testY = test.map(t -> Idx.labels(t.get(1), KEYS.get(3)));
    int classes = testY.map(t -> Idx.classes(trainY, t)).orElse(Idx.classes(trainY));
    Dataset train = Idx.read(trainImages, trainY, classes, KEYS.get(0), available);
    Optional<Dataset> testSet =
        test.map(t -> Idx.read(t.get(0), testY.orElseThrow(), classes, KEYS.get(2), available));
    testSet.ifPresent(
        t ->
            Require.that(
                t.features() == train.features(),
                KEYS.get(2),
                "must have as many pixels per image as data.train-images ("
                    + train.features()
                    + ")",
                () -> t.features() + " pixels"));
    return new StoredData(train, testSet);
  }

  /** Pixels per image from the image file's header; classes and training images from the labels. */
  @Override
  public DataShape shape() {
    requireFiles();
    int[] trainY = Idx.labels(trainLabels, KEYS.get(1));
    int classes =
        test.map(t -> Idx.classes(trainY, Idx.labels(t.get(1), KEYS.get(3))))
            .orElse(Idx.classes(trainY));
    return DataShape.dense(Idx.features(trainImages, KEYS.get(0)), classes, trainY.length);
  }
}
