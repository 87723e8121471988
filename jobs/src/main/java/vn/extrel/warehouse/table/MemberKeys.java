package vn.extrel.warehouse.table;

import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Member keys: beside each keyed member column of a silver fact table ({@link FactTable#keyed()},
 * such as {@code partner_country}) a {@code _key} column holds the member's 64-bit hash, the value
 * of Spark SQL's {@code xxhash64(partner_country)}. Aggregations over millions of rows group by the
 * numbers, several times faster than by the texts, and turn the few keys of the result back into
 * members with {@code silver.member_keys}.
 *
 * <p>A key depends on the member's text alone, so it never changes and needs no assigning: the same
 * text has the same key in every table, load and warehouse. {@code silver.member_keys} only ever
 * grows; the gold stage adds what it has not seen (a new partner, a new product group).
 */
public final class MemberKeys {
  private MemberKeys() {}

  public static final TableId ID = new TableId("silver", "member_keys");

  public static final String KEY = "key";
  public static final String MEMBER = "member";

  public static final StructType SCHEMA =
      new StructType().add(KEY, DataTypes.LongType, false).add(MEMBER, DataTypes.StringType, false);

  /** What a keyed column's key column is called after it: {@code product_group_key}. */
  static final String KEY_SUFFIX = "_key";

  /** Spark SQL's {@code xxhash64} seed. */
  private static final long SEED = 42L;

  /** The key of a member: {@code xxhash64(member)} as Spark SQL computes it; null for null. */
  public static Long of(String member) {
    return member == null ? null : XXH64.hashUTF8String(UTF8String.fromString(member), SEED);
  }
}
