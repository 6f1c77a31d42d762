package org.hsgd.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.hsgd.InvalidInputException;

/**
 * A dataset of byte images as the cache keeps it: its training samples and, where it comes with
 * one, its own test set. On disk (what the simulator loads fast, and what an engine ships) a
 * header, then one byte per label and per pixel (round(255 v)), training samples first.
 *
 * @param train the training samples (all of them where there is no test set)
 * @param test the dataset's own test set, or empty (then a seeded fraction is held out)
 */
public record StoredData(Dataset train, Optional<Dataset> test) {
  private static final int MAGIC = 0x48534731; // "HSG1"

  public StoredData {
    test.ifPresent(
        t ->
            org.hsgd.Require.that(
                t.features() == train.features() && t.classes() == train.classes(),
                "data",
                "test samples must have the training samples' features and classes",
                () -> t.features() + " features, " + t.classes() + " classes"));
  }

  /** Writes the data to {@code file} atomically (a temporary beside it, then a move). */
  public void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
        out.writeInt(MAGIC);
        out.writeInt(train.features());
        out.writeInt(train.classes());
        out.writeInt(train.size());
        out.writeInt(test.map(Dataset::size).orElse(0));
        for (Dataset d : sets()) {
          for (int i = 0; i < d.size(); i++) {
            out.writeByte(d.label(i));
          }
        }
        float[] row = new float[train.features()];
        for (Dataset d : sets()) {
          for (int i = 0; i < d.size(); i++) {
            d.denseRow(i, row);
            for (float v : row) {
              out.writeByte(Math.round(v * 255));
            }
          }
        }
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the data cache " + file, e);
    }
  }

  private java.util.List<Dataset> sets() {
    return test.isPresent() ? java.util.List.of(train, test.get()) : java.util.List.of(train);
  }

  /**
   * The data in a cache file, checked against its own length before anything is allocated.
   *
   * @throws InvalidInputException if the file is not one whole cache file
   */
  public static StoredData read(Path file) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      expect(in.readInt() == MAGIC, file);
      int features = in.readInt();
      int classes = in.readInt();
      int trainSize = in.readInt();
      int testSize = in.readInt();
      long samples = (long) trainSize + testSize;
      expect(
          features >= 1
              && classes >= 2
              && classes <= 256
              && trainSize >= 1
              && testSize >= 0
              && samples * features <= Integer.MAX_VALUE - 8
              && Files.size(file) == 20 + samples * (1 + features),
          file);
      int[] trainLabels = labels(in, trainSize, classes, file);
      int[] testLabels = labels(in, testSize, classes, file);
      Dataset train = images(in, features, classes, trainLabels, file);
      Optional<Dataset> test =
          testSize == 0
              ? Optional.empty()
              : Optional.of(images(in, features, classes, testLabels, file));
      return new StoredData(train, test);
    } catch (IOException e) {
      throw new InvalidInputException(
          "data.source",
          "must be a readable data cache (delete it: it is made again)",
          file + ": " + e.getMessage());
    }
  }

  private static int[] labels(DataInputStream in, int size, int classes, Path file)
      throws IOException {
    int[] y = new int[size];
    for (int i = 0; i < size; i++) {
      y[i] = in.readUnsignedByte();
      expect(y[i] < classes, file);
    }
    return y;
  }

  private static Dataset images(
      DataInputStream in, int features, int classes, int[] labels, Path file) throws IOException {
    byte[] pixels = in.readNBytes(labels.length * features);
    expect(pixels.length == labels.length * features, file);
    float[] x = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      x[i] = (pixels[i] & 0xFF) / 255f;
    }
    return new Dataset(features, classes, x, labels);
  }

  private static void expect(boolean ok, Path file) {
    if (!ok) {
      throw new InvalidInputException(
          "data.source",
          "must be a whole data cache as hsgd writes it (delete it: it is made again)",
          file.toString());
    }
  }
}
