package dev.clusterlab.runner;

/** Placeholder replaced below. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
    }
}
