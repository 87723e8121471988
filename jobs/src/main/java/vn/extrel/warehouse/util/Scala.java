package vn.extrel.warehouse.util;

import java.util.List;
import scala.jdk.javaapi.CollectionConverters;

/** The few Scala collections Spark's Java API still asks for. */
public final class Scala {
  private Scala() {}

  public static scala.collection.immutable.Seq<String> seq(List<String> list) {
    return CollectionConverters.asScala(list).toList();
  }
}
