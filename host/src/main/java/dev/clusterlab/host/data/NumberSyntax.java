package dev.clusterlab.host.data;

import java.util.regex.Pattern;

/**
 * Plain decimal numbers only. {@link Float#parseFloat} alone would also take {@code NaN},
 * {@code Infinity}, hex floats and a trailing {@code f} or {@code d}, none of which belongs in data.
 */
final class NumberSyntax {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberSyntax() {
    }

    static boolean isNumber(String s) {
        return DECIMAL.matcher(s.trim()).matches();
    }
}
