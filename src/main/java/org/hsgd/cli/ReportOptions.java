package org.hsgd.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hsgd.report.Format;
import org.hsgd.report.Outputs;
import org.hsgd.report.Provenance;
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
      description = "write to FILE instead of standard output, with FILE.manifest.json beside it")
  Path out;

  /**
   * Prints the report, or writes it atomically to --out with a manifest beside it ({@code
   * <FILE>.manifest.json}: the command line that reproduces it and every input) and says where.
   *
   * @param settings every input after flags and config were merged
   */
  void emit(CommandSpec spec, String report, Settings settings) {
    if (out == null) {
      spec.commandLine().getOut().print(report);
      return;
    }
    boolean replaced = java.nio.file.Files.exists(out);
    String rerun =
        "./hsgd "
            + spec.root().commandLine().getParseResult().originalArgs().stream()
                .map(Inputs::shellQuoted)
                .collect(Collectors.joining(" "));
    Path manifest = out.resolveSibling(out.getFileName() + ".manifest.json");
    Map<Path, byte[]> files = new LinkedHashMap<>();
    files.put(out, report.getBytes(StandardCharsets.UTF_8));
    files.put(
        manifest,
        Outputs.json(Provenance.capture(rerun, settings.asMap()).manifest(List.of(out.toString())))
            .getBytes(StandardCharsets.UTF_8));
    Outputs.writeAll(files);
    spec.commandLine()
        .getErr()
        .println(
            "wrote " + out + (replaced ? " (replaced the file there)" : "") + " and " + manifest);
  }
}
