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

  /** A row that knows its schema, so fields can be read by name outside a Spark task too. */
  public static org.apache.spark.sql.Row of(
      org.apache.spark.sql.types.StructType schema, Object... values) {
    return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, schema);
  }

  public static scala.collection.Map<String, String> map(Map<String, String> map) {
    return CollectionConverters.asScala(map);
  }
}
