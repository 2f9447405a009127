/**
 * Typed, validated parameters: {@link dev.clusterlab.api.param.ParamSpec} describes one parameter
 * (the single source for YAML binding, CLI help, {@code clusterlab list} and docs) and
 * {@link dev.clusterlab.api.param.ParamBinder} turns raw values from YAML or the command line into
 * {@link dev.clusterlab.api.param.Params}, reporting every violation at once.
 *
 * @since 0.1
 */
package dev.clusterlab.api.param;
