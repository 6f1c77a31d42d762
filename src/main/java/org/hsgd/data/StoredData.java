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
import java.util.List;
import java.util.Optional;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;

/**
 * A dataset as the cache keeps it: its training samples and, where it comes with one, its own test
 * set. On disk (what the simulator loads fast, and what an engine ships) a header, then the labels,
 * then the samples, training samples first, in the smaller of two encodings that both give back
 * every value to the bit: byte images (one byte per pixel, v = b / 255, for images) or compressed
 * rows (each sample's count of non-zero values, then their feature indices and float values, for
 * sparse data such as LIBSVM's).
 *
 * @param train the training samples (all of them where there is no test set)
 * @param test the dataset's own test set, or empty (then a seeded fraction is held out)
 */
public record StoredData(Dataset train, Optional<Dataset> test) {
  private static final int BYTE_IMAGES = 0x48534731; // "HSG1"
  private static final int COMPRESSED_ROWS = 0x48534732; // "HSG2"
  private static final int HEADER_BYTES = 20;

  public StoredData {
    test.ifPresent(
        t ->
            Require.that(
                t.features() == train.features() && t.classes() == train.classes(),
                "data",
                "test samples must have the training samples' features and classes",
                () -> t.features() + " features, " + t.classes() + " classes"));
  }

  private List<Dataset> sets() {
    return test.isPresent() ? List.of(train, test.get()) : List.of(train);
  }

  /** Writes the data to {@code file} atomically (a temporary beside it, then a move). */
  public void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
        boolean images = asByteImages();
        out.writeInt(images ? BYTE_IMAGES : COMPRESSED_ROWS);
        out.writeInt(train.features());
        out.writeInt(train.classes());
        out.writeInt(train.size());
        out.writeInt(test.map(Dataset::size).orElse(0));
        for (Dataset d : sets()) {
          for (int i = 0; i < d.size(); i++) {
            if (images) {
              out.writeByte(d.label(i));
            } else {
              out.writeInt(d.label(i));
            }
          }
        }
        for (Dataset d : sets()) {
          if (images) {
            writeImages(d, out);
          } else {
            writeRows(d, out);
          }
        }
      } catch (IOException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the data cache " + file, e);
    }
  }

  /**
   * Whether byte images keep every value (each a whole number of 255ths in [0, 1], at most 256
   * classes) in no more bytes than compressed rows.
   */
  private boolean asByteImages() {
    long imageBytes = 0;
    long rowBytes = 0;
    for (Dataset d : sets()) {
      imageBytes += (long) d.size() * (1 + d.features());
      rowBytes += (long) d.size() * 8 + 8L * d.nonzeroValues().length;
      for (float v : d.nonzeroValues()) {
        if (!(v > 0 && v <= 1 && Math.round(v * 255) / 255f == v)) {
          return false;
        }
      }
    }
    return train.classes() <= 256 && imageBytes <= rowBytes;
  }

  private static void writeImages(Dataset d, DataOutputStream out) throws IOException {
    float[] row = new float[d.features()];
    for (int i = 0; i < d.size(); i++) {
      d.denseRow(i, row);
      for (float v : row) {
        out.writeByte(Math.round(v * 255));
      }
    }
  }

  private static void writeRows(Dataset d, DataOutputStream out) throws IOException {
    int[] starts = d.rowStarts();
    for (int i = 0; i < d.size(); i++) {
      out.writeInt(starts[i + 1] - starts[i]);
    }
    for (int f : d.nonzeroFeatures()) {
      out.writeInt(f);
    }
    for (float v : d.nonzeroValues()) {
      out.writeFloat(v);
    }
  }

  /**
   * The data in a cache file, checked against its own length before anything is allocated.
   *
   * @throws InvalidInputException if the file is not one whole cache file
   */
  public static StoredData read(Path file) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int magic = in.readInt();
      expect(magic == BYTE_IMAGES || magic == COMPRESSED_ROWS, file);
      boolean images = magic == BYTE_IMAGES;
      int features = in.readInt();
      int classes = in.readInt();
      int trainSize = in.readInt();
      int testSize = in.readInt();
      long samples = (long) trainSize + testSize;
      long size = Files.size(file);
      expect(
          features >= 1
              && classes >= 2
              && (!images || classes <= 256)
              && trainSize >= 1
              && testSize >= 0
              && samples <= Integer.MAX_VALUE - 8,
          file);
      if (images) {
        expect(
            samples * features <= Integer.MAX_VALUE - 8
                && size == HEADER_BYTES + samples * (1 + features),
            file);
      } else {
        expect(size >= HEADER_BYTES + 8 * samples && (size - HEADER_BYTES) % 4 == 0, file);
      }
      int[] trainLabels = labels(in, trainSize, classes, images, file);
      int[] testLabels = labels(in, testSize, classes, images, file);
      long rest = size - HEADER_BYTES - 4 * samples;
      Dataset train =
          images
              ? images(in, features, classes, trainLabels, file)
              : rows(in, features, classes, trainLabels, rest, file);
      rest -= 4L * trainSize + 8L * train.nonzeroValues().length;
      Optional<Dataset> test = Optional.empty();
      if (testSize > 0) {
        test =
            Optional.of(
                images
                    ? images(in, features, classes, testLabels, file)
                    : rows(in, features, classes, testLabels, rest, file));
      }
      expect(in.read() == -1, file);
      return new StoredData(train, test);
    } catch (IOException e) {
      throw new InvalidInputException(
          "data.source",
          "must be a readable data cache (delete it: it is made again)",
          file + ": " + e.getMessage());
    }
  }

  private static int[] labels(DataInputStream in, int size, int classes, boolean bytes, Path file)
      throws IOException {
    int[] y = new int[size];
    for (int i = 0; i < size; i++) {
      y[i] = bytes ? in.readUnsignedByte() : in.readInt();
      expect(y[i] >= 0 && y[i] < classes, file);
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

  /**
   * Rows whose counts the file's length must bear out before their arrays are allocated.
   *
   * @param rest the bytes of the file from the rows on
   */
  private static Dataset rows(
      DataInputStream in, int features, int classes, int[] labels, long rest, Path file)
      throws IOException {
    int[] rowStart = new int[labels.length + 1];
    for (int i = 0; i < labels.length; i++) {
      int count = in.readInt();
      expect(count >= 0 && count <= features, file);
      long end = (long) rowStart[i] + count;
      expect(end <= Integer.MAX_VALUE - 8, file);
      rowStart[i + 1] = (int) end;
    }
    int values = rowStart[labels.length];
    expect(4L * labels.length + 8L * values <= rest, file);
    int[] feature = new int[values];
    float[] value = new float[values];
    for (int k = 0; k < values; k++) {
      feature[k] = in.readInt();
    }
    for (int k = 0; k < values; k++) {
      value[k] = in.readFloat();
    }
    try {
      return Dataset.sparse(features, classes, rowStart, feature, value, labels);
    } catch (InvalidInputException e) {
      expect(false, file);
      throw e;
    }
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
