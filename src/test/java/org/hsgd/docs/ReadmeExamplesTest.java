package org.hsgd.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java examples run as written, in JShell, on the project's class path. */
class ReadmeExamplesTest {
  @Test
  void everyJavaBlockOfTheReadmeRunsInJshell(@TempDir Path out) throws Exception {
    Matcher blocks =
        Pattern.compile("```java\n(.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(Path.of("README.md")));
    int count = 0;
    while (blocks.find()) {
      String output = JShellScripts.run(blocks.group(1), "-Dhsgd.notebook.out=" + out);
      count++;
      if (blocks.group(1).contains("ExperimentJob.check")) {
        assertTrue(output.contains("verdict: holds"), output);
        assertTrue(Files.exists(out.resolve("from-jshell/check.txt")), "the folder is written");
      }
    }
    assertEquals(2, count, "the bound and the experiment examples");
  }
}
