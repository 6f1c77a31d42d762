/**
 * Studies beyond one machine: {@link org.hsgd.spark.SparkEngine} runs a study's replicates as
 * Apache Spark tasks. Spark is a provided dependency: this package is loaded only when {@code
 * --engine spark} is asked for, and spark-submit (or the launcher's Spark class path) supplies
 * Spark itself, so the default jar does not carry it.
 */
package org.hsgd.spark;
