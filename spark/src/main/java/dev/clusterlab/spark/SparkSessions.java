package dev.clusterlab.spark;

import org.apache.spark.sql.SparkSession;

/** Where ClusterLab gets its Spark session: the one spark-submit made, or a new one for a master URL. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * @param master a master URL ({@code local[2]}, {@code spark://HOST:7077}, {@code yarn}), or {@code null}
     *     to take the one spark-submit set ({@code spark.master})
     * @return the session (an active one is reused)
     */
    public static SparkSession open(String master) {
        JdkCheck.require();
        SparkSession.Builder b = SparkSession.builder().appName("clusterlab");
        if (master != null) {
            b = b.master(master);
        }
        if (master != null && master.startsWith("local")) {
            // One machine: no web UI to bind, only the loopback, a few shuffle partitions.
            b = b.config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4");
        }
        return b.getOrCreate();
    }
}
