package dev.clusterlab.api.param;

import dev.clusterlab.api.UserInputException;
import java.util.List;

/**
 * One or more invalid parameters, all reported at once. Each violation names the parameter, what is
 * allowed and what was given: {@code parameter 'k' of kmeans must be an integer in [1, inf); got 0}.
 *
 * @since 0.1
 */
public class ParameterException extends UserInputException {
    private static final long serialVersionUID = 1L;
    private final List<String> violations;

    /**
     * @param violations one message per invalid parameter, at least one
     * @since 0.1
     */
    public ParameterException(List<String> violations) {
        super(String.join("\n", violations));
        this.violations = List.copyOf(violations);
    }

    /** @return one message per invalid parameter @since 0.1 */
    public List<String> violations() {
        return violations;
    }
}
