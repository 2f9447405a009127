package dev.clusterlab.api;

/**
 * Data that cannot be clustered as given: a non-finite value, a ragged row, too few points for the
 * requested number of clusters. The message names the row and column (1-based, as a spreadsheet
 * would show them) or the data-dependent condition that failed.
 *
 * @since 0.1
 */
public class DataException extends UserInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message where, what was expected and what was found
     * @since 0.1
     */
    public DataException(String message) {
        super(message);
    }
}
