package org.hsgd.experiment;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hsgd.InvalidInputException;
import org.hsgd.data.DataFiles;
import org.hsgd.data.FashionMnist;
import org.hsgd.data.Mnist;
import org.hsgd.data.StoredData;

/**
 * Where the datasets that live in files come from: one file per dataset, found in this machine's
 * cache when the sources are made (so that a missing dataset is one clear error before anything
 * runs), read at most once per sources object. An engine ships {@link #files} to machines without
 * the cache and rebuilds the sources there with {@link #relocated}. Data drawn from a seed (a
 * Gaussian mixture) needs no source.
 */
public final class DataSources implements java.io.Serializable {

  /**
   * A dataset kept in a file.
   *
   * @param file its file in the cache, made ready there if needed
   * @param read the dataset in a file
   */
  private record Kind(Function<Path, Path> file, Function<Path, StoredData> read) {}

  /**
   * Every dataset kept in a file, by the name a {@link DataSpec} gives in {@link DataSpec#source}.
   */
  private static final Map<String, Kind> KINDS =
      Map.of(
          "mnist",
          new Kind(Mnist::binaryFile, f -> new StoredData(Mnist.read(f), Optional.empty())),
          "fashion-mnist",
          new Kind(c -> FashionMnist.binaryFile(c, FashionMnist.DEBIAN), StoredData::read));

  /** The kind of a dataset by name: a named one, or files a config points to. */
  private static Kind kind(String name) {
    DataFiles files = DataFiles.of(name);
    return files != null ? new Kind(files::binaryFile, StoredData::read) : KINDS.get(name);
  }

  /** Each dataset's file by name, as text: a {@link Path} does not travel to executors. */
  private final Map<String, String> files;

  private transient Map<String, StoredData> loaded;

  private DataSources(Map<String, Path> files) {
    Map<String, String> names = new LinkedHashMap<>();
    files.forEach((name, file) -> names.put(name, file.toString()));
    this.files = java.util.Collections.unmodifiableMap(names);
  }

  /** No dataset: for specs whose data all comes from their seeds. */
  public static DataSources none() {
    return new DataSources(Map.of());
  }

  /**
   * The sources of the named datasets, from the cache ({@code $HSGD_CACHE}, or ~/.cache/hsgd).
   *
   * @param names as {@link ProblemSpec#dataSource} gives them
   * @throws InvalidInputException naming the data source, if a dataset is not in the cache
   */
  public static DataSources fromCache(Collection<String> names) {
    Path cache = Mnist.defaultCache();
    Map<String, Path> files = new LinkedHashMap<>();
    for (String name : names) {
      files.computeIfAbsent(name, n -> kind(n).file().apply(cache));
    }
    return new DataSources(files);
  }

  /** Each dataset's file, by name: what an engine ships to its executors. */
  public Map<String, Path> files() {
    Map<String, Path> paths = new LinkedHashMap<>();
    files.forEach((name, file) -> paths.put(name, Path.of(file)));
    return paths;
  }

  /** The same datasets at other paths (where an engine shipped them), by name. */
  public DataSources relocated(Map<String, Path> moved) {
    Map<String, Path> all = new LinkedHashMap<>(files());
    all.putAll(moved);
    return new DataSources(all);
  }

  /**
   * A dataset by name, read from its file the first time it is asked for.
   *
   * @throws InvalidInputException if these sources were made without it
   */
  synchronized StoredData data(String name) {
    if (loaded == null) {
      loaded = new HashMap<>();
    }
    String file = files.get(name);
    if (file == null) {
      throw new InvalidInputException(
          "data.source", "must be among the datasets found before the run", name);
    }
    return loaded.computeIfAbsent(name, n -> kind(n).read().apply(Path.of(file)));
  }
}
