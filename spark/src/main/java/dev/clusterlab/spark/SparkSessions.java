package dev.clusterlab.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
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
        for (Map.Entry<String, String> c : onOneMachine(master).entrySet()) {
            b = b.config(c.getKey(), c.getValue());
        }
        if (master != null && master.startsWith("local")) {
            b = b.config("spark.sql.shuffle.partitions", "4"); // a few: one machine
        }
        return b.getOrCreate();
    }

    /**
     * A Spark context without the SQL session around it, for grid mode, which only runs tasks: building a
     * {@link SparkSession} costs about as long again as the context itself (SQL's configuration and classes).
     *
     * @param master as for {@link #open}
     * @return the context (an active one, a test's or a notebook's, is reused)
     */
    public static SparkContext context(String master) {
        JdkCheck.require();
        SparkConf conf = new SparkConf().setAppName("clusterlab"); // with spark-submit's spark.* settings
        if (master != null) {
            conf.setMaster(master);
        }
        onOneMachine(master).forEach(conf::set);
        return SparkContext.getOrCreate(conf);
    }

    /** One machine: no web UI to bind, only the loopback. */
    private static Map<String, String> onOneMachine(String master) {
        return master != null && master.startsWith("local")
                ? Map.of("spark.ui.enabled", "false", "spark.driver.bindAddress", "127.0.0.1", "spark.driver.host", "127.0.0.1")
                : Map.of();
    }
}
