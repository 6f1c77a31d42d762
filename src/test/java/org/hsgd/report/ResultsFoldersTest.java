package org.hsgd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables read back from disk keep their types, even a column hsgd left empty. */
class ResultsFoldersTest {
  @Test
  void anEmptyColumnIsReadAsMissingNumbers(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("check-bound-validity.csv");
    Files.writeString(
        csv,
        "variant,bound,value,measured,upper_limit,exact\n"
            + "local SGD P=4,closed form,12.3,2.1,2.7,\n"
            + "H-SGD 4/16,closed form,40.1,2.2,2.8,\n");
    var t = ResultsFolders.read(csv);
    assertTrue(Double.isNaN(t.numberColumn("exact").getDouble(1)));
    assertEquals(2, t.numberColumn("exact").size());
    // The figure of a non-convex problem (no exact expectation) is drawn from it.
    assertTrue(PaperFigures.boundVsMeasured(t).isPresent());
  }
}
