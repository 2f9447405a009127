package dev.clusterlab.host;

/**
 * Which distance kernels a session computes with, and why, for {@code clusterlab env} and provenance.
 *
 * @param implementation {@code vector} or {@code scalar}
 * @param description e.g. {@code Vector API, 512-bit, 16 float lanes}
 * @param reason one sentence on why this implementation was chosen
 */
public record KernelChoice(String implementation, String description, String reason) {
}
