package org.hsgd.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hsgd.InvalidInputException;

/**
 * IDX files a config points to: a training pair of images and labels and, optionally, a test pair.
 * The first load converts them into a binary of the cache ({@link StoredData}) named by a hash of
 * the files' paths, sizes and times, so that a changed file is read again.
 *
 * @param test the test images and labels, or empty (a seeded fraction is then held out)
 */
public record IdxFiles(Path trainImages, Path trainLabels, Optional<Path[]> test) {
  /** How the name of such a dataset starts (see {@link #name}). */
  public static final String PREFIX = "idx:";

  /** The config keys of the files, in the order of {@link #files}. */
  private static final String[] KEYS = {
    "data.train-images", "data.train-labels", "data.test-images", "data.test-labels"
  };

  private void requireFiles() {
    List<Path> files = files();
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      if (!Files.isRegularFile(f)) {
        throw new InvalidInputException(
            KEYS[i],
            "must name an existing IDX file (not a folder)",
            f + (Files.isDirectory(f) ? " is a folder" : " does not exist"));
      }
    }
  }

  /** The dataset's name: the files' absolute paths, which {@link #of} reads back. */
  public String name() {
    List<String> paths = new ArrayList<>();
    for (Path p : files()) {
      paths.add(p.toAbsolutePath().normalize().toString());
    }
    return PREFIX + String.join("\n", paths);
  }

  /** The files of a name that {@link #name} made. */
  public static IdxFiles of(String name) {
    String[] paths = name.substring(PREFIX.length()).split("\n");
    return new IdxFiles(
        Path.of(paths[0]),
        Path.of(paths[1]),
        paths.length == 4
            ? Optional.of(new Path[] {Path.of(paths[2]), Path.of(paths[3])})
            : Optional.empty());
  }

  private List<Path> files() {
    List<Path> all = new ArrayList<>(List.of(trainImages, trainLabels));
    test.ifPresent(t -> all.addAll(List.of(t)));
    return all;
  }

  /**
   * The cache's binary of these files, converted first if needed.
   *
   * @throws InvalidInputException naming the key of a file that is missing, a folder, or not IDX
   */
  public Path binaryFile(Path cache) {
    requireFiles();
    String[] keys = KEYS;
    Path binary = cache.resolve("idx-" + fingerprint() + ".bin");
    if (!Files.exists(binary)) {
      long available = Runtime.getRuntime().maxMemory();
      int[] trainLabels = Idx.labels(trainLabels(), keys[1]);
      Optional<int[]> testLabels = test.map(t -> Idx.labels(t[1], keys[3]));
      int classes =
          testLabels.map(t -> Idx.classes(trainLabels, t)).orElse(Idx.classes(trainLabels));
      Dataset train = Idx.read(trainImages, trainLabels, classes, keys[0], available);
      Optional<Dataset> testSet =
          test.map(t -> Idx.read(t[0], testLabels.orElseThrow(), classes, keys[2], available));
      testSet.ifPresent(
          t ->
              org.hsgd.Require.that(
                  t.features() == train.features(),
                  keys[2],
                  "must have as many pixels per image as data.train-images ("
                      + train.features()
                      + ")",
                  () -> t.features() + " pixels"));
      new StoredData(train, testSet).write(binary);
    }
    return binary;
  }

  /**
   * What a config needs to know before the run: pixels per image, classes and training images, from
   * the image file's header and the labels.
   *
   * @return {features, classes, training samples}
   */
  public int[] shape() {
    requireFiles();
    int[] trainLabels = Idx.labels(trainLabels(), KEYS[1]);
    int classes =
        test.map(t -> Idx.classes(trainLabels, Idx.labels(t[1], KEYS[3])))
            .orElse(Idx.classes(trainLabels));
    return new int[] {Idx.features(trainImages, KEYS[0]), classes, trainLabels.length};
  }

  /** SHA-256 of each file's path, size and last change. */
  private String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path f : files()) {
        String stamp =
            f.toAbsolutePath().normalize()
                + "|"
                + Files.size(f)
                + "|"
                + Files.getLastModifiedTime(f).toMillis()
                + "\n";
        sha.update(stamp.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + trainImages, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
