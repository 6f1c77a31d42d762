package org.hsgd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
   * failure leaves no truncated output. The files get the modes the umask gives any new file (0644
   * under the usual 022), not the owner-only 0600 of {@link Files#createTempFile}: results are
   * shared with collaborators.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void writeAll(Map<Path, byte[]> files) {
    files.keySet().forEach(f -> requireOrdinary(f, false));
    List<Path[]> moves = new ArrayList<>();
    Path target = null;
    try {
      for (Map.Entry<Path, byte[]> file : files.entrySet()) {
        target = file.getKey().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Temporaries.removeStale(target.getParent());
        Path temp = target.resolveSibling(Temporaries.name(target.getFileName().toString(), "tmp"));
        Files.write(temp, file.getValue(), StandardOpenOption.CREATE_NEW);
        moves.add(new Path[] {temp, target});
      }
      for (Path[] move : moves) {
        target = move[1];
        Files.move(
            move[0], move[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      for (Path[] move : moves) {
        move[0].toFile().delete();
      }
      throw new UncheckedIOException("cannot write " + target + " (" + reason(e) + ")", e);
    }
  }

  /**
   * Checks that files can be written in {@code dir}: its nearest existing ancestor is a folder in
   * which a folder can be made (tried, and removed at once: permission bits say nothing to root,
   * nor about /proc). Commands call it before a long computation.
   *
   * @throws org.hsgd.InvalidInputException naming "out" if not
   */
  public static void requireWritableFolder(Path dir) {
    requireOrdinary(dir, true);
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    Path found = existing;
    org.hsgd.Require.that(
        found != null && Files.isDirectory(found),
        "out",
        "must be a folder this user can write",
        () -> dir + (found == null ? "" : " (" + found + " is a file)"));
    Path probe = found.resolve(Temporaries.name("probe", "tmp"));
    try {
      Files.createDirectory(probe);
      Files.delete(probe);
    } catch (IOException e) {
      throw new org.hsgd.InvalidInputException(
          "out",
          "must be a folder this user can write",
          dir + " (" + found + ": " + reason(e) + ")");
    }
  }

  /**
   * Refuses an output path that is there but is not what it would become: a device ({@code
   * /dev/stdout}, {@code /dev/null}), a FIFO, a symbolic link (dangling or not), or a folder where
   * a file goes and a file where a folder goes. Writing would replace it with a regular file or
   * folder, or fail after the work was done.
   *
   * @param folder whether a folder goes there
   * @throws org.hsgd.InvalidInputException naming "out"
   */
  public static void requireOrdinary(Path path, boolean folder) {
    java.nio.file.LinkOption noFollow = java.nio.file.LinkOption.NOFOLLOW_LINKS;
    if (!Files.exists(path, noFollow)) {
      return;
    }
    String kind =
        Files.isSymbolicLink(path)
            ? "a symbolic link"
            : Files.isDirectory(path, noFollow)
                ? (folder ? "" : "a folder")
                : Files.isRegularFile(path, noFollow)
                    ? (folder ? "a file" : "")
                    : "a device or FIFO";
    if (!kind.isEmpty()) {
      throw new org.hsgd.InvalidInputException(
          "out",
          "must name a new " + (folder ? "folder" : "file") + " or an ordinary one to replace",
          path + " is " + kind);
    }
  }

  /** Why a file operation failed, in words, without temporary names. */
  static String reason(IOException e) {
    if (String.valueOf(e.getMessage()).contains("No space left")) {
      return "no space left on the device";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such folder";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return "input/output error"; // the message would name the temporary file
  }
}
