package org.hsgd.study;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hsgd.experiment.Outcome;
import org.hsgd.experiment.Replicate;
import org.hsgd.report.ResultFolder;

/**
 * A study's finished replicates, one file each under {@code replicates/<key>.bin} of its staged
 * result folder, so that an interrupted or extended study finds the ones it already has: {@link
 * ResultFolder#stage(Path, String, String)} carries them from the published result and from the
 * folders of killed attempts.
 */
final class ReplicateStore {
  /** The subfolder of finished replicates, carried from one attempt to the next. */
  static final String FOLDER = "replicates";

  /** Only this tool's own types, and the JDK's collections and boxes, may be read back. */
  private static final ObjectInputFilter STORED_TYPES =
      ObjectInputFilter.Config.createFilter("org.hsgd.**;java.lang.*;java.util.*;java.util.**;!*");

  private final ResultFolder.Staging staging;
  private final Path dir;

  /**
   * @param dir the study's result folder, staged in {@code staging}
   */
  ReplicateStore(ResultFolder.Staging staging, Path dir) {
    this.staging = staging;
    this.dir = dir;
  }

  /** The stored outcome of a replicate, or empty if there is none that can be read. */
  Optional<Outcome> read(Replicate r) {
    return staging
        .read(file(r))
        .flatMap(ReplicateStore::decode)
        .map(stored -> new Outcome(r, stored.runs(), stored.divergence())); // same key, this point
  }

  /** Stores an outcome as it ends; returns the file written. */
  List<Path> write(Outcome o) {
    return staging.writeAll(Map.of(file(o.replicate()), encode(o)));
  }

  private Path file(Replicate r) {
    return dir.resolve(FOLDER).resolve(r.key() + ".bin");
  }

  static byte[] encode(Outcome o) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a replicate (" + e.getMessage() + ")", e);
    }
    return buffer.toByteArray();
  }

  /** A stored outcome, or empty if it cannot be read (written by another version: rerun it). */
  static Optional<Outcome> decode(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(STORED_TYPES);
      return in.readObject() instanceof Outcome o ? Optional.of(o) : Optional.empty();
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
