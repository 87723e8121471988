package vn.extrel.warehouse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ResultPrinterTest {

  static final StructType SCHEMA =
      new StructType()
          .add("indicator", DataTypes.StringType)
          .add("value", DataTypes.createDecimalType(38, 6))
          .add("yoy_ratio", DataTypes.DoubleType);

  static String print(ResultPrinter.Format f, Row... rows) {
    StringWriter sw = new StringWriter();
    ResultPrinter.print(SCHEMA, List.of(rows).iterator(), f, new PrintWriter(sw));
    return sw.toString();
  }

  @Test
  void numbersArePrintedPlainlyNeverInScientificNotation() {
    String csv =
        print(
            ResultPrinter.Format.CSV,
            RowFactory.create(
                "fdi_disbursed_usd", new BigDecimal("17250000.000000"), 4.400510204081632));
    assertThat(csv)
        .isEqualTo("indicator,value,yoy_ratio\nfdi_disbursed_usd,17250000,4.400510204081632\n");
  }

  @Test
  void csvQuotesWhatNeedsQuoting() {
    String csv = print(ResultPrinter.Format.CSV, RowFactory.create("a,b \"c\"", null, null));
    assertThat(csv).endsWith("\"a,b \"\"c\"\"\",,\n");
  }

  @Test
  void jsonLinesKeepNumbersAsNumbers() {
    String json =
        print(
            ResultPrinter.Format.JSON, RowFactory.create("x", new BigDecimal("6785.000000"), null));
    assertThat(json.trim()).isEqualTo("{\"indicator\":\"x\",\"value\":6785,\"yoy_ratio\":null}");
  }

  @Test
  void tablesAlignAndCountRows() {
    String t =
        print(
            ResultPrinter.Format.TABLE,
            RowFactory.create("fdi_jobs", new BigDecimal("6785"), 1.2449));
    assertThat(t).contains("fdi_jobs").contains("6785").contains("1.2449").contains("(1 row)");
  }
}
