package org.hsgd.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.hsgd.report.Format;
import org.hsgd.report.Outputs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where and how a command's report goes: --format and --out. */
final class ReportOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), json, csv or latex")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "write to FILE instead of standard output")
  Path out;

  /** Prints the report, or writes it atomically to --out and says where. */
  void emit(CommandSpec spec, String report) {
    if (out == null) {
      spec.commandLine().getOut().print(report);
    } else {
      boolean replaced = java.nio.file.Files.exists(out);
      Outputs.writeAll(Map.of(out, report.getBytes(StandardCharsets.UTF_8)));
      spec.commandLine()
          .getErr()
          .println("wrote " + out + (replaced ? " (replaced the file there)" : ""));
    }
  }
}
