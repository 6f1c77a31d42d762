/**
 * Runs made by other programs, read into hsgd's {@link org.hsgd.experiment.Run}s: a streaming
 * reader of CSV and JSON Lines with line numbers ({@link org.hsgd.foreign.Records}), the mapping
 * from a file's columns and values to hsgd's quantities ({@link org.hsgd.foreign.Mapping}), and the
 * strict reading of a file into configurations of runs ({@link org.hsgd.foreign.ForeignRuns}). Pure
 * but for reading the files it is given.
 */
package org.hsgd.foreign;
