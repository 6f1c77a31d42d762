package org.hsgd.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the commands share in reading their inputs: a command's settings (its YAML config, if any,
 * overlaid with the flags the user typed), file names and words for a command line.
 */
final class Inputs {
  private Inputs() {}

  /**
   * @param spec the running command
   * @param config the YAML config, or null
   * @param keys the keys the command knows; a flag {@code --key} sets {@code key}
   */
  static Settings settings(CommandSpec spec, Path config, Set<String> keys) {
    Settings base = config == null ? new Settings(Map.of()) : Settings.load(config, keys);
    Map<String, Object> flags = new LinkedHashMap<>();
    for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
      String key = option.longestName().substring(2);
      if (keys.contains(key)) {
        flags.put(key, option.getValue());
      }
    }
    return base.with(flags);
  }

  /** A file's name without its extension: "two-level" for bounds/two-level.yaml. */
  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** A word the shell reads back as itself: quoted when it holds anything but safe characters. */
  static String shellQuoted(String word) {
    return word.matches("[A-Za-z0-9_./=:,+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
