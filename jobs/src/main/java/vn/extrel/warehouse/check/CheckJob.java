package vn.extrel.warehouse.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.extrel.warehouse.bronze.BronzeRows;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.bronze.TableHeaders;
import vn.extrel.warehouse.config.WarehouseConfig;
import vn.extrel.warehouse.ingest.BronzeRecord;
import vn.extrel.warehouse.ingest.IngestErrors;
import vn.extrel.warehouse.ingest.SourceFileReader;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.load.InputScanner;
import vn.extrel.warehouse.load.SourceFile;
import vn.extrel.warehouse.quality.Reconciler;
import vn.extrel.warehouse.silver.SilverParser;
import vn.extrel.warehouse.silver.SilverRows;
import vn.extrel.warehouse.table.BronzeTable;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FileStatus;
import vn.extrel.warehouse.table.RowClass;
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
      Map<RowClass, Long> rowsByClass,
      List<Map<String, Object>> facts,
      long factCount,
      long totalCount,
      List<Row> quarantined,
      List<Row> reconciliation,
      List<Row> rows,
      long loaded,
      long excluded) {

    /** Rows read: every one is loaded, quarantined or excluded. */
    public long read() {
      return rowsByClass.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rows(RowClass rowClass) {
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
    List<Layout> layouts;
    if (layoutId != null) {
      if (!config.layouts().containsKey(layoutId)) {
        throw CheckErrors.unknownLayout(layoutId, config.layouts().keySet());
      }
      layouts = List.of(config.layouts().get(layoutId));
    } else {
      SourceFile match = new InputScanner(config.layouts()).matchAnywhere(file);
      if (match == null || match.layoutId() == null) {
        String why =
            match == null || match.problem() != FileStatus.NO_LAYOUT
                ? (match == null ? file + ": no layout claims it" : match.detail())
                : file
                    + ": no layout claims this file. Write one in config/layouts/ (docs/LAYOUTS.md), or name"
                    + " an existing one with --layout";
        return new FileCheck(
            file.toString(),
            null,
            null,
            (match == null ? FileStatus.NO_LAYOUT : match.problem()).name(),
            why,
            Map.of(),
            List.of(),
            0,
            0,
            List.of(),
            List.of(),
            List.of(),
            0,
            0);
      }
      layouts = config.layoutsOf(match.layoutId());
      display = match.path();
    }
    String id = String.join(Layout.ID_SEPARATOR, layouts.stream().map(Layout::id).toList());
    String sha;
    try {
      sha = Hashing.sha256(hadoopPath(file), new org.apache.hadoop.conf.Configuration());
    } catch (IOException e) {
      throw CheckErrors.cannotRead(file, e);
    }
    FileTask task = new FileTask(hadoopPath(file), display, sha, file.toFile().length(), id);
    BronzeRows bronze = new BronzeRows(config.layouts(), null, "check", null);
    TableHeaders headers = new TableHeaders();
    SilverParser parser = new SilverParser(config.layouts(), config.reference(), "check", headers);

    Map<RowClass, Long> byClass = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>();
    List<Map<String, Object>> facts = new ArrayList<>();
    List<Row> quarantined = new ArrayList<>();
    List<Row> forTotals = new ArrayList<>();
    long factCount = 0;
    long totalCount = 0;
    long loaded = 0;
    long excluded = 0;
    String errorCode = null;
    String error = null;
    try (SourceFileReader.CloseableIterator it =
        SourceFileReader.read(file.toFile(), display, layouts)) {
      while (it.hasNext()) {
        BronzeRecord rec = it.next();
        Row r = bronze.toRow(task, it.layout(), rec);
        headers.add(r);
        byClass.merge(rec.rowClass(), 1L, Long::sum);
        if (rows.size() < 2000) {
          rows.add(r);
        }
        if (rec.rowClass() == RowClass.DATA || rec.rowClass() == RowClass.TOTAL) {
          SilverParser.Parsed p = parser.parse(r);
          SilverRows.Outcome o = SilverRows.outcome(parser, r);
          if (o.quarantine() != null) {
            quarantined.add(o.quarantine());
          } else if (o.excluded() != null) {
            excluded++;
          } else {
            loaded++;
          }
          for (Map<String, Object> f :
              o.facts().isEmpty() ? List.<Map<String, Object>>of() : p.facts()) {
            if (FactTable.DETAIL.equals(f.getOrDefault(FactTable.ROW_ROLE, FactTable.DETAIL))) {
              factCount++;
              if (facts.size() < keepFacts) {
                facts.add(f);
              }
            } else {
              totalCount++;
            }
          }
        } else {
          excluded++;
        }
        if ((rec.rowClass() == RowClass.DATA || rec.rowClass() == RowClass.TOTAL)
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
        id,
        config.targetsOf(id),
        errorCode,
        error,
        byClass,
        facts,
        factCount,
        totalCount,
        quarantined,
        reconciliation,
        rows,
        loaded,
        excluded);
  }

  /** Hadoop's spelling of a local path (spaces as they are, not %20). */
  private static String hadoopPath(Path file) {
    return new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()).toString();
  }
}
