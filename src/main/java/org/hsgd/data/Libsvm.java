package org.hsgd.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hsgd.InvalidInputException;

/**
 * Sparse LIBSVM / SVMlight text: one sample a line, {@code label index:value ...}, indices from 1
 * and increasing, comments after {@code #}. Kept sparse: the values go straight into compressed
 * rows, never a dense array. Labels become classes in their numeric order (a binary file's -1 and
 * +1 become 0 and 1). A file is read twice, streamed: once to count and check ({@link #shape}),
 * once to fill arrays of exactly the size the count gave ({@link #read}).
 */
public final class Libsvm {
  /** A number as written in LIBSVM files: not Java's "1f", hexadecimal, NaN or Infinity. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Libsvm() {}

  /**
   * A file's labels, size and dimension, from the first pass.
   *
   * @param labels the distinct labels, in numeric order
   * @param values the non-zero values
   * @param features the largest feature index (from 1), 0 if every sample is empty
   * @param widestRow the most non-zero values one sample has
   */
  record Shape(TreeSet<Double> labels, int samples, long values, int features, int widestRow) {}

  /** Each label of the files of a dataset as a class, in numeric order: -1, +1 become 0, 1. */
  static Map<Double, Integer> classes(List<Shape> shapes) {
    TreeSet<Double> labels = new TreeSet<>();
    shapes.forEach(s -> labels.addAll(s.labels()));
    Map<Double, Integer> classes = new HashMap<>();
    for (Double label : labels) {
      classes.put(label, classes.size());
    }
    return classes;
  }

  /**
   * The samples of a LIBSVM file, after its first pass: a second fills arrays of exactly the size
   * the first counted, once their memory is known to fit.
   *
   * @param field the config key the file was given as, for errors
   * @param classes the class of each label of all the files of a dataset ({@link #classes})
   * @param features the dimension, at least this file's largest index
   * @param availableBytes the memory the rows may take
   */
  static Dataset read(
      Path file,
      String field,
      Shape shape,
      Map<Double, Integer> classes,
      int features,
      long availableBytes) {
    long needed = shape.values() * 8 + (long) shape.samples() * 8;
    if (needed > availableBytes) {
      throw new InvalidInputException(
              field,
              "must fit in memory: "
                  + shape.values()
                  + " non-zero values need about "
                  + needed / (1L << 20)
                  + " MiB, and the JVM may use "
                  + availableBytes / (1L << 20)
                  + " MiB",
              file.toString())
          .withRemedy(InvalidInputException.Remedy.MORE_MEMORY);
    }
    int[] rowStart = new int[shape.samples() + 1];
    int[] feature = new int[(int) shape.values()];
    float[] value = new float[feature.length];
    int[] y = new int[shape.samples()];
    int[] at = {0, 0}; // sample, value
    scan(
        file,
        field,
        (label, indices, values, count) -> {
          y[at[0]] = classes.get(label);
          rowStart[at[0]] = at[1];
          for (int k = 0; k < count; k++) {
            feature[at[1]] = indices[k] - 1;
            value[at[1]++] = (float) values[k];
          }
          at[0]++;
        });
    rowStart[shape.samples()] = at[1];
    return Dataset.sparse(features, classes.size(), rowStart, feature, value, y);
  }

  /** The first pass: every line checked, the labels, samples, values and dimension counted. */
  static Shape shape(Path file, String field) {
    TreeSet<Double> labels = new TreeSet<>();
    long[] counts = {0, 0, 0, 0}; // samples, values, largest index, widest row
    scan(
        file,
        field,
        (label, indices, values, count) -> {
          labels.add(label);
          counts[0]++;
          counts[1] += count;
          if (count > 0) {
            counts[2] = Math.max(counts[2], indices[count - 1]);
          }
          counts[3] = Math.max(counts[3], count);
        });
    if (counts[0] == 0) {
      throw new InvalidInputException(field, "must hold at least one sample", file.toString());
    }
    if (counts[0] > Integer.MAX_VALUE - 8 || counts[1] > Integer.MAX_VALUE - 8) {
      throw new InvalidInputException(
          field, "must hold fewer than 2^31 samples and values", file.toString());
    }
    return new Shape(labels, (int) counts[0], counts[1], (int) counts[2], (int) counts[3]);
  }

  /** What each sample line gives. */
  private interface Sample {
    void accept(double label, int[] indices, double[] values, int count);
  }

  private static void scan(Path file, String field, Sample sample) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          field,
          "must name an existing LIBSVM file (not a folder)",
          file + (Files.isDirectory(file) ? " is a folder" : " does not exist"));
    }
    int[] indices = new int[16];
    double[] values = new double[16];
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long line = 0;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        int hash = text.indexOf('#');
        String body = (hash >= 0 ? text.substring(0, hash) : text).strip();
        if (body.isEmpty()) {
          continue;
        }
        String[] tokens = SPACES.split(body);
        String where = file + " line " + line;
        double label = number(tokens[0], where, "a label");
        if (label != Math.rint(label) || Math.abs(label) > 1e9) {
          throw new InvalidInputException(
              where,
              "must have a whole-number label (a class: regression targets are not classes)",
              "'" + tokens[0] + "'");
        }
        int count = 0;
        long previous = 0;
        for (int t = 1; t < tokens.length; t++) {
          int colon = tokens[t].indexOf(':');
          if (colon <= 0) {
            throw new InvalidInputException(
                where, "must be a label, then index:value pairs", "'" + tokens[t] + "'");
          }
          long index = index(tokens[t].substring(0, colon), where);
          if (index <= previous) {
            throw new InvalidInputException(
                where, "must have increasing feature indices", index + " after " + previous);
          }
          previous = index;
          double v = number(tokens[t].substring(colon + 1), where, "a value");
          if (count == indices.length) {
            indices = Arrays.copyOf(indices, 2 * count);
            values = Arrays.copyOf(values, 2 * count);
          }
          if (v != 0) {
            indices[count] = (int) index;
            values[count++] = v;
          }
        }
        sample.accept(label, indices, values, count);
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InvalidInputException(field, "must be LIBSVM text (UTF-8)", file.toString());
    } catch (IOException e) {
      throw new InvalidInputException(
          field, "must be a readable file", file + ": " + e.getMessage());
    }
  }

  private static long index(String text, String where) {
    long index;
    try {
      index = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(where, "must have whole feature indices", "'" + text + "'");
    }
    if (index < 1 || index > Integer.MAX_VALUE - 8) {
      throw new InvalidInputException(
          where, "must have feature indices from 1 (below 2^31)", String.valueOf(index));
    }
    return index;
  }

  private static double number(String text, String where, String what) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!Double.isFinite(v) || !DECIMAL.matcher(text).matches()) {
      throw new InvalidInputException(
          where, "must have " + what + " that is a finite number", "'" + text + "'");
    }
    return v;
  }
}
