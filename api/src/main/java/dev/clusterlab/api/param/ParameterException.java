package dev.clusterlab.api.param;

import dev.clusterlab.api.UserInputException;
import java.util.List;

/**
 * One or more invalid parameters, all reported at once. Each violation names the parameter, what is
 * allowed and what was given: {@code parameter 'k' of kmeans must be an integer in [1, inf); got 0}.
 * {@link #problems()} holds the same as data, so callers need not take the messages apart.
 *
 * @since 0.1
 */
public class ParameterException extends UserInputException {
    private static final long serialVersionUID = 1L;
    private final List<String> violations;
    // Violations are plain records, not Serializable: a deserialized exception keeps its messages only.
    private final transient List<ParamViolation> problems;

    /**
     * @param violations one message per invalid parameter, at least one
     * @since 0.1
     * @deprecated since 0.2: messages alone do not say which parameter is at fault, so
     *     {@link #problems()} stays empty; use {@link #of(List)}
     */
    @Deprecated(since = "0.2")
    public ParameterException(List<String> violations) {
        this(List.copyOf(violations), List.of());
    }

    private ParameterException(List<String> violations, List<ParamViolation> problems) {
        super(String.join("\n", violations));
        this.violations = violations;
        this.problems = problems;
    }

    /**
     * @param problems every violation found, at least one
     * @return the exception whose message is their messages, one a line
     * @throws IllegalArgumentException if {@code problems} is empty
     * @since 0.2
     */
    public static ParameterException of(List<? extends ParamViolation> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ParameterException needs at least one violation");
        }
        List<ParamViolation> copy = List.copyOf(problems);
        return new ParameterException(copy.stream().map(ParamViolation::message).toList(), copy);
    }

    /** @return one message per invalid parameter @since 0.1 */
    public List<String> violations() {
        return violations;
    }

    /**
     * @return every violation as data, in the order of {@link #violations()}; empty only for an
     *     exception made with the deprecated list-of-messages constructor
     * @since 0.2
     */
    public List<ParamViolation> problems() {
        return problems == null ? List.of() : problems;
    }
}
