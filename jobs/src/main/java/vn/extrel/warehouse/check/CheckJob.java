package vn.extrel.warehouse.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.extrel.warehouse.bronze.BronzeReader;
import vn.extrel.warehouse.bronze.BronzeTable;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.bronze.TableHeaders;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.errors.UserException;
import vn.extrel.warehouse.ingest.BronzeRecord;
import vn.extrel.warehouse.ingest.IngestErrors;
import vn.extrel.warehouse.ingest.SourceFileReader;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.load.InputScanner;
import vn.extrel.warehouse.load.SourceFile;
import vn.extrel.warehouse.quality.Reconciler;
import vn.extrel.warehouse.silver.SilverParser;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.util.Hashing;

/**
 * A dry run of one file: which layout claims it, the rows as read and classified, the facts they
 * give, every problem found, and how the totals reconcile. Runs the same readers and parser as a
 * load, in this process, without Spark and without writing anything.
 */
public final class CheckJob {

  /**
   * Rows kept for reconciliation in a dry run; a larger table is checked on the first rows only.
   */
  static final int MAX_RECONCILED_ROWS = 500_000;

  private final WarehouseConfig config;

  public CheckJob(WarehouseConfig config) {
    this.config = config;
  }

  /** What a dry run found. */
  public record FileCheck(
      String path,
      String layout,
      String target,
      String errorCode,
      String error,
      Map<String, Long> rowsByClass,
      List<Map<String, Object>> facts,
      long factCount,
      List<Row> quarantined,
      List<Row> reconciliation,
      List<Row> rows) {

    public long rows(String rowClass) {
      return rowsByClass.getOrDefault(rowClass, 0L);
    }

    public boolean ok() {
      return errorCode == null && quarantined.isEmpty();
    }
  }

  /**
   * @param layoutId the layout to use, or null to find the one whose pattern matches the file's
   *     path
   * @param keepFacts how many parsed facts to keep for display
   */
  public FileCheck check(Path file, String layoutId, int keepFacts) {
    String display = file.getFileName().toString();
    Layout layout;
    if (layoutId != null) {
      layout = config.layouts().get(layoutId);
      if (layout == null) {
        throw new UserException(
            "unknown layout '"
                + layoutId
                + "'; the configuration has "
                + config.layouts().keySet());
      }
    } else {
      SourceFile match = new InputScanner(config.layouts()).matchAnywhere(file);
      if (match == null || match.layoutId() == null) {
        String why =
            match == null || !"no_layout".equals(match.problem())
                ? (match == null ? file + ": no layout claims it" : match.detail())
                : file
                    + ": no layout claims this file. Write one in config/layouts/ (docs/LAYOUTS.md), or name"
                    + " an existing one with --layout";
        return new FileCheck(
            file.toString(),
            null,
            null,
            match == null ? "NO_LAYOUT" : match.problem().toUpperCase(),
            why,
            Map.of(),
            List.of(),
            0,
            List.of(),
            List.of(),
            List.of());
      }
      layout = config.layouts().get(match.layoutId());
      display = match.path();
    }
    String sha;
    try {
      sha = Hashing.sha256(hadoopPath(file), new org.apache.hadoop.conf.Configuration());
    } catch (IOException e) {
      throw new UserException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    FileTask task =
        new FileTask(hadoopPath(file), display, sha, file.toFile().length(), layout.id());
    BronzeReader bronze = new BronzeReader(config.layouts(), null, "check", null);
    TableHeaders headers = new TableHeaders();
    SilverParser parser = new SilverParser(config.layouts(), config.reference(), "check", headers);

    Map<String, Long> byClass = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>();
    List<Map<String, Object>> facts = new ArrayList<>();
    List<Row> quarantined = new ArrayList<>();
    List<Row> forTotals = new ArrayList<>();
    long factCount = 0;
    String errorCode = null;
    String error = null;
    try (SourceFileReader.CloseableIterator it =
        SourceFileReader.read(file.toFile(), display, layout, Targets.ALL.get(layout.target()))) {
      while (it.hasNext()) {
        BronzeRecord rec = it.next();
        Row r = bronze.toRow(task, layout, rec);
        headers.add(r);
        byClass.merge(rec.rowClass(), 1L, Long::sum);
        if (rows.size() < 2000) {
          rows.add(r);
        }
        if (BronzeRecord.DATA.equals(rec.rowClass())) {
          SilverParser.Parsed p = parser.parse(r);
          if (!p.problems().isEmpty()) {
            quarantined.add(quarantineRow(parser, r));
          }
          factCount += p.facts().size();
          for (Map<String, Object> f : p.facts()) {
            if (facts.size() < keepFacts) {
              facts.add(f);
            }
          }
        }
        if ((BronzeRecord.DATA.equals(rec.rowClass()) || BronzeRecord.TOTAL.equals(rec.rowClass()))
            && forTotals.size() < MAX_RECONCILED_ROWS) {
          forTotals.add(r);
        }
      }
    } catch (IngestErrors.FileException e) {
      errorCode = e.code();
      error = e.getMessage();
    } catch (OutOfMemoryError e) {
      // One file's allocation failed (past the readers' limits): the other files are still checked.
      IngestErrors.FileException fe = IngestErrors.outOfMemory(display, e);
      errorCode = fe.code();
      error = fe.getMessage();
    }
    List<Row> reconciliation = new ArrayList<>();
    if (errorCode == null) {
      Map<String, List<Row>> byTable = new LinkedHashMap<>();
      for (Row r : forTotals) {
        byTable
            .computeIfAbsent(
                r.getAs(BronzeTable.SHEET_INDEX) + ":" + r.getAs(BronzeTable.TABLE_INDEX),
                k -> new ArrayList<>())
            .add(r);
      }
      Reconciler reconciler = new Reconciler(parser, "check");
      byTable.values().forEach(t -> reconciliation.addAll(reconciler.reconcile(t.iterator())));
    }
    return new FileCheck(
        display,
        layout.id(),
        layout.target(),
        errorCode,
        error,
        byClass,
        facts,
        factCount,
        quarantined,
        reconciliation,
        rows);
  }

  /** Hadoop's spelling of a local path (spaces as they are, not %20). */
  private static String hadoopPath(Path file) {
    return new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()).toString();
  }

  private static Row quarantineRow(SilverParser parser, Row bronze) {
    try {
      var it = vn.extrel.warehouse.silver.SilverRows.quarantine(parser).call(bronze);
      return it.next();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
