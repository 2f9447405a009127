package dev.clusterlab.host;

/**
 * Text from a user's files made safe to print: control characters (ESC, BEL, NUL, ...) shown escaped
 * rather than sent to the terminal, which they could clear or retitle, and long values cut short, so a
 * 10 MB cell does not become a 10 MB error message.
 */
public final class Printable {
    /** Characters of a quoted value shown before it is cut. */
    public static final int VALUE_LIMIT = 60;
    /** Characters of one line of a message shown before it is cut. */
    public static final int LINE_LIMIT = 2000;

    private Printable() {
    }

    /**
     * @param value a value as read (a cell, a scalar, a name)
     * @return it escaped and, past {@link #VALUE_LIMIT} characters, cut with its length said
     */
    public static String value(String value) {
        return cut(escape(value, false), value.length(), VALUE_LIMIT);
    }

    /**
     * @param message an error message, possibly of several lines, that may quote user input
     * @return it with control characters escaped (line breaks kept) and every line cut at {@link #LINE_LIMIT}
     */
    public static String message(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), 8192));
        for (String line : message.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(cut(escape(line, true), line.length(), LINE_LIMIT));
        }
        return out.toString();
    }

    /**
     * @param c a character
     * @return whether printing it raw could act on a terminal (C0 and C1 controls and DEL)
     */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /**
     * @param c a control character
     * @return how messages show it: {@code \t}, {@code \r}, {@code \n} or {@code \xHH}
     */
    public static String escaped(char c) {
        return switch (c) {
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            default -> String.format("\\x%02X", (int) c);
        };
    }

    private static String escape(String s, boolean keepTabs) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean raw = !isControl(c) || (keepTabs && c == '\t');
            if (!raw && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (raw) {
                    b.append(c);
                } else {
                    b.append(escaped(c));
                }
            }
        }
        return b == null ? s : b.toString();
    }

    private static String cut(String s, int originalLength, int limit) {
        return s.length() <= limit ? s : s.substring(0, limit) + "... (" + originalLength + " characters)";
    }
}
