package org.hsgd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

  /** The output with wrapped lines joined again: what was one line before the terminal's width. */
  String flatOut() {
    return out.replaceAll("\n +", " ");
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
