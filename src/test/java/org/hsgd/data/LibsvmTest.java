package org.hsgd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hsgd.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LIBSVM text written here: read sparse, labels to classes, and each way a line can be wrong. */
class LibsvmTest {
  @TempDir Path dir;

  @Test
  void aBinaryFileIsReadSparseWithItsLabelsAsClasses() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("a.txt"), "+1 1:0.5 3:2 # a comment\n\n-1 2:1.5\n+1 1:1 2:0 4:-3\n");
    Libsvm.Shape shape = Libsvm.shape(file, "data.train");
    assertEquals(3, shape.samples());
    assertEquals(4, shape.features());
    Dataset d = Libsvm.read(file, "data.train", shape.labels(), 4, 1L << 30);
    assertArrayEquals(new int[] {1, 0, 1}, d.labels()); // -1 -> 0, +1 -> 1
    assertArrayEquals(new int[] {0, 2, 3, 5}, d.rowStarts()); // the explicit zero is left out
    assertArrayEquals(new int[] {0, 2, 1, 0, 3}, java.util.Arrays.copyOf(d.nonzeroFeatures(), 5));
    assertEquals(0.25 + 4, d.squaredNorm(0));
  }

  private String refused(String text) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.txt"), text);
    return assertThrows(InvalidInputException.class, () -> Libsvm.shape(file, "data.train"))
        .getMessage();
  }

  @Test
  void eachBadLineIsNamedByItsNumber() throws Exception {
    assertTrue(refused("1 1:1\n1 0:2\n").contains("bad.txt line 2 must have feature indices"));
    assertTrue(refused("1 3:1 2:1\n").contains("line 1 must have increasing feature indices"));
    assertTrue(refused("1 2:1 2:1\n").contains("increasing"));
    assertTrue(refused("1 1:1\nx 1:1\n").contains("line 2 must have a label"));
    assertTrue(refused("1 1:nan\n").contains("a value that is a finite number"));
    assertTrue(refused("1 1\n").contains("must be a label, then index:value pairs"));
    assertTrue(refused("1 a:1\n").contains("whole feature indices"));
    assertTrue(refused("# only a comment\n").contains("at least one sample"));
    String missing =
        assertThrows(
                InvalidInputException.class, () -> Libsvm.shape(dir.resolve("none"), "data.train"))
            .getMessage();
    assertTrue(missing.contains("does not exist"), missing);
  }
}
