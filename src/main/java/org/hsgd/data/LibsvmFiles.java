package org.hsgd.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hsgd.InvalidInputException;

/**
 * LIBSVM files a config points to: a training file and, optionally, a test file. Their labels
 * together make the classes, in numeric order, and their largest feature index the dimension (a
 * test file may use a feature the training file never does, as a9a's does).
 *
 * @param test the test file, or empty (a seeded fraction is then held out)
 */
public record LibsvmFiles(Path train, Optional<Path> test) implements DataFiles {
  /** How the name of such a dataset starts (see {@link #name}). */
  public static final String PREFIX = "libsvm:";

  private static final List<String> KEYS = List.of("data.train", "data.test");

  public LibsvmFiles {
    train = train.toAbsolutePath().normalize();
    test = test.map(t -> t.toAbsolutePath().normalize());
  }

  static LibsvmFiles of(List<Path> files) {
    return new LibsvmFiles(
        files.get(0), files.size() == 2 ? Optional.of(files.get(1)) : Optional.empty());
  }

  @Override
  public List<Path> files() {
    List<Path> all = new ArrayList<>(List.of(train));
    test.ifPresent(all::add);
    return all;
  }

  @Override
  public List<String> keys() {
    return KEYS.subList(0, files().size());
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  /** The first pass over each file: checked, counted. */
  private List<Libsvm.Shape> shapes() {
    requireFiles();
    List<Libsvm.Shape> shapes = new ArrayList<>();
    for (int i = 0; i < files().size(); i++) {
      shapes.add(Libsvm.shape(files().get(i), KEYS.get(i)));
    }
    Map<Double, Integer> classes = Libsvm.classes(shapes);
    if (classes.size() < 2) {
      throw new InvalidInputException(
          KEYS.get(0),
          "must hold samples of at least two labels (classes)",
          train + " has only the label " + classes.keySet().iterator().next());
    }
    return shapes;
  }

  private static int features(List<Libsvm.Shape> shapes) {
    int features = 1;
    for (Libsvm.Shape s : shapes) {
      features = Math.max(features, s.features());
    }
    return features;
  }

  @Override
  public StoredData read() {
    List<Libsvm.Shape> shapes = shapes();
    Map<Double, Integer> classes = Libsvm.classes(shapes);
    int features = features(shapes);
    List<Dataset> sets = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      Runtime rt = Runtime.getRuntime();
      long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
      sets.add(
          Libsvm.read(files().get(i), KEYS.get(i), shapes.get(i), classes, features, available));
    }
    return new StoredData(sets.get(0), sets.stream().skip(1).findFirst());
  }

  /** From a pass over each file. */
  @Override
  public DataShape shape() {
    List<Libsvm.Shape> shapes = shapes();
    int widest = 0;
    for (Libsvm.Shape s : shapes) {
      widest = Math.max(widest, s.widestRow());
    }
    Libsvm.Shape train = shapes.get(0);
    return new DataShape(
        features(shapes), Libsvm.classes(shapes).size(), train.samples(), train.values(), widest);
  }
}
