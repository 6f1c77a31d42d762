package org.hsgd.sim;

/** How workers are assigned to groups. */
public enum GroupingStrategy {
  /** Workers 0..m-1 form the first group, and so on. */
  SEQUENTIAL,
  /** A seeded uniformly random assignment (the theory's random grouping). */
  RANDOM,
  /** Each group a stratified sample of the workers' label mixes: small upward divergence. */
  GROUP_IID,
  /** Workers with similar label mixes grouped together: large upward divergence. */
  GROUP_NON_IID
}
