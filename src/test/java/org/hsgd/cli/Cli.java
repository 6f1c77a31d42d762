package org.hsgd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

  /** The output with wrapped lines joined again: what was one line before the terminal's width. */
  String flatOut() {
    return out.replaceAll("\n +", " ");
  }

  /**
   * Asserts a refusal of bad input: exit code 2, one line on stderr that contains {@code message},
   * and nothing at {@code out}.
   */
  void assertRefused(String message, java.nio.file.Path out) {
    org.junit.jupiter.api.Assertions.assertEquals(2, exitCode, out() + err());
    org.junit.jupiter.api.Assertions.assertEquals(1, err.lines().count(), err);
    org.junit.jupiter.api.Assertions.assertTrue(err.contains(message), message + " in " + err);
    org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(out), out + " written");
  }

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  /** Starts the command line in a JVM of its own (to be killed), its output discarded. */
  static Process start(java.util.List<String> args) throws java.io.IOException {
    java.util.List<String> command =
        new java.util.ArrayList<>(
            java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                "org.hsgd.cli.Main"));
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
