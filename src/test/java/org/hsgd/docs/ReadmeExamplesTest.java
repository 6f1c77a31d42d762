package org.hsgd.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Java examples run as written, in JShell, on the project's class path. */
class ReadmeExamplesTest {
  @Test
  void everyJavaBlockOfTheReadmeRunsInJshell() throws Exception {
    Matcher blocks =
        Pattern.compile("```java\n(.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(Path.of("README.md")));
    int count = 0;
    while (blocks.find()) {
      String output = JShellScripts.run(blocks.group(1));
      count++;
      if (blocks.group(1).contains("Checker.check")) {
        assertTrue(output.contains("verdict: holds"), output);
      }
    }
    assertEquals(2, count, "the bound and the experiment examples");
  }
}
