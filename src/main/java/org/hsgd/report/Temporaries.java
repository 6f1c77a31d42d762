package org.hsgd.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary files and folders this tool writes beside its outputs, named {@code
 * .<name>.<pid>.<16 hex digits>.hsgd-<kind>} so that they say whose they are: the next write
 * removes those of processes that no longer run, and nothing else (a user's {@code .zshrc.2024.old}
 * is not one).
 */
final class Temporaries {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Pattern TEMPORARY =
      Pattern.compile("\\.(.+)\\.(\\d+)\\.[0-9a-f]{16}\\.hsgd-(partial|old|tmp)");

  private Temporaries() {}

  /** A new temporary name for {@code name} of this process; {@code kind}: partial, old or tmp. */
  static String name(String name, String kind) {
    return "."
        + name
        + "."
        + ProcessHandle.current().pid()
        + "."
        + String.format("%016x", RANDOM.nextLong())
        + ".hsgd-"
        + kind;
  }

  /**
   * Removes the temporary files of processes that no longer run from {@code dir}; not their partial
   * result folders, which hold what a killed study finished until its next attempt.
   */
  static void removeStale(Path dir) throws IOException {
    for (Path p : stale(dir)) {
      if (!TEMPORARY.matcher(p.getFileName().toString()).replaceAll("$3").equals("partial")) {
        deleteTree(p);
      }
    }
  }

  /** The temporaries in {@code dir} of processes that no longer run. */
  static List<Path> stale(Path dir) throws IOException {
    List<Path> stale = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return stale;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      entries.forEach(
          p -> {
            Matcher m = TEMPORARY.matcher(p.getFileName().toString());
            if (m.matches() && !alive(Long.parseLong(m.group(2)))) {
              stale.add(p);
            }
          });
    }
    return stale;
  }

  /** Whether {@code file} is a temporary of this tool. */
  static boolean is(String file) {
    return TEMPORARY.matcher(file).matches();
  }

  /** Whether {@code file} is a temporary of this tool for {@code name}, of the given kind. */
  static boolean isOf(String file, String name, String kind) {
    Matcher m = TEMPORARY.matcher(file);
    return m.matches() && m.group(1).equals(name) && m.group(3).equals(kind);
  }

  /**
   * The processes other than this one, still running, that have a temporary of {@code kind} for
   * {@code name} in {@code dir}: another run writing the same folder.
   */
  static List<Long> writers(Path dir, String name, String kind) throws IOException {
    List<Long> pids = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        Matcher m = TEMPORARY.matcher(p.getFileName().toString());
        if (m.matches() && m.group(1).equals(name) && m.group(3).equals(kind)) {
          long pid = Long.parseLong(m.group(2));
          if (pid != self && alive(pid)) {
            pids.add(pid);
          }
        }
      }
    }
    return pids;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Deletes a file or a folder with everything below it. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
