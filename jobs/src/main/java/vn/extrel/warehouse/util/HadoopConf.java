package vn.extrel.warehouse.util;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop configuration that can travel to executors (so s3a credentials and endpoints reach
 * them).
 */
public final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> entries = new HashMap<>();
  private transient Configuration conf;

  public HadoopConf(Configuration conf) {
    for (Map.Entry<String, String> e : conf) {
      entries.put(e.getKey(), e.getValue());
    }
    this.conf = conf;
  }

  /**
   * The Hadoop configuration a SparkContext would build, for the paths that decide without one (the
   * nothing-changed nightly): Hadoop's defaults plus every {@code spark.hadoop.*} setting given to
   * the JVM (by spark-submit's --conf, or -D in WAREHOUSE_JAVA_OPTS), e.g. the s3a endpoint and
   * keys.
   */
  public static Configuration withoutSpark() {
    Configuration c = vn.extrel.warehouse.spark.LocalFiles.apply(new Configuration());
    // Read like SparkConf reads them, without loading Spark's classes: this path must stay fast.
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("spark.hadoop.")) {
        c.set(name.substring("spark.hadoop.".length()), System.getProperty(name));
      }
    }
    return c;
  }

  public Configuration get() {
    if (conf == null) {
      Configuration c = new Configuration(false);
      entries.forEach(c::set);
      conf = c;
    }
    return conf;
  }
}
