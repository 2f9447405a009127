package dev.clusterlab.host.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The only way text reaches the report: every string that comes from data, the experiment file or a
 * plugin (dataset and feature names, algorithm labels, parameters, messages, citations) goes through
 * {@link #esc}. One rule serves HTML text, double-quoted attributes and inline SVG read as XML, so a
 * name like {@code <script>} or {@code "onmouseover=} can only ever be displayed, never run.
 */
final class Html {
    private static final char REPLACEMENT = '\uFFFD';

    private Html() {
    }

    /**
     * Escapes {@code & < > " '} and replaces characters that XML 1.0 forbids (C0/C1 controls other than
     * tab and line breaks, unpaired surrogates, U+FFFE/U+FFFF) with U+FFFD, so the inline SVG blocks
     * stay well-formed XML.
     *
     * @param value any value; {@code null} gives the empty string
     * @return text safe inside an element or a double-quoted attribute
     */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c) || forbidden(c)) {
                        out.append(REPLACEMENT);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF';
    }

    /**
     * Shortens a label for a plot axis; the full text goes in a tooltip.
     *
     * @param s the label
     * @param max the most characters to keep
     * @return {@code s}, or its start and an ellipsis (not yet escaped)
     */
    static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /**
     * A link target for a DOI: {@code https://doi.org/} followed by the DOI with everything outside a
     * conservative set percent-encoded (DOIs may contain {@code <}, {@code >}, {@code #} or spaces), so
     * the URL can neither leave its attribute nor change scheme.
     *
     * @param doi the DOI without resolver prefix
     * @return the URL, still to be passed through {@link #esc} like every attribute value
     */
    static String doiUrl(String doi) {
        StringBuilder s = new StringBuilder("https://doi.org/");
        for (byte b : doi.strip().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/:;()".indexOf(c) >= 0) {
                s.append((char) c);
            } else {
                s.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return s.toString();
    }

    /**
     * @param v a pixel coordinate
     * @return it with one decimal (Locale.ROOT), the precision SVG needs here
     */
    static String px(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}
