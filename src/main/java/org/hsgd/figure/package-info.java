/**
 * A figure engine for papers, knowing nothing of H-SGD: a {@link org.hsgd.figure.Figure} is plain
 * data (panels of curves with optional bands, a caption), a {@link org.hsgd.figure.PaperStyle} its
 * printed size, text size and formats, and {@link org.hsgd.figure.FigureRenderer} draws it with
 * XChart's axes into PDF (font embedded, text kept as text), SVG (text as {@code <text>}) and PNG
 * at 300 dpi. A {@link org.hsgd.figure.SeedBand} summarises replicates as a mean with a band.
 */
package org.hsgd.figure;
