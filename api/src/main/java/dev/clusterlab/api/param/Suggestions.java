package dev.clusterlab.api.param;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean" for misspelt names: the known names nearest by edit distance.
 *
 * @since 0.1
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The known names within a small edit distance of {@code given}, nearest first, at most three.
     * A name that starts with or contains the given text also counts as near.
     *
     * @param given what the user typed
     * @param known the valid names
     * @return nearest names, possibly empty
     * @since 0.1
     */
    public static List<String> nearest(String given, Collection<String> known) {
        String g = given.toLowerCase(java.util.Locale.ROOT);
        int limit = Math.max(2, g.length() / 3);
        return known.stream()
                .filter(k -> editDistance(g, k.toLowerCase(java.util.Locale.ROOT)) <= limit
                        || (g.length() >= 3 && k.toLowerCase(java.util.Locale.ROOT).contains(g)))
                .sorted(Comparator.comparingInt((String k) -> editDistance(g, k.toLowerCase(java.util.Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3)
                .toList();
    }

    /**
     * A sentence fragment for messages: {@code "; did you mean 'kmeans'?"}, or empty.
     *
     * @param given what the user typed
     * @param known the valid names
     * @return the hint, possibly empty
     * @since 0.1
     */
    public static String hint(String given, Collection<String> known) {
        List<String> near = nearest(given, known);
        if (near.isEmpty()) {
            return "";
        }
        return "; did you mean " + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
