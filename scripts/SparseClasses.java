import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a two-class sparse dataset in LIBSVM text, shaped like the text-classification sets of
 * the local-SGD literature (a9a, w8a, rcv1): binary features whose popularity falls as a power law,
 * 10 to 40 of 1,000 in use per sample, and labels +1/-1 from a hidden linear rule with noise, so
 * that logistic regression cannot reach 100 %. Seeded: the same files on every machine.
 *
 * <p>Usage: java SparseClasses.java FOLDER (writes FOLDER/train.svm and FOLDER/test.svm)
 */
public final class SparseClasses {
  private static final int FEATURES = 1_000;
  private static final int TRAIN = 16_000;
  private static final int TEST = 4_000;
  private static final long SEED = 20_261_204L;

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    Files.createDirectories(folder);
    SplittableRandom random = new SplittableRandom(SEED);
    double[] weight = new double[FEATURES];
    double[] popularity = new double[FEATURES]; // cumulative, rank^-1.1
    double total = 0;
    for (int f = 0; f < FEATURES; f++) {
      weight[f] = gaussian(random);
      total += StrictMath.pow(f + 1, -1.1);
      popularity[f] = total;
    }
    write(folder.resolve("train.svm"), TRAIN, weight, popularity, random);
    write(folder.resolve("test.svm"), TEST, weight, popularity, random);
  }

  private static void write(
      Path file, int samples, double[] weight, double[] popularity, SplittableRandom random)
      throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(temp))) {
      boolean[] used = new boolean[FEATURES];
      for (int s = 0; s < samples; s++) {
        Arrays.fill(used, false);
        int count = 10 + random.nextInt(31);
        double score = 0;
        for (int k = 0; k < count; ) {
          double u = random.nextDouble() * popularity[FEATURES - 1];
          int f = Arrays.binarySearch(popularity, u);
          f = f >= 0 ? f : -f - 1;
          if (!used[f]) {
            used[f] = true;
            score += weight[f];
            k++;
          }
        }
        score = score / StrictMath.sqrt(count) + 0.6 * gaussian(random);
        StringBuilder line = new StringBuilder(score > 0 ? "+1" : "-1");
        for (int f = 0; f < FEATURES; f++) {
          if (used[f]) {
            line.append(' ').append(f + 1).append(":1");
          }
        }
        out.println(line);
      }
    }
    Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** A standard normal draw (Box-Muller), from this generator alone. */
  private static double gaussian(SplittableRandom random) {
    return StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()))
        * StrictMath.cos(2 * Math.PI * random.nextDouble());
  }
}
