/**
 * Typed, validated parameters: {@link dev.clusterlab.api.param.ParamSpec} describes one parameter
 * (the single source for YAML binding, CLI help, {@code clusterlab list} and docs) and
 * {@link dev.clusterlab.api.param.ParamBinder} turns raw values from YAML or the command line into
 * {@link dev.clusterlab.api.param.Params}, reporting every violation at once.
 *
 * <p>Since 0.2 a spec also says how its value is read ({@code int}, an enum implementing
 * {@link dev.clusterlab.api.param.ParamChoice}, a {@link dev.clusterlab.api.kernel.Distance}) and may
 * allow one sentinel number beside its range; {@link dev.clusterlab.api.param.ParamBinder#check}
 * applies the same specs to params records built in code, and violations are data
 * ({@link dev.clusterlab.api.param.ParamViolation}), not only messages.
 *
 * @since 0.1
 */
package dev.clusterlab.api.param;
