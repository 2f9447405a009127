package dev.clusterlab.host.data;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV cell as data: refused when it holds a control character (NUL, BEL, ESC, ...; a tab is
 * padding), then stripped of spaces and tabs. {@link String#trim()} alone would strip every control
 * character too, so a NUL around digits would pass for a number.
 */
final class Cells {
    private Cells() {
    }

    /**
     * @param file the file, for the message
     * @param line its 1-based line
     * @param column the 0-based column
     * @param raw the cell as the CSV parser gave it
     * @return the cell without surrounding spaces and tabs
     * @throws UserInputException naming file, line, column and the character's position in the cell
     */
    static String text(Object file, long line, int column, String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\t' && Printable.isControl(c)) {
                throw new UserInputException(file + ":" + line + ":" + (column + 1) + ": control character " + Printable.escaped(c)
                        + " at character " + (i + 1) + " of the cell '" + Printable.value(raw) + "'; cells hold printable text only"
                        + " (is the file binary, or in another encoding than UTF-8?)");
            }
        }
        int from = 0;
        int to = raw.length();
        while (from < to && (raw.charAt(from) == ' ' || raw.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (raw.charAt(to - 1) == ' ' || raw.charAt(to - 1) == '\t')) {
            to--;
        }
        return raw.substring(from, to);
    }

    /**
     * @param file the file
     * @param line the header's line
     * @param fields the header's raw fields
     * @return the column names, checked and stripped
     */
    static List<String> header(Object file, long line, List<String> fields) {
        List<String> out = new ArrayList<>(fields.size());
        for (int c = 0; c < fields.size(); c++) {
            out.add(text(file, line, c, fields.get(c)));
        }
        return List.copyOf(out);
    }
}
