package org.hsgd.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hsgd.sim.EstimatedConstants;
import org.hsgd.sim.ExactConstants;
import org.hsgd.sim.Trace;

/**
 * A replicate's outcome as plain, versioned, checksummed data: what a study stores to resume and
 * what an executor sends back. Three parts: a first line {@code hsgd-outcome 2}, a second line
 * {@code sha256 <hex>} of the rest, and the rest, JSON of the replicate's key and seed, its runs
 * (numbers at full precision: a double's shortest decimal reads back as the same double) and the
 * account of a divergence. Reading builds only the records named here, never a class named by the
 * data, and checks the version, the checksum, the key, the seed and the variants against the
 * replicate asked for: anything else reads as nothing stored.
 */
public final class OutcomeFormat {
  private static final String MAGIC = "hsgd-outcome";
  private static final int VERSION = 2; // 2: runs carry their estimated constants

  /** The longest account of a divergence kept: one line of a report. */
  private static final int MAX_DIVERGENCE = 500;

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private OutcomeFormat() {}

  /** A run as stored: its optional parts as nullable values. */
  private record StoredRun(
      Variant variant,
      long seed,
      List<List<Integer>> groupSizes,
      Trace trace,
      ExactConstants exactConstants,
      EstimatedConstants estimatedConstants,
      Double expectedMeanGradNormSq,
      Map<String, Object> problemFacts) {

    static StoredRun of(Run r) {
      return new StoredRun(
          r.variant(),
          r.seed(),
          r.groupSizes(),
          r.trace(),
          r.exactConstants().orElse(null),
          r.estimatedConstants().orElse(null),
          r.expectedMeanGradNormSq().isPresent() ? r.expectedMeanGradNormSq().getAsDouble() : null,
          r.problemFacts());
    }

    Run run() {
      return new Run(
          variant,
          seed,
          groupSizes,
          trace,
          Optional.ofNullable(exactConstants),
          Optional.ofNullable(estimatedConstants),
          expectedMeanGradNormSq == null
              ? OptionalDouble.empty()
              : OptionalDouble.of(expectedMeanGradNormSq),
          problemFacts);
    }
  }

  private record Stored(String key, long seed, List<StoredRun> runs, String divergence) {}

  /** The outcome's bytes. */
  public static byte[] encode(Outcome o) {
    Stored stored =
        new Stored(
            o.replicate().key(),
            o.replicate().seed(),
            o.runs().stream().map(StoredRun::of).toList(),
            o.divergence());
    try {
      byte[] body = JSON.writeValueAsBytes(stored);
      byte[] head =
          (MAGIC + " " + VERSION + "\nsha256 " + sha256(body) + "\n")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] all = new byte[head.length + body.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(body, 0, all, head.length, body.length);
      return all;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an outcome is plain data and always renders", e);
    }
  }

  /**
   * The outcome of {@code r} in {@code bytes}, or empty if they are not one whole, of this version,
   * of this very replicate.
   */
  public static Optional<Outcome> decode(byte[] bytes, Replicate r) {
    String prefix = MAGIC + " " + VERSION + "\nsha256 ";
    int headLength = prefix.length() + 64 + 1;
    if (bytes.length < headLength
        || !new String(bytes, 0, prefix.length(), StandardCharsets.US_ASCII).equals(prefix)
        || bytes[headLength - 1] != '\n') {
      return Optional.empty();
    }
    String checksum = new String(bytes, prefix.length(), 64, StandardCharsets.US_ASCII);
    byte[] body = java.util.Arrays.copyOfRange(bytes, headLength, bytes.length);
    if (!checksum.equals(sha256(body))) {
      return Optional.empty();
    }
    Stored stored;
    try {
      stored = JSON.readValue(body, Stored.class);
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (stored == null
        || !r.key().equals(stored.key())
        || stored.seed() != r.seed()
        || stored.runs() == null
        || stored.divergence() == null
        || !plainLine(stored.divergence())) {
      return Optional.empty();
    }
    List<Variant> variants = r.spec().variants();
    boolean whole = stored.divergence().isEmpty() && stored.runs().size() == variants.size();
    boolean diverged = !stored.divergence().isEmpty() && stored.runs().isEmpty();
    if (!whole && !diverged) {
      return Optional.empty();
    }
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < stored.runs().size(); i++) {
      StoredRun run = stored.runs().get(i);
      if (run == null
          || !variants.get(i).equals(run.variant())
          || run.seed() != r.seed()
          || run.trace() == null
          || run.trace().checkpoints().isEmpty()) {
        return Optional.empty();
      }
      try {
        runs.add(run.run());
      } catch (RuntimeException e) { // a part that its record refuses
        return Optional.empty();
      }
    }
    return Optional.of(new Outcome(r, runs, stored.divergence()));
  }

  /** One line of printable text, not too long for a report. */
  private static boolean plainLine(String text) {
    return text.length() <= MAX_DIVERGENCE && text.codePoints().noneMatch(Character::isISOControl);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
