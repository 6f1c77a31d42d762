package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Special files and slow tools end in a clear line, never in a hang. */
class NoHangTest {
  private static void assertRefusedQuickly(String... args) {
    Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run(args));
    assertEquals(2, cli.exitCode(), String.join(" ", args) + ": " + cli.err());
    assertEquals(1, cli.err().lines().count(), cli.err());
  }

  private static Path fifo(Path dir, String name) throws Exception {
    Path fifo = dir.resolve(name);
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    return fifo;
  }

  @Test
  void aConfigMustBeARegularFileOfAConfigsSize(@TempDir Path dir) throws Exception {
    Path fifo = fifo(dir, "config.yaml");
    assertRefusedQuickly("simulate", fifo.toString());
    assertRefusedQuickly("check", fifo.toString());
    assertRefusedQuickly("bound", "--config", fifo.toString());
    assertRefusedQuickly("simulate", "/dev/zero");
    assertRefusedQuickly("plan", "--config", dir.toString());
    Path huge = dir.resolve("huge.yaml");
    Files.write(huge, ("# " + "x".repeat(1000) + "\n").repeat(5000).getBytes());
    assertRefusedQuickly("simulate", huge.toString());
  }

  @Test
  void aResultsFolderWhoseTableIsAFifoIsRefused(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("results"));
    fifo(folder, "trace.csv");
    assertRefusedQuickly("plot", folder.toString());
  }

  @Test
  void aGitThatNeverAnswersDelaysNothingForLong(@TempDir Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path git = Files.writeString(bin.resolve("git"), "#!/bin/sh\nexec sleep 1000\n");
    assertTrue(git.toFile().setExecutable(true));
    Path out = dir.resolve("b.json");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhsgd.git.seconds=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.hsgd.cli.Main"));
    command.addAll(
        List.of(BoundCommandTest.with(BoundCommandTest.TWO_LEVEL, "--out", out.toString())));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    boolean finished = p.waitFor(20, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    assertTrue(finished, "finished while git still sleeps");
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), err);
    var manifest = new ObjectMapper().readTree(dir.resolve("b.json.manifest.json").toFile());
    assertEquals("unknown", manifest.get("gitCommit").asText());
    assertTrue(List.of(err.split("\n")).size() <= 1, err);
  }
}
