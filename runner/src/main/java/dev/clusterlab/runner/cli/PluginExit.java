package dev.clusterlab.runner.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Tells, from inside a shutdown hook, whether the JVM is stopping because code other than ours called
 * {@code System.exit} (a plugin: the JDK no longer lets a host forbid it): some thread is then inside
 * {@code Runtime.exit}, called from a class that is not ClusterLab's {@code Main}. A Ctrl-C or a
 * {@code kill} stops the JVM through its signal handler, which never calls {@code Runtime.exit}.
 */
final class PluginExit {
    private static final String MAIN = "dev.clusterlab.runner.Main";

    private PluginExit() {
    }

    /** @return who called {@code System.exit}, as {@code class.method}, or empty when nobody (but us) did */
    static Optional<String> caller() {
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] stack = t.getValue();
            for (int i = 0; i < stack.length; i++) {
                if (stack[i].getClassName().equals("java.lang.Runtime") && stack[i].getMethodName().equals("exit")) {
                    String by = firstOutsideTheJdk(stack, i + 1);
                    if (by != null && !by.startsWith(MAIN + ".")) {
                        return Optional.of(by);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String firstOutsideTheJdk(StackTraceElement[] stack, int from) {
        for (int j = from; j < stack.length; j++) {
            String c = stack[j].getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                return c + "." + stack[j].getMethodName();
            }
        }
        return null;
    }
}
