package org.hsgd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Atomic file output and JSON rendering shared by every report. */
public final class Outputs {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Outputs() {}

  /** Pretty JSON of maps, lists, strings, numbers (full precision) and booleans. */
  public static String json(Object tree) {
    try {
      return JSON.writeValueAsString(tree) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }

  /**
   * Writes each file's bytes to a temporary file beside it, then moves every one into place, so a
   * failure leaves no truncated output.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void writeAll(Map<Path, byte[]> files) {
    List<Path[]> moves = new ArrayList<>();
    try {
      for (Map.Entry<Path, byte[]> file : files.entrySet()) {
        Path target = file.getKey().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        moves.add(new Path[] {temp, target});
        Files.write(temp, file.getValue());
      }
      for (Path[] move : moves) {
        Files.move(
            move[0], move[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      for (Path[] move : moves) {
        move[0].toFile().delete();
      }
      throw new UncheckedIOException("cannot write " + e.getMessage(), e);
    }
  }
}
