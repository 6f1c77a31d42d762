package org.hsgd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputsTest {
  @Test
  void filesGetTheModesOfAnyNewFileAndNoTemporaryIsLeft(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("plain.txt");
    Files.writeString(plain, "x"); // what the umask gives a new file
    Path result = dir.resolve("out/result.csv");
    Outputs.writeAll(Map.of(result, "a,b\n1,2\n".getBytes()));
    assertEquals("a,b\n1,2\n", Files.readString(result));
    assertEquals(
        Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(result), "modes");
    assertTrue(
        Files.getPosixFilePermissions(result).contains(PosixFilePermission.OTHERS_READ)
            || !Files.getPosixFilePermissions(plain).contains(PosixFilePermission.OTHERS_READ));
    try (var listing = Files.list(dir.resolve("out"))) {
      assertEquals(List.of(result), listing.toList());
    }
  }

  @Test
  void aFullDiskIsCalledSo() {
    org.junit.jupiter.api.Assertions.assertEquals(
        "no space left on the device",
        Outputs.reason(new java.io.IOException("No space left on device")));
    org.junit.jupiter.api.Assertions.assertEquals(
        "permission denied", Outputs.reason(new java.nio.file.AccessDeniedException("/x")));
  }
}
