package vn.extrel.warehouse.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.Lineage;

/**
 * The sortable name of a fact's publication (date, edition, file version), and its parts read back.
 */
final class PublicationName {
  private PublicationName() {}

  static final String NO_DATE = "0000-00-00";
  static final String NO_EDITION = "!";

  /** The sortable name of a fact's publication: date, edition, file version. */
  static Column of() {
    // An unknown date or edition sorts first: a publication that names one is the later.
    return concat_ws(
        "|",
        coalesce(col(FactTable.PUBLISHED).cast(DataTypes.StringType), lit(NO_DATE)),
        coalesce(col(FactTable.EDITION), lit(NO_EDITION)),
        col(Lineage.SOURCE_SHA256),
        col(Lineage.SOURCE_PATH));
  }

  /** The source path in a publication's name. */
  static Column pathOf(Column publication) {
    return functions.element_at(functions.split(publication, "\\|", 4), 4);
  }

  /** The publication date in a publication's name. */
  static Column publishedOf(Column publication) {
    Column d = functions.element_at(functions.split(publication, "\\|", 4), 1);
    return when(d.notEqual(lit(NO_DATE)), d.cast(DataTypes.DateType));
  }

  /** The edition in a publication's name. */
  static Column editionOf(Column publication) {
    Column e = functions.element_at(functions.split(publication, "\\|", 4), 2);
    return when(e.notEqual(lit(NO_EDITION)), e);
  }
}
