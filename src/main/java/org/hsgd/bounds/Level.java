package org.hsgd.bounds;

/**
 * One aggregation level of a hierarchy: every {@code period} iterations the workers are averaged
 * within each of the level's {@code groups} groups. Checked by {@link Hierarchy}, which knows the
 * level's place.
 *
 * @param period P_k, in iterations
 * @param groups N_k, the number of groups at this level (1 at the top level)
 */
public record Level(long period, int groups) implements java.io.Serializable {}
