package dev.clusterlab.plugins.categorical;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Feature names turned into artifact column names (lower snake case, distinct, never a reserved one). */
final class ColumnNames {
    private ColumnNames() {
    }

    static List<String> of(List<String> features, Set<String> reserved) {
        Set<String> used = new HashSet<>(reserved);
        List<String> out = new ArrayList<>(features.size());
        for (int j = 0; j < features.size(); j++) {
            String s = features.get(j).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            if (s.isEmpty() || s.charAt(0) == '_') {
                s = "x" + j + s;
            }
            String name = s;
            for (int suffix = 2; used.contains(name); suffix++) {
                name = s + "_" + suffix;
            }
            used.add(name);
            out.add(name);
        }
        return out;
    }
}
