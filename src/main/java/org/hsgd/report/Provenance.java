package org.hsgd.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a result came from: tool version, git commit, Java, the command that reproduces it and
 * every input. Captured once per command and handed to every manifest it writes.
 *
 * @param toolVersion hsgd's version
 * @param gitCommit the commit of the working folder, with "+dirty" for uncommitted changes, or
 *     "unknown"
 * @param javaVersion the JVM's
 * @param rerun the command that reproduces the outputs
 * @param settings every input value after flags and config were merged
 */
public record Provenance(
    String toolVersion,
    String gitCommit,
    String javaVersion,
    String rerun,
    Map<String, Object> settings) {

  /** How long git may take to say which commit this is (a property, for tests). */
  private static final long GIT_SECONDS = Long.getLong("hsgd.git.seconds", 10);

  public Provenance {
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** The provenance of a command run now, from this folder: one call to git. */
  public static Provenance capture(String rerun, Map<String, Object> settings) {
    return new Provenance(
        version(), currentCommit(), System.getProperty("java.version"), rerun, settings);
  }

  /** The same provenance with another rerun line (a figure redrawn by another command). */
  public Provenance withRerun(String command) {
    return new Provenance(toolVersion, gitCommit, javaVersion, command, settings);
  }

  /**
   * A manifest for a set of outputs: enough to redo the run and get the same numbers.
   *
   * @param outputs the files written
   */
  public Map<String, Object> manifest(List<String> outputs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool", "hsgd");
    m.put("version", toolVersion);
    m.put("gitCommit", gitCommit);
    m.put("java", javaVersion);
    m.put("rerun", rerun);
    m.put("settings", settings);
    m.put("outputs", outputs);
    return m;
  }

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
   * The commit of the working folder from one {@code git status --porcelain=v2 --branch}: its
   * {@code branch.oid} line, and "+dirty" when any tracked file changed; "unknown" outside a
   * repository, without git, or when git does not answer within 10 s.
   */
  private static String currentCommit() {
    List<String> lines =
        git("status", "--porcelain=v2", "--branch", "--untracked-files=no").lines().toList();
    String head =
        lines.stream()
            .filter(l -> l.startsWith("# branch.oid "))
            .map(l -> l.substring("# branch.oid ".length()).trim())
            .filter(oid -> oid.matches("[0-9a-f]{40}"))
            .findFirst()
            .orElse("");
    if (head.isEmpty()) {
      return "unknown";
    }
    return lines.stream().anyMatch(l -> !l.startsWith("#")) ? head + "+dirty" : head;
  }

  /** Git's output, read while it runs (so that a full pipe cannot stall it), or "" on failure. */
  private static String git(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return "";
    }
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try {
      String text = out.get(GIT_SECONDS, TimeUnit.SECONDS);
      return p.waitFor(GIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0 ? text : "";
    } catch (TimeoutException | ExecutionException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    } finally {
      p.destroyForcibly();
    }
  }
}
