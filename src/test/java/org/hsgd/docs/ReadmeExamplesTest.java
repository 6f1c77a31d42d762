package org.hsgd.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
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
      String output = run(blocks.group(1));
      count++;
      if (blocks.group(1).contains("Checker.check")) {
        assertTrue(output.contains("verdict: holds"), output);
      }
    }
    assertEquals(2, count, "the bound and the experiment examples");
  }

  /**
   * Runs the snippets of a block one by one; fails on the first that does not compile or throws.
   */
  private static String run(String block) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    try (JShell shell =
        JShell.builder()
            .out(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8))
            .remoteVMOptions(
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true")
            .build()) {
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String rest = block;
      while (!rest.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        List<SnippetEvent> events = new ArrayList<>(shell.eval(info.source()));
        for (SnippetEvent e : events) {
          assertTrue(
              e.status() == Snippet.Status.VALID && e.exception() == null,
              "snippet failed: "
                  + info.source()
                  + " "
                  + e.status()
                  + " "
                  + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList()
                  + " "
                  + e.exception());
        }
        rest = info.remaining();
      }
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
