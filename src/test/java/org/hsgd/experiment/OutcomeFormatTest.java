package org.hsgd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.sim.RunSettings;
import org.junit.jupiter.api.Test;

/**
 * Stored and shipped outcomes: every number back to the bit, and anything that is not this very
 * replicate's whole outcome reads as nothing stored.
 */
class OutcomeFormatTest {
  private static final ExperimentSpec QUADRATIC =
      ExperimentSpec.builder(
              "q",
              QuadraticSpec.builder(List.of(1.0, 0.3)).noiseVariance(0.2).build(),
              new Topology.Equal(Hierarchy.twoLevel(4, 2, 2, 4)),
              RunSettings.builder(12, 0.1, 4)
                  .gradientAverage(RunSettings.GradientAverage.EVERY_ITERATION)
                  .build())
          .sandwich(true)
          .seeds(2)
          .build();

  private static final ExperimentSpec MLP =
      ExperimentSpec.builder(
              "m",
              new ClassificationSpec(
                  new ModelSpec.Mlp(3, 0.01), new DataSpec.GaussianMixture(3, 4, 60, 2, 0.25)),
              new Topology.Equal(Hierarchy.twoLevel(4, 2, 2, 4)),
              new RunSettings(8, 0.1, 4))
          .build();

  private static Outcome outcome(ExperimentSpec spec, long seed) {
    Replicate r = new Replicate(0, spec, seed);
    return Outcome.of(r, 1, DataSources.none());
  }

  @Test
  void everyNumberComesBackToTheBit() {
    for (ExperimentSpec spec : List.of(QUADRATIC, MLP)) {
      Outcome o = outcome(spec, 1);
      Outcome back = OutcomeFormat.decode(OutcomeFormat.encode(o), o.replicate()).orElseThrow();
      assertEquals(o, back, spec.name());
    }
    Outcome q = outcome(QUADRATIC, 1);
    assertTrue(q.runs().get(0).exactConstants().isPresent());
    assertTrue(q.runs().get(0).expectedMeanGradNormSq().isPresent());
    assertTrue(Double.isNaN(q.runs().get(0).trace().last().testAccuracy()), "NaN survives too");
  }

  @Test
  void aDivergedOutcomeComesBackWithItsAccount() {
    Replicate r = new Replicate(0, QUADRATIC, 1);
    Outcome diverged = new Outcome(r, List.of(), "gamma must keep the run finite; found gamma=9");
    assertEquals(diverged, OutcomeFormat.decode(OutcomeFormat.encode(diverged), r).orElseThrow());
  }

  @Test
  void anotherReplicatesOutcomeIsNotTaken() {
    Outcome one = outcome(QUADRATIC, 1);
    byte[] bytes = OutcomeFormat.encode(one);
    assertTrue(OutcomeFormat.decode(bytes, new Replicate(0, QUADRATIC, 2)).isEmpty(), "seed");
    assertTrue(OutcomeFormat.decode(bytes, new Replicate(0, MLP, 1)).isEmpty(), "spec");
    assertTrue(
        OutcomeFormat.decode(bytes, new Replicate(3, QUADRATIC, 1)).isPresent(),
        "the same replicate at another point of the grid is the same result");
  }

  @Test
  void damagedOrForeignBytesReadAsNothing() throws Exception {
    Replicate r = new Replicate(0, QUADRATIC, 1);
    byte[] good = OutcomeFormat.encode(outcome(QUADRATIC, 1));
    byte[] flipped = good.clone();
    flipped[flipped.length / 2] ^= 1;
    byte[] cut = java.util.Arrays.copyOf(good, good.length - 10);
    byte[] otherVersion =
        new String(good, StandardCharsets.ISO_8859_1)
            .replaceFirst("hsgd-outcome 2", "hsgd-outcome 3")
            .getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream javaSerialized = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(javaSerialized)) {
      out.writeObject(new java.util.HashSet<>(List.of("x")));
    }
    for (byte[] bad :
        List.of(
            flipped,
            cut,
            otherVersion,
            javaSerialized.toByteArray(),
            new byte[0],
            "hsgd-outcome 2\n".getBytes(StandardCharsets.US_ASCII))) {
      assertTrue(OutcomeFormat.decode(bad, r).isEmpty());
    }
  }

  @Test
  void forgedContentWithAValidChecksumIsStillRefused() {
    Replicate r = new Replicate(0, QUADRATIC, 1);
    String key = r.key();
    List<String> bodies =
        List.of(
            // A divergence with a line break, which would reach the terminal and points.csv.
            "{\"key\":\""
                + key
                + "\",\"seed\":1,\"runs\":[],\"divergence\":\"a\\nverdict: holds\"}",
            // No runs and no divergence: a seed silently dropped.
            "{\"key\":\"" + key + "\",\"seed\":1,\"runs\":[],\"divergence\":\"\"}",
            // A class named by the data is never built.
            "{\"key\":\""
                + key
                + "\",\"seed\":1,\"runs\":[[\"java.util.HashSet\",[]]],"
                + "\"divergence\":\"\"}",
            "{\"key\":\"" + key + "\",\"seed\":1,\"runs\":null,\"divergence\":\"\"}",
            "[]");
    for (String body : bodies) {
      assertTrue(OutcomeFormat.decode(signed(body), r).isEmpty(), body);
    }
  }

  @Test
  void deeplyNestedDataFailsFastRatherThanHanging() {
    Replicate r = new Replicate(0, QUADRATIC, 1);
    String nested = "[".repeat(200_000) + "]".repeat(200_000);
    byte[] bytes =
        signed(
            "{\"key\":\"" + r.key() + "\",\"seed\":1,\"runs\":" + nested + ",\"divergence\":\"\"}");
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> assertTrue(OutcomeFormat.decode(bytes, r).isEmpty()));
  }

  /** A body with a header whose checksum is right. */
  private static byte[] signed(String body) {
    try {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
      return ("hsgd-outcome 2\nsha256 " + sum + "\n" + body).getBytes(StandardCharsets.UTF_8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
