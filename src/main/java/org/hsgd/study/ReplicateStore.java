package org.hsgd.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hsgd.experiment.Outcome;
import org.hsgd.experiment.OutcomeFormat;
import org.hsgd.experiment.Replicate;
import org.hsgd.report.ResultFolder;

/**
 * A study's finished replicates, one file each under {@code replicates/<key>.outcome} of its staged
 * result folder ({@link OutcomeFormat}: plain, versioned, checksummed, checked against the
 * replicate it claims to be), so that an interrupted or extended study finds the ones it already
 * has: {@link ResultFolder#stage(Path, String, String)} carries them from the published result and
 * from the folders of killed attempts. A file that does not read back whole is run again and
 * replaced; the outcomes of replicates the study no longer has are not kept.
 */
final class ReplicateStore {
  /** The subfolder of finished replicates, carried from one attempt to the next. */
  static final String FOLDER = "replicates";

  /** Larger than any outcome a study could hold in memory: such a file is not one of ours. */
  private static final long MAX_BYTES = 1L << 30;

  private final ResultFolder.Staging staging;
  private final Path dir;

  /**
   * @param dir the study's result folder, staged in {@code staging}
   */
  ReplicateStore(ResultFolder.Staging staging, Path dir) {
    this.staging = staging;
    this.dir = dir;
  }

  /** The stored outcome of a replicate, or empty if there is none that reads back whole. */
  Optional<Outcome> read(Replicate r) {
    return staging.read(file(r), MAX_BYTES).flatMap(bytes -> OutcomeFormat.decode(bytes, r));
  }

  /** Stores an outcome as it ends; returns the file written. */
  List<Path> write(Outcome o) {
    return staging.writeAll(Map.of(file(o.replicate()), OutcomeFormat.encode(o)));
  }

  /**
   * Removes the stored outcomes of replicates that are not among {@code current}: those of points
   * or seeds the study no longer has, or of settings since changed.
   *
   * @return how many were removed
   */
  int keepOnly(List<Replicate> current) {
    java.util.Set<String> wanted = new java.util.HashSet<>();
    current.forEach(r -> wanted.add(file(r).getFileName().toString()));
    int removed = 0;
    for (String name : staging.list(FOLDER)) {
      if (!wanted.contains(name)) {
        staging.remove(dir.resolve(FOLDER).resolve(name));
        removed++;
      }
    }
    return removed;
  }

  private Path file(Replicate r) {
    return dir.resolve(FOLDER).resolve(r.key() + ".outcome");
  }
}
