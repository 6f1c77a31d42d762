package org.hsgd.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Where a result came from: tool version, git commit, Java, and the exact inputs. */
public final class Provenance {
  private Provenance() {}

  /** The project version from the jar's Maven metadata, or "development" when run from classes. */
  public static String version() {
    try (InputStream in =
        Provenance.class.getResourceAsStream("/META-INF/maven/org.hsgd/hsgd/pom.properties")) {
      if (in == null) {
        return "development";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }

  /**
   * The git commit of the working directory, with "+dirty" for uncommitted changes, or "unknown".
   */
  public static String gitCommit() {
    String head = git("rev-parse", "HEAD");
    if (head.isEmpty()) {
      return "unknown";
    }
    return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+dirty";
  }

  /**
   * A manifest for a set of outputs: enough to redo the run and get the same numbers.
   *
   * @param rerun the command that reproduces the outputs
   * @param settings every input value after flags and config were merged
   * @param outputs the files written
   */
  public static Map<String, Object> manifest(
      String rerun, Map<String, Object> settings, List<String> outputs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool", "hsgd");
    m.put("version", version());
    m.put("gitCommit", gitCommit());
    m.put("java", System.getProperty("java.version"));
    m.put("rerun", rerun);
    m.put("settings", settings);
    m.put("outputs", outputs);
    return m;
  }

  private static String git(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
