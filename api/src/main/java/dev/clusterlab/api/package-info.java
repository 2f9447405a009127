/**
 * The stable ClusterLab SPI: {@link dev.clusterlab.api.Dataset datasets}, errors a user can fix, and
 * citations. Sub-packages hold the algorithm and metric extension points, parameters, kernel
 * interfaces and the execution context handed to every fit.
 *
 * <p>This module depends on nothing but the JDK and PF4J's {@code ExtensionPoint}; a third-party
 * plugin compiles against it alone and still receives SIMD kernels through
 * {@link dev.clusterlab.api.exec.ExecutionContext}.
 *
 * @since 0.1
 */
package dev.clusterlab.api;
