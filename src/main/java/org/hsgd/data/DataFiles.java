package org.hsgd.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.hsgd.InvalidInputException;

/**
 * Data files a config points to, in a format hsgd reads: the first load converts them into a binary
 * of the cache ({@link StoredData}) named by a hash of the files' paths, sizes and times, so that a
 * changed file is read again and an engine ships one file. A dataset is named by its format's
 * prefix and the files' absolute paths ({@link #name}), which {@link #of} reads back.
 */
public sealed interface DataFiles permits IdxFiles, LibsvmFiles {
  /** The files, training first. */
  List<Path> files();

  /** The config key of each file, in the order of {@link #files}. */
  List<String> keys();

  /** How the dataset's name starts: the format, then a colon. */
  String prefix();

  /** The files' samples, read and checked, with their own test set if they have one. */
  StoredData read();

  /**
   * What a config needs to know before the run, read from the files' headers or a pass over them.
   */
  DataShape shape();

  /** The dataset's name: the format's prefix and the files' absolute paths. */
  default String name() {
    return prefix() + String.join("\n", files().stream().map(Path::toString).toList());
  }

  /** The files of a name that {@link #name} made, or null if it names none. */
  static DataFiles of(String name) {
    if (name.startsWith(IdxFiles.PREFIX)) {
      return IdxFiles.of(paths(name, IdxFiles.PREFIX));
    }
    if (name.startsWith(LibsvmFiles.PREFIX)) {
      return LibsvmFiles.of(paths(name, LibsvmFiles.PREFIX));
    }
    return null;
  }

  private static List<Path> paths(String name, String prefix) {
    return java.util.Arrays.stream(name.substring(prefix.length()).split("\n"))
        .map(Path::of)
        .toList();
  }

  /** The binaries of files by path that the cache keeps, the most recently used. */
  int KEPT = 16;

  /**
   * The cache's binary of these files, converted first if needed. The cache keeps the {@link #KEPT}
   * most recently used such binaries (in its folder files/), so that files edited again and again,
   * or made afresh by every test run, do not fill the disk.
   *
   * @throws InvalidInputException naming the key of a file that is missing, a folder, or not in the
   *     format
   */
  default Path binaryFile(Path cache) {
    requireFiles();
    Path folder = cache.resolve("files");
    Path binary = folder.resolve(prefix().replace(":", "-") + fingerprint() + ".bin");
    try {
      if (Files.exists(binary)) {
        Files.setLastModifiedTime(
            binary, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
      } else {
        read().write(binary);
        try (java.util.stream.Stream<Path> all = Files.list(folder)) {
          List<Path> older =
              all.filter(f -> f.toString().endsWith(".bin") && !f.equals(binary))
                  .sorted(java.util.Comparator.comparing(DataFiles::lastUse).reversed())
                  .toList();
          for (Path f : older.subList(Math.min(older.size(), KEPT - 1), older.size())) {
            Files.deleteIfExists(f);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the data cache " + folder, e);
    }
    return binary;
  }

  private static long lastUse(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0; // gone already: first to go
    }
  }

  /**
   * @throws InvalidInputException naming the key of the first file that is missing or a folder
   */
  default void requireFiles() {
    for (int i = 0; i < files().size(); i++) {
      Path f = files().get(i);
      if (!Files.isRegularFile(f)) {
        throw new InvalidInputException(
            keys().get(i),
            "must name an existing "
                + prefix().replace(":", "").toUpperCase(java.util.Locale.ROOT)
                + " file (not a folder)",
            f + (Files.isDirectory(f) ? " is a folder" : " does not exist"));
      }
    }
  }

  /** SHA-256 of each file's path, size and last change. */
  private String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path f : files()) {
        String stamp =
            f.toAbsolutePath().normalize()
                + "|"
                + Files.size(f)
                + "|"
                + Files.getLastModifiedTime(f).toMillis()
                + "\n";
        sha.update(stamp.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + files().get(0), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
