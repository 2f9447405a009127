/**
 * The engine: a scalar reference and a Vector API implementation of the api's kernel interfaces,
 * chosen once per process ({@link dev.clusterlab.engine.KernelSelection}), the deterministic chunked
 * executor and the execution context the host hands to plugins.
 */
package dev.clusterlab.engine;
