package dev.clusterlab.runner.cli;

import dev.clusterlab.api.ApiVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code clusterlab --version}: the runner build and the api version plugins are checked against. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String impl = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"clusterlab " + (impl == null ? "(development build)" : impl) + ", api " + ApiVersion.current()};
    }
}
