package org.hsgd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only this tool's temporaries of dead processes are removed; a user's look-alikes never are. */
class TemporariesTest {
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void aUsersFilesThatLookLikeTemporariesAreNeverRemoved(@TempDir Path dir) throws Exception {
    long dead = deadPid();
    List<Path> users =
        List.of(
            dir.resolve(".zshrc.2024.0115.old"),
            dir.resolve(".notes." + dead + ".abc.tmp"),
            dir.resolve(".b.json." + dead + ".0123456789abcdef.tmp"),
            dir.resolve(".x." + dead + ".0123456789abcdef.hsgd-other"));
    for (Path p : users) {
      Files.writeString(p, "mine");
    }
    Path folder = Files.createDirectories(dir.resolve(".thesis.2023.12.old"));
    Files.writeString(folder.resolve("chapter.tex"), "mine");
    Path stale = dir.resolve(".b.json." + dead + ".0123456789abcdef.hsgd-tmp");
    Files.writeString(stale, "left by a killed hsgd");
    Path live =
        dir.resolve(".c.json." + ProcessHandle.current().pid() + ".0123456789abcdef.hsgd-tmp");
    Files.writeString(live, "being written now");

    Outputs.writeAll(Map.of(dir.resolve("b.json"), "{}".getBytes()));

    for (Path p : users) {
      assertTrue(Files.exists(p), p.toString());
    }
    assertTrue(Files.exists(folder.resolve("chapter.tex")));
    assertFalse(Files.exists(stale), "a dead process's temporary goes");
    assertTrue(Files.exists(live), "a running process's stays");
  }

  @Test
  void anotherFoldersKilledStudyKeepsItsReplicates(@TempDir Path dir) throws Exception {
    long dead = deadPid();
    Path killed = dir.resolve(".study." + dead + ".0123456789abcdef.hsgd-partial");
    Files.createDirectories(killed.resolve("replicates"));
    Files.writeString(killed.resolve("replicates/a.bin"), "finished");
    ResultFolder.publish(
        dir.resolve("other"),
        "experiment 'other'",
        Map.of(dir.resolve("other/x.csv"), new byte[1]));
    Outputs.writeAll(Map.of(dir.resolve("y.json"), new byte[1]));
    assertTrue(Files.exists(killed.resolve("replicates/a.bin")), "left for its own next attempt");
    // Its own next attempt carries them and removes the dead folder.
    try (ResultFolder.Staging staging =
        ResultFolder.stage(dir.resolve("study"), "study 's'", "replicates")) {
      assertTrue(staging.read(dir.resolve("study/replicates/a.bin"), 100).isPresent());
    }
    assertFalse(Files.exists(killed));
  }

  @Test
  void aLinkInAKilledStudysFolderIsNeverFollowed(@TempDir Path dir) throws Exception {
    Path precious = Files.createDirectories(dir.resolve("precious"));
    Files.writeString(precious.resolve("thesis.tex"), "mine");
    Path killed = dir.resolve(".study." + deadPid() + ".0123456789abcdef.hsgd-partial");
    Files.createDirectories(killed);
    Files.createSymbolicLink(killed.resolve("replicates"), precious);
    try (ResultFolder.Staging staging =
        ResultFolder.stage(dir.resolve("study"), "study 's'", "replicates")) {
      assertFalse(staging.read(dir.resolve("study/replicates/thesis.tex"), 100).isPresent());
    }
    assertEquals("mine", Files.readString(precious.resolve("thesis.tex")));
  }
}
