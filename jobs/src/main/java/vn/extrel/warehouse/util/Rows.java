package vn.extrel.warehouse.util;

import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/** Java collections into the Scala ones Spark's row encoder expects for array and map columns. */
public final class Rows {
  private Rows() {}

  public static scala.collection.Seq<Object> seq(List<?> list) {
    @SuppressWarnings("unchecked")
    List<Object> l = (List<Object>) list;
    return CollectionConverters.asScala(l).toSeq();
  }

  public static scala.collection.Map<String, String> map(Map<String, String> map) {
    return CollectionConverters.asScala(map);
  }
}
