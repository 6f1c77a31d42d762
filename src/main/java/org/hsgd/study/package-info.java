/**
 * The pipeline, and the façade a notebook calls: an {@link org.hsgd.study.ExperimentJob} runs one
 * experiment into its result folder (runs, optional checks, tidy tables, figures, manifests,
 * published at once); a {@link org.hsgd.study.StudyJob} runs a grid of them on an engine, storing
 * each finished replicate ({@link org.hsgd.study.ReplicateStore}) so that an interrupted study
 * resumes, and writes every point's folder with the same code as an experiment alone.
 */
package org.hsgd.study;
