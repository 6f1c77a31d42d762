package org.hsgd.experiment;

import java.util.Map;

/**
 * One point of a study's grid.
 *
 * @param label a short name for the point, unique in its study, fit for a folder name ("point-03")
 * @param coordinates the value each grid key takes here, as the config wrote it, in the grid's key
 *     order: the columns that tell the points apart in the study's tables
 * @param spec the experiment the point runs: the base config with these values in place
 */
public record GridPoint(String label, Map<String, String> coordinates, ExperimentSpec spec)
    implements java.io.Serializable {

  public GridPoint {
    coordinates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coordinates));
  }
}
