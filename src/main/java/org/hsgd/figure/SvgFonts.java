package org.hsgd.figure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Embeds the fonts an SVG's text uses, so that it looks the same on a machine without them: for
 * each bundled {@link Typeface} it names, a subset holding just the characters drawn in it, as an
 * {@code @font-face} in the document (a few kilobytes, not the whole font).
 */
final class SvgFonts {
  private static final Pattern TEXT =
      Pattern.compile("font-family:&quot;([^&]+)&quot;;[^>]*>([^<]*)</text>");

  /** The tables a browser needs to draw the glyphs; kerning and hinting are left out. */
  private static final java.util.List<String> OUTLINE_TABLES =
      java.util.List.of(
          "head", "hhea", "maxp", "loca", "glyf", "hmtx", "cmap", "name", "OS/2", "post");

  private SvgFonts() {}

  static String embed(String svg) {
    Map<String, StringBuilder> used = new LinkedHashMap<>();
    Matcher m = TEXT.matcher(svg);
    while (m.find()) {
      used.computeIfAbsent(m.group(1), f -> new StringBuilder()).append(unescape(m.group(2)));
    }
    StringBuilder faces = new StringBuilder();
    for (Typeface face : Typeface.values()) {
      StringBuilder characters = used.get(face.at(1).getFamily());
      if (characters != null) {
        faces
            .append("@font-face{font-family:\"")
            .append(face.at(1).getFamily())
            .append("\";src:url(data:font/ttf;base64,")
            .append(Base64.getEncoder().encodeToString(subset(face, characters.toString())))
            .append(") format(\"truetype\");}");
      }
    }
    if (faces.length() == 0) {
      return svg;
    }
    int defs = svg.indexOf("<defs>");
    int at = defs >= 0 ? defs + "<defs>".length() : svg.indexOf('>', svg.indexOf("<svg")) + 1;
    return svg.substring(0, at)
        + "<style type=\"text/css\"><![CDATA["
        + faces
        + "]]></style>"
        + svg.substring(at);
  }

  private static byte[] subset(Typeface face, String characters) {
    try (InputStream in = face.stream()) {
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
      try (font) {
        TTFSubsetter subsetter = new TTFSubsetter(font, OUTLINE_TABLES);
        characters.codePoints().forEach(subsetter::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subsetter.writeToStream(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot subset the figure font " + face, e);
    }
  }

  private static String unescape(String xml) {
    return xml.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
