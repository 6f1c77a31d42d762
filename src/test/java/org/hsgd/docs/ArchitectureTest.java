package org.hsgd.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/Architecture.md's rule, checked on the sources: each package uses only the packages below it
 * (cli any), in its imports and in qualified names outside comments.
 */
class ArchitectureTest {
  /** What each package may use. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "study",
              Set.of("report", "foreign", "check", "experiment", "sim", "bounds", "data", "figure"),
          "report", Set.of("foreign", "check", "experiment", "sim", "bounds", "data", "figure"),
          "foreign", Set.of("experiment", "sim", "bounds", "data"),
          "check", Set.of("experiment", "sim", "bounds", "data"),
          "experiment", Set.of("sim", "bounds", "data"),
          "spark", Set.of("experiment", "sim", "bounds", "data"),
          "sim", Set.of("bounds", "data"),
          "bounds", Set.of(),
          "data", Set.of(),
          "figure", Set.of());

  private static final Pattern USE =
      Pattern.compile(
          "\\borg\\.hsgd\\.(cli|study|report|foreign|check|experiment|spark|sim"
              + "|bounds|data|figure)\\b");

  @Test
  void everyPackageUsesOnlyThePackagesBelowIt() throws Exception {
    Path root = Path.of("src/main/java/org/hsgd");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path relative = root.relativize(f);
        if (relative.getNameCount() < 2) {
          continue; // org.hsgd itself: the exception and the preconditions every package uses
        }
        String pkg = relative.getName(0).toString();
        Set<String> allowed = ALLOWED.get(pkg);
        if (allowed == null) {
          continue; // cli: any
        }
        for (String line : Files.readAllLines(f)) {
          String code = line.strip();
          if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
            continue;
          }
          Matcher m = USE.matcher(code);
          while (m.find()) {
            String used = m.group(1);
            if (!used.equals(pkg) && !allowed.contains(used)) {
              violations.add(relative + " uses " + used + ": " + code);
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
