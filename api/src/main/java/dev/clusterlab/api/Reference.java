package dev.clusterlab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A publication an algorithm or metric implements, kept at run time so that reports can list the
 * references of every algorithm used (after ELKI's {@code @Reference}). Read with
 * {@link Citation#of(Class)}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Reference.List.class)
public @interface Reference {
    /** @return the authors, as printed in the publication @since 0.1 */
    String authors();

    /** @return the title @since 0.1 */
    String title();

    /** @return journal or proceedings @since 0.1 */
    String venue() default "";

    /** @return the year of publication @since 0.1 */
    int year();

    /** @return the DOI without the resolver prefix, or empty @since 0.1 */
    String doi() default "";

    /**
     * Container for repeated {@link Reference} annotations.
     *
     * @since 0.1
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /** @return the references @since 0.1 */
        Reference[] value();
    }
}
