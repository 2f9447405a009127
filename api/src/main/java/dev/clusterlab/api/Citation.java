package dev.clusterlab.api;

import java.util.Arrays;
import java.util.List;

/**
 * A publication, as data: what descriptors carry and reports print.
 *
 * @param authors authors as printed
 * @param title title
 * @param venue journal or proceedings, may be empty
 * @param year year of publication
 * @param doi DOI without resolver prefix, may be empty
 * @since 0.1
 */
public record Citation(String authors, String title, String venue, int year, String doi) {

    /**
     * The {@link Reference} annotations of a class, in declaration order.
     *
     * @param type an algorithm or metric class
     * @return its citations, possibly empty
     * @since 0.1
     */
    public static List<Citation> of(Class<?> type) {
        return Arrays.stream(type.getAnnotationsByType(Reference.class))
                .map(r -> new Citation(r.authors(), r.title(), r.venue(), r.year(), r.doi()))
                .toList();
    }

    /**
     * @return one line: authors (year). title. venue. doi:...
     * @since 0.1
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(authors).append(" (").append(year).append("). ").append(title).append('.');
        if (!venue.isEmpty()) {
            s.append(' ').append(venue).append('.');
        }
        if (!doi.isEmpty()) {
            s.append(" doi:").append(doi);
        }
        return s.toString();
    }
}
