package dev.clusterlab.spark;

import org.apache.spark.sql.SparkSession;

/** One Spark {@code local[2]} session for the whole test JVM (UI off, loopback only): starting one costs seconds. */
public final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    /** @return the shared session */
    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSessions.open("local[2]");
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
