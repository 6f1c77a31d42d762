package org.hsgd.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/** Runs Java as JShell would, on the project's class path, failing on the first bad snippet. */
final class JShellScripts {
  private JShellScripts() {}

  /**
   * Runs the snippets of {@code source} one by one (JShell commands such as {@code /exit} are
   * skipped) and returns what they printed.
   *
   * @param vmOptions extra options of the JVM that runs the snippets
   */
  static String run(String source, String... vmOptions) {
    List<String> options =
        new ArrayList<>(
            List.of("-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true"));
    options.addAll(List.of(vmOptions));
    String code = String.join("\n", source.lines().filter(line -> !line.startsWith("/")).toList());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JShell shell =
        JShell.builder()
            .out(new PrintStream(out, true, StandardCharsets.UTF_8))
            .remoteVMOptions(options.toArray(String[]::new))
            .build()) {
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String rest = code;
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
                  + e.exception()
                  + "\noutput so far:\n"
                  + out.toString(StandardCharsets.UTF_8));
        }
        rest = info.remaining();
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
