package dev.clusterlab.api.param;

import java.util.List;
import java.util.Objects;

/**
 * One invalid, unknown or missing parameter, as data: who owns it, which parameter, what was
 * expected and what was found. Callers that place the error (a YAML line, a form field) read
 * {@link #parameter()}; {@link #message()} is the sentence shown to people.
 *
 * @since 0.2
 */
public sealed interface ParamViolation permits ParamViolation.Invalid, ParamViolation.Unknown, ParamViolation.Missing {

    /** @return the algorithm, metric, step or generator the parameter belongs to @since 0.2 */
    String owner();

    /** @return the parameter's name as it was written @since 0.2 */
    String parameter();

    /** @return what is allowed, as messages print it: {@code an integer in [1, inf)} @since 0.2 */
    String expected();

    /** @return what was given, as messages print it (text in quotes): {@code 0}, {@code 'kmeans++'} @since 0.2 */
    String found();

    /** @return the sentence for people, naming owner, parameter, expected and found @since 0.2 */
    String message();

    /**
     * A value outside the parameter's domain, or breaking a rule between parameters.
     *
     * @param owner owner id
     * @param parameter parameter name
     * @param expected what is allowed: {@code an integer in [1, inf)}, {@code at most max_eps=2.0}
     * @param found the value as messages print it
     * @since 0.2
     */
    record Invalid(String owner, String parameter, String expected, String found) implements ParamViolation {
        /** Checks that every part is present. */
        public Invalid {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(found, "found");
        }

        @Override
        public String message() {
            return "parameter '" + parameter + "' of " + owner + " must be " + expected + "; got " + found;
        }
    }

    /**
     * A name the owner does not declare.
     *
     * @param owner owner id
     * @param parameter the name given
     * @param known the names the owner declares, in declaration order
     * @since 0.2
     */
    record Unknown(String owner, String parameter, List<String> known) implements ParamViolation {
        /** Copies {@code known}. */
        public Unknown {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(parameter, "parameter");
            known = List.copyOf(known);
        }

        /** @return {@code one of {k, tol}}, or {@code no parameter} when the owner takes none */
        @Override
        public String expected() {
            return known.isEmpty() ? "no parameter" : "one of {" + String.join(", ", known) + "}";
        }

        /** @return the name given */
        @Override
        public String found() {
            return parameter;
        }

        @Override
        public String message() {
            return "unknown parameter '" + parameter + "' of " + owner + Suggestions.hint(parameter, known)
                    + (known.isEmpty() ? " (it takes no parameters)" : " (known: " + String.join(", ", known) + ")");
        }
    }

    /**
     * A parameter without a default that was not given.
     *
     * @param owner owner id
     * @param parameter parameter name
     * @param expected what is allowed
     * @since 0.2
     */
    record Missing(String owner, String parameter, String expected) implements ParamViolation {
        /** Checks that every part is present. */
        public Missing {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(expected, "expected");
        }

        /** @return {@code nothing} */
        @Override
        public String found() {
            return "nothing";
        }

        @Override
        public String message() {
            return "parameter '" + parameter + "' of " + owner + " is required: " + expected;
        }
    }
}
