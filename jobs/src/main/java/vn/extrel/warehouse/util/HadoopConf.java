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

  public Configuration get() {
    if (conf == null) {
      Configuration c = new Configuration(false);
      entries.forEach(c::set);
      conf = c;
    }
    return conf;
  }
}
