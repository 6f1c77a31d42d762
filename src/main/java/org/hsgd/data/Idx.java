package org.hsgd.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.hsgd.InvalidInputException;

/**
 * Images and labels in the IDX format of MNIST and its kin (Fashion-MNIST, EMNIST, KMNIST), plain
 * or gzipped: a magic number (two zero bytes, the type 0x08 for unsigned bytes, the number of
 * dimensions), each dimension as a big-endian int, then the values. Images are count x rows x cols
 * (or count x features); labels are count values. Pixels are scaled to [0, 1] by /255. Everything
 * is checked before it is used: the magic number, the dimensions, that the counts of images and
 * labels agree, that the file is neither cut short nor longer than its header says, and that the
 * pixels fit in memory before they are allocated.
 */
public final class Idx {
  private static final int UNSIGNED_BYTE = 0x08;

  private Idx() {}

  /**
   * The labelled images of an image file and its labels.
   *
   * @param labels as {@link #labels} read them
   * @param classes the number of classes, above every label
   * @param field the config key the files were given as, for errors
   * @param availableBytes the memory the dataset may take
   * @throws InvalidInputException naming the file and what is wrong with it
   */
  public static Dataset read(
      Path images, int[] labels, int classes, String field, long availableBytes) {
    try (DataInputStream in = open(images, field)) {
      int[] dims = header(in, images, field, 2, 3);
      long count = dims[0];
      long features = dims.length == 3 ? (long) dims[1] * dims[2] : dims[1];
      require(
          count == labels.length,
          images,
          field,
          "must hold as many images as its label file holds labels",
          count + " images, " + labels.length + " labels");
      require(
          count * features <= Integer.MAX_VALUE - 8,
          images,
          field,
          "must hold fewer than 2^31 pixels in all",
          count + " x " + features);
      // The dense pixels and their compressed rows: about 12 bytes a pixel at the most.
      long needed = count * features * 12;
      if (needed > availableBytes) {
        throw new InvalidInputException(
                field,
                "must fit in memory: "
                    + count
                    + " images of "
                    + features
                    + " pixels need about "
                    + needed / (1L << 20)
                    + " MiB, and the JVM may use "
                    + availableBytes / (1L << 20)
                    + " MiB",
                images.toString())
            .withRemedy(InvalidInputException.Remedy.MORE_MEMORY);
      }
      byte[] pixels = in.readNBytes((int) (count * features));
      require(
          pixels.length == count * features,
          images,
          field,
          "must not be cut short",
          pixels.length + " of " + count * features + " pixel bytes");
      require(
          in.read() == -1,
          images,
          field,
          "must end where its header says",
          "bytes after the last image");
      float[] x = new float[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        x[i] = (pixels[i] & 0xFF) / 255f;
      }
      return new Dataset((int) features, classes, x, labels);
    } catch (IOException e) {
      throw unreadable(images, field, e);
    }
  }

  /** The number of classes of label sets: one above the largest label, at least 2. */
  public static int classes(int[]... labelSets) {
    int classes = 2;
    for (int[] set : labelSets) {
      for (int label : set) {
        classes = Math.max(classes, label + 1);
      }
    }
    return classes;
  }

  /**
   * The pixels per image of an image file, from its header alone.
   *
   * @throws InvalidInputException naming the file if its header is not an IDX header of images
   */
  public static int features(Path images, String field) {
    try (DataInputStream in = open(images, field)) {
      int[] dims = header(in, images, field, 2, 3);
      long features = dims.length == 3 ? (long) dims[1] * dims[2] : dims[1];
      require(
          features <= Integer.MAX_VALUE - 8,
          images,
          field,
          "must have fewer than 2^31 pixels per image",
          String.valueOf(features));
      return (int) features;
    } catch (IOException e) {
      throw unreadable(images, field, e);
    }
  }

  /** The labels of a label file. */
  public static int[] labels(Path file, String field) {
    try (DataInputStream in = open(file, field)) {
      int[] dims = header(in, file, field, 1, 1);
      byte[] bytes = in.readNBytes(dims[0]);
      require(
          bytes.length == dims[0],
          file,
          field,
          "must not be cut short",
          bytes.length + " of " + dims[0] + " labels");
      require(
          in.read() == -1,
          file,
          field,
          "must end where its header says",
          "bytes after the last label");
      int[] y = new int[bytes.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = bytes[i] & 0xFF;
      }
      return y;
    } catch (IOException e) {
      throw unreadable(file, field, e);
    }
  }

  /** The dimensions after the magic number, their number checked to lie in [low, high]. */
  private static int[] header(DataInputStream in, Path file, String field, int low, int high)
      throws IOException {
    int magic = in.readInt();
    int type = (magic >>> 8) & 0xFF;
    int rank = magic & 0xFF;
    require(
        (magic >>> 16) == 0 && type == UNSIGNED_BYTE && rank >= low && rank <= high,
        file,
        field,
        "must start with the IDX magic number of unsigned bytes in "
            + (low == high ? low + " dimension" : low + " to " + high + " dimensions"),
        String.format("0x%08X", magic));
    int[] dims = new int[rank];
    for (int d = 0; d < rank; d++) {
      dims[d] = in.readInt();
      final int k = d;
      require(
          dims[d] >= 1,
          file,
          field,
          "must have positive dimensions",
          "dimension " + (k + 1) + " = " + dims[k]);
    }
    return dims;
  }

  /** The file's bytes, through gunzip if it starts with the gzip magic number. */
  private static DataInputStream open(Path file, String field) throws IOException {
    require(
        Files.isRegularFile(file),
        file,
        field,
        "must name an existing file (not a folder)",
        Files.isDirectory(file) ? "a folder" : "no file");
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
    raw.reset();
    return new DataInputStream(
        new BufferedInputStream(gzipped ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16));
  }

  private static InvalidInputException unreadable(Path file, String field, IOException e) {
    return new InvalidInputException(
        field,
        "must be a readable IDX file, plain or gzipped",
        file + ": " + (e instanceof EOFException ? "cut short" : e.getMessage()));
  }

  private static void require(boolean ok, Path file, String field, String rule, String found) {
    if (!ok) {
      throw new InvalidInputException(field, rule + " (" + file + ")", found);
    }
  }
}
