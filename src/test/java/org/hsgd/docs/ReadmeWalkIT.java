package org.hsgd.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk: every command of its shell blocks, in its order, run as written with the
 * packaged launcher in a copy of the project (so that the walk's results folders are its own). Each
 * must succeed ({@code check} may end inconclusive, exit 3, as the README says where) and print no
 * line wider than 120 characters. Two commands are left out: {@code scripts/test}, the suite that
 * runs this test, and {@code spark-submit}, whose master is the reader's own cluster. The commands
 * and their times are written to target/readme-walk.txt.
 */
class ReadmeWalkIT {
  /** The fences of shell blocks: none, or a shell named. */
  private static final List<String> SHELL = List.of("", "bash", "sh");

  private static final List<String> PROJECT =
      List.of(
          "hsgd",
          "pom.xml",
          "src",
          "scripts",
          "experiments",
          "examples",
          "bounds",
          "notebooks",
          "README.md");
  private static final List<String> BUILT =
      List.of("hsgd.jar", "hsgd-executor.jar", "spark.classpath");

  @Test
  void everyCommandOfTheReadmeRunsAsWrittenInItsOrder(@TempDir Path copy) throws Exception {
    List<Step> commands = commands(Files.readString(Path.of("README.md")));
    assertTrue(commands.size() >= 15, "the walk found the README's commands: " + commands);
    copyProject(copy);
    StringBuilder report = new StringBuilder();
    try {
      for (Step step : commands) {
        String command = step.command();
        long start = System.nanoTime();
        Process p =
            new ProcessBuilder("bash", "-c", command)
                .directory(copy.toFile())
                .redirectOutput(copy.resolve("walk.out").toFile())
                .redirectError(copy.resolve("walk.err").toFile())
                .start();
        boolean done = p.waitFor(600, TimeUnit.SECONDS);
        if (!done) {
          p.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String out = Files.readString(copy.resolve("walk.out"), StandardCharsets.UTF_8);
        String err = Files.readString(copy.resolve("walk.err"), StandardCharsets.UTF_8);
        report.append(
            String.format(
                Locale.ROOT,
                "%7.1f s  exit %d  %s%n",
                seconds,
                done ? p.exitValue() : -1,
                command));
        assertTrue(done, command + " did not finish in 600 s");
        boolean check = command.startsWith("./hsgd check");
        assertTrue(
            p.exitValue() == 0
                || (check && p.exitValue() == 3)
                || p.exitValue() == step.documentedExit(),
            command + " exited " + p.exitValue() + ":\n" + err);
        // JSON, CSV and LaTeX are files for other programs, whose strings and rows do not wrap.
        boolean data = command.contains("--format ");
        for (String line : data ? new String[0] : out.split("\n")) {
          assertTrue(
              line.length() <= 120, command + " printed a line of " + line.length() + ": " + line);
        }
      }
    } finally {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "readme-walk.txt"), report.toString());
      run(copy, "scripts/spark-cluster stop >/dev/null 2>&1 || true");
    }
  }

  /**
   * A command of the README, and the exit code its comment says it ends with ("# ... exit 1"), or
   * -1.
   */
  record Step(String command, int documentedExit) {}

  private static final java.util.regex.Pattern EXIT =
      java.util.regex.Pattern.compile("#.*\\bexit (\\d)\\b");

  /** The commands of the README's shell blocks, continuation lines joined, comments dropped. */
  static List<Step> commands(String readme) {
    List<Step> commands = new ArrayList<>();
    boolean inBlock = false;
    boolean shell = false;
    StringBuilder pending = new StringBuilder();
    for (String raw : readme.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        shell = inBlock && SHELL.contains(line.substring(3).strip());
        continue;
      }
      if (!shell) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1);
        continue;
      }
      String whole = pending.append(line).toString().replaceAll("\\s+", " ");
      String command = withoutComment(whole);
      pending.setLength(0);
      boolean runnable = command.startsWith("./hsgd ") || command.startsWith("scripts/");
      if (runnable && !command.equals("scripts/test")) {
        var exit = EXIT.matcher(whole.substring(command.length()));
        commands.add(new Step(command, exit.find() ? Integer.parseInt(exit.group(1)) : -1));
      }
    }
    return commands;
  }

  /** The line up to a {@code #} that starts a comment: after a space, outside quotes. */
  private static String withoutComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == '#' && !quoted && i > 0 && line.charAt(i - 1) == ' ') {
        return line.substring(0, i).strip();
      }
    }
    return line;
  }

  @Test
  void theWalkReadsCommandsAsAShellWould() {
    String readme =
        "text\n```\n./hsgd check a.yaml   # the main job; exit 1\nscripts/test  # suite\n```\n"
            + "```yaml\nkey: 1\n```\n```\n./hsgd bound --n 4 \\\n   --T 10 'x # y'\n"
            + "hsgd bound: an error message\n```\n";
    assertEquals(
        List.of(
            new Step("./hsgd check a.yaml", 1), new Step("./hsgd bound --n 4 --T 10 'x # y'", -1)),
        commands(readme));
  }

  /**
   * The project's sources and its built jars, times kept, so that the launcher does not rebuild.
   */
  private static void copyProject(Path copy) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("cp", "-a"));
    command.addAll(PROJECT);
    command.add(copy.toString());
    assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
    Files.createDirectories(copy.resolve("target"));
    for (String file : BUILT) {
      Path built = Path.of("target", file);
      if (Files.exists(built)) {
        assertEquals(
            0,
            new ProcessBuilder("cp", "-a", built.toString(), copy.resolve("target").toString())
                .start()
                .waitFor());
      }
    }
  }

  private static void run(Path dir, String command) throws IOException, InterruptedException {
    new ProcessBuilder("bash", "-c", command)
        .directory(dir.toFile())
        .start()
        .waitFor(120, TimeUnit.SECONDS);
  }
}
