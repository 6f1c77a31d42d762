package org.hsgd.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hsgd.InvalidInputException;

/**
 * A folder of results that appears all at once or not at all. Its files are written into a hidden
 * temporary folder beside it, which is then renamed into place; an earlier result of the same owner
 * (the same experiment or sweep) is replaced whole, never merged with the new one, and a folder
 * that holds anything else is refused. A hidden marker, {@value #MARKER}, names the owner and the
 * files. Temporaries left by a process that was killed are removed by the next write.
 */
public final class ResultFolder {
  /** The marker file in every result folder. */
  public static final String MARKER = ".hsgd-results";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Staging folders this process kept after a failure (an error stopped a study): like those of
   * killed processes, the next attempt at the same folder carries what they hold, in this process
   * too (a notebook that tries again).
   */
  private static final Set<Path> ABANDONED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private ResultFolder() {}

  /**
   * Checks, before a long computation, that {@code dir} can take the results of {@code owner}: it
   * is missing or empty, or holds an earlier result of the same owner and nothing else.
   *
   * @throws InvalidInputException naming "out" otherwise
   */
  public static void requireAvailable(Path dir, String owner) {
    Outputs.requireWritableFolder(dir);
    if (!Files.isDirectory(dir) || isEmpty(dir)) {
      return;
    }
    Marker marker = Marker.read(dir);
    if (marker == null) {
      throw new InvalidInputException(
          "out",
          "must be a new or empty folder, or hold only earlier results of the same experiment",
          dir + " holds other files");
    }
    if (!marker.owner().equals(owner)) {
      throw new InvalidInputException(
          "out",
          "must not hold the results of another experiment or sweep",
          dir + " holds those of " + marker.owner());
    }
    Set<String> foreign = new TreeSet<>(relativeFiles(dir));
    foreign.removeAll(marker.files());
    foreign.remove(MARKER);
    if (!foreign.isEmpty()) {
      throw new InvalidInputException(
          "out",
          "must hold only earlier results of the same experiment",
          dir + " also holds " + foreign.iterator().next());
    }
  }

  /**
   * Makes {@code dir} hold exactly {@code files} (keyed by their paths in {@code dir}), replacing
   * an earlier result of the same owner.
   *
   * @return whether an earlier result was replaced
   * @throws InvalidInputException if the folder holds anything else
   * @throws UncheckedIOException if the files cannot be written; nothing is left behind
   */
  public static boolean publish(Path dir, String owner, Map<Path, byte[]> files) {
    try (Staging staging = stage(dir, owner)) {
      staging.writeAll(files);
      return staging.publish();
    }
  }

  /**
   * Opens the hidden folder in which a result is built, file by file as it is computed (so that a
   * long study need not hold every finished run's files in memory), until {@link Staging#publish}
   * renames it into place. Closing it unpublished removes it.
   *
   * @throws InvalidInputException if {@code dir} cannot take the results of {@code owner}
   */
  public static Staging stage(Path dir, String owner) {
    return stage(dir, owner, null);
  }

  /**
   * As {@link #stage(Path, String)}, first carrying into the new folder the files of the subfolder
   * {@code keep} that earlier attempts at the same folder left: those of its published result
   * (copied) and those in the temporaries of processes killed before they published (moved). A
   * study keeps its finished replicates there, so that it resumes where it was interrupted.
   *
   * @param keep a subfolder name, or null to carry nothing
   */
  public static Staging stage(Path dir, String owner, String keep) {
    Path target = dir.toAbsolutePath().normalize();
    requireAvailable(target, owner);
    Path parent = target.getParent();
    String name = target.getFileName().toString();
    Path partial = parent.resolve(Temporaries.name(name, "partial"));
    List<String> carried = new ArrayList<>();
    try {
      Files.createDirectories(parent);
      Files.createDirectory(partial);
      // Two runs into one folder: the later one is refused now, not after its work.
      List<Long> writers = Temporaries.writers(parent, name, "partial");
      if (!writers.isEmpty()) {
        Temporaries.deleteTree(partial);
        throw new InvalidInputException(
            "out",
            "must not be written by two runs at once",
            target + " is being written by process " + writers.get(0));
      }
      if (keep != null) {
        carry(target.resolve(keep), partial.resolve(keep), false, carried);
      }
      List<Path> earlier = new ArrayList<>(Temporaries.stale(parent));
      ABANDONED.stream().filter(p -> parent.equals(p.getParent())).forEach(earlier::add);
      for (Path stale : earlier) {
        // A killed attempt at this folder: what it kept is carried, the rest goes. Another
        // folder's is left for that folder's next attempt, which resumes from it.
        if (Temporaries.isOf(stale.getFileName().toString(), name, "partial")) {
          if (keep != null) {
            carry(stale.resolve(keep), partial.resolve(keep), true, carried);
          }
          Temporaries.deleteTree(stale);
          ABANDONED.remove(stale);
        }
      }
      Temporaries.removeStale(parent);
    } catch (IOException e) {
      try {
        Temporaries.deleteTree(partial);
      } catch (IOException ignored) {
        // the next write removes what is left
      }
      throw new UncheckedIOException("cannot write " + target + " (" + Outputs.reason(e) + ")", e);
    }
    carried.replaceAll(f -> keep + "/" + f);
    return new Staging(target, owner, partial, carried);
  }

  /** The files of folder {@code from} (not below it) into {@code to}, where not there yet. */
  private static void carry(Path from, Path to, boolean move, List<String> carried)
      throws IOException {
    if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
      return; // nor through a link: it may lead anywhere
    }
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
        if (Temporaries.is(f.getFileName().toString())) {
          continue; // cut off by the kill: never whole
        }
        Path destination = to.resolve(f.getFileName().toString());
        if (Files.exists(destination)) {
          continue;
        }
        if (move) {
          Files.move(f, destination);
        } else {
          Files.copy(f, destination);
        }
        carried.add(f.getFileName().toString());
      }
    }
  }

  /** A result folder being built; see {@link #stage}. */
  public static final class Staging implements AutoCloseable {
    private final Path target;
    private final String owner;
    private final Path partial;
    private final java.util.Set<String> written;
    private boolean published;
    private boolean kept;

    private Staging(Path target, String owner, Path partial, List<String> carried) {
      this.target = target;
      this.owner = owner;
      this.partial = partial;
      this.written = new java.util.LinkedHashSet<>(carried);
    }

    /**
     * The bytes of a regular file already in the folder (written, or carried over), if it is there
     * and holds at most {@code maxBytes}.
     */
    public java.util.Optional<byte[]> read(Path file, long maxBytes) {
      Path path = partial.resolve(target.relativize(file.toAbsolutePath().normalize()));
      try {
        return Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && Files.size(path) <= maxBytes
            ? java.util.Optional.of(Files.readAllBytes(path))
            : java.util.Optional.empty();
      } catch (IOException e) {
        return java.util.Optional.empty();
      }
    }

    /** The files in a subfolder of the folder (written, or carried over), by name. */
    public List<String> list(String subfolder) {
      Path folder = partial.resolve(subfolder);
      if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return List.of();
      }
      try (Stream<Path> files = Files.list(folder)) {
        return files.map(p -> p.getFileName().toString()).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + folder + " (" + Outputs.reason(e) + ")", e);
      }
    }

    /** Removes a file from the folder before it is published. */
    public void remove(Path file) {
      Path relative = target.relativize(file.toAbsolutePath().normalize());
      try {
        Files.deleteIfExists(partial.resolve(relative));
        written.remove(relative.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write " + target + " (" + Outputs.reason(e) + ")", e);
      }
    }

    /**
     * Leaves the unpublished folder in place when closed, so that the next attempt carries over
     * what it holds (see {@link ResultFolder#stage(Path, String, String)}).
     */
    public void keepIfUnpublished() {
      kept = true;
    }

    /**
     * Writes files, keyed by their final paths in the result folder.
     *
     * @return those paths, in order
     */
    public List<Path> writeAll(Map<Path, byte[]> files) {
      try {
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
          Path relative = target.relativize(file.getKey().toAbsolutePath().normalize());
          Path path = partial.resolve(relative);
          Files.createDirectories(path.getParent());
          // Whole or not at all, even here: a killed writer leaves no cut file that the next
          // attempt would carry, and a file written again replaces the one there.
          Path temp = path.resolveSibling(Temporaries.name(path.getFileName().toString(), "tmp"));
          Files.write(temp, file.getValue(), StandardOpenOption.CREATE_NEW);
          Files.move(
              temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          written.add(relative.toString());
        }
        return List.copyOf(files.keySet());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write " + target + " (" + Outputs.reason(e) + ")", e);
      }
    }

    /**
     * Renames the folder into place, replacing an earlier result of the same owner whole.
     *
     * @return whether an earlier result was replaced
     */
    public boolean publish() {
      Path old =
          target.getParent().resolve(Temporaries.name(target.getFileName().toString(), "old"));
      try {
        requireAvailable(target, owner);
        new Marker(owner, List.copyOf(written)).write(partial);
        boolean replacing = Files.exists(target);
        if (replacing) {
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        published = true;
        Temporaries.deleteTree(old);
        return replacing;
      } catch (IOException e) {
        try {
          if (Files.exists(old) && !Files.exists(target)) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
          }
        } catch (IOException ignored) {
          // the next write removes what is left
        }
        throw new UncheckedIOException(
            "cannot write " + target + " (" + Outputs.reason(e) + ")", e);
      }
    }

    /** Removes the folder unless it was published. */
    @Override
    public void close() {
      if (!published && kept) {
        ABANDONED.add(partial);
      }
      if (!published && !kept) {
        try {
          Temporaries.deleteTree(partial);
        } catch (IOException ignored) {
          // the next write removes what is left
        }
      }
    }
  }

  /** Whose a folder is that holds only figures drawn by {@code hsgd plot}. */
  private static final String PLOT_OWNER = "figures of hsgd plot";

  /**
   * Refuses to replace any of {@code files} in {@code dir} that this tool did not write there (its
   * marker lists what it wrote): a user's own {@code training.png} is never overwritten.
   *
   * @throws InvalidInputException naming "out" and the first such file
   */
  public static void requireOwnFiles(Path dir, List<Path> files) {
    Marker marker = Marker.read(dir);
    Set<String> own = marker == null ? Set.of() : new TreeSet<>(marker.files());
    for (Path f : files) {
      String relative = dir.toAbsolutePath().relativize(f.toAbsolutePath()).toString();
      if (Files.exists(f, LinkOption.NOFOLLOW_LINKS) && !own.contains(relative)) {
        throw new InvalidInputException(
            "out",
            "must not hold files of the same names that hsgd did not write there",
            f + " is there");
      }
    }
  }

  /**
   * Adds files to a folder's marker, so that they count as its own (figures redrawn into it); a
   * folder without one gets one that names them as figures of {@code hsgd plot}.
   */
  public static void adopt(Path dir, List<Path> files) {
    Marker found = Marker.read(dir);
    Marker marker = found != null ? found : new Marker(PLOT_OWNER, List.of());
    Set<String> all = new TreeSet<>(marker.files());
    files.forEach(f -> all.add(dir.toAbsolutePath().relativize(f.toAbsolutePath()).toString()));
    Outputs.writeAll(
        Map.of(
            dir.resolve(MARKER),
            new Marker(marker.owner(), List.copyOf(all)).json().getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + " (" + Outputs.reason(e) + ")", e);
    }
  }

  private static List<String> relativeFiles(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + " (" + Outputs.reason(e) + ")", e);
    }
  }

  /** Who wrote a result folder, and which files. */
  private record Marker(String owner, List<String> files) {
    static Marker read(Path dir) {
      Path file = dir.resolve(MARKER);
      if (!Files.isRegularFile(file)) {
        return null;
      }
      try {
        var tree = JSON.readTree(file.toFile());
        List<String> files = new ArrayList<>();
        tree.path("files").forEach(f -> files.add(f.asText()));
        return new Marker(tree.path("owner").asText(), files);
      } catch (IOException e) {
        return null; // unreadable: treated as a folder of other files
      }
    }

    String json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("owner", owner);
      m.put("files", files);
      return Outputs.json(m);
    }

    void write(Path dir) throws IOException {
      Files.writeString(dir.resolve(MARKER), json(), StandardOpenOption.CREATE_NEW);
    }
  }
}
