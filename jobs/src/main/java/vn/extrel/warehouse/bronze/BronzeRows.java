package vn.extrel.warehouse.bronze;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.CollectionAccumulator;
import vn.extrel.warehouse.ingest.BronzeRecord;
import vn.extrel.warehouse.ingest.IngestErrors;
import vn.extrel.warehouse.ingest.RawCell;
import vn.extrel.warehouse.ingest.SourceFileReader;
import vn.extrel.warehouse.ingest.TableColumn;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.util.HadoopConf;
import vn.extrel.warehouse.util.Text;

/**
 * The executor-side step from source files to bronze (as {@code SilverRows} is from bronze to
 * silver): reads one file version into bronze rows, which the bronze stage writes. A file that
 * fails becomes one {@code file_error} row carrying the reason (after any rows read before the
 * failure), so one bad file never fails the Spark job, and the driver learns of it from the table
 * and from the counts the task reports.
 *
 * <p>Rows are built in Spark's internal form (UTF-8 strings, the file's constant columns encoded
 * once per file, a context map shared by the rows it describes): converting external {@code Row}s
 * cost as much as reading the CSV.
 */
public final class BronzeRows implements FlatMapFunction<FileTask, InternalRow>, Serializable {
  private static final long serialVersionUID = 1L;

  private static final StructType SCHEMA = BronzeTable.SCHEMA;

  private final Map<String, Layout> layouts;
  private final HadoopConf hadoop;
  private final String runId;
  private final CollectionAccumulator<FileCounts> counts;

  /**
   * @param counts where each task reports what each file gave (may be null)
   */
  public BronzeRows(
      Map<String, Layout> layouts,
      HadoopConf hadoop,
      String runId,
      CollectionAccumulator<FileCounts> counts) {
    this.layouts = Map.copyOf(layouts);
    this.hadoop = hadoop;
    this.runId = runId;
    this.counts = counts;
  }

  /**
   * The rows of several file versions, one after another, each opened when the one before is done
   * (a task reads a bin of files; see {@code BronzeStage}).
   */
  public FlatMapFunction<List<FileTask>, InternalRow> files() {
    return bin ->
        new Iterator<>() {
          private final Iterator<FileTask> next = bin.iterator();
          private Iterator<InternalRow> current = java.util.Collections.emptyIterator();

          @Override
          public boolean hasNext() {
            while (!current.hasNext()) {
              if (!next.hasNext()) {
                return false;
              }
              current = call(next.next());
            }
            return true;
          }

          @Override
          public InternalRow next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }
        };
  }

  /** Rows by class of one file version, or the reason it could not be read. */
  public record FileCounts(
      String path,
      long data,
      long other,
      String errorCode,
      String error,
      List<TableHeaders.Entry> headers)
      implements Serializable {}

  /** The layouts a file is read with: one, or several that share a workbook sheet by sheet. */
  private List<Layout> layoutsOf(FileTask task) {
    List<Layout> out = new java.util.ArrayList<>();
    for (String id :
        task.layoutId().split(vn.extrel.warehouse.config.WarehouseConfig.LAYOUT_SEPARATOR)) {
      out.add(layouts.get(id));
    }
    return out;
  }

  @Override
  public Iterator<InternalRow> call(FileTask task) {
    List<Layout> fileLayouts = layoutsOf(task);
    Map<String, FileColumns> columns = new java.util.HashMap<>();
    for (Layout l : fileLayouts) {
      columns.put(l.id(), new FileColumns(task, l));
    }
    FileColumns file = columns.get(fileLayouts.get(0).id());
    File local;
    boolean temporary;
    try {
      Path p = new Path(task.uri());
      if ("file".equals(p.toUri().getScheme())) {
        local = new File(p.toUri());
        temporary = false;
      } else {
        local = copyToLocal(p);
        temporary = true;
      }
    } catch (IOException | RuntimeException e) {
      InternalRow error = errorRow(file, IngestErrors.unreadable(task.path(), e));
      report(task, 0, 0, error, List.of());
      return List.of(error).iterator();
    }
    try {
      SourceFileReader.CloseableIterator records =
          SourceFileReader.read(local, task.path(), fileLayouts);
      RowIterator it = new RowIterator(records, columns, file, local, temporary);
      TaskContext tc = TaskContext.get();
      if (tc != null) {
        tc.addTaskCompletionListener(
            (org.apache.spark.util.TaskCompletionListener) ctx -> it.finish());
      }
      return it;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      deleteIf(temporary, local);
      InternalRow error = errorRow(file, e);
      report(task, 0, 0, error, List.of());
      return List.of(error).iterator();
    }
  }

  private void report(
      FileTask task, long data, long other, InternalRow error, List<TableHeaders.Entry> headers) {
    if (counts != null) {
      counts.add(
          new FileCounts(
              task.path(),
              data,
              other,
              error == null ? null : error.getUTF8String(I_ERROR_CODE).toString(),
              error == null ? null : error.getUTF8String(I_LABEL).toString(),
              headers));
    }
  }

  /** Workbooks need random access; remote files are copied to the executor's local disk first. */
  private File copyToLocal(Path p) throws IOException {
    FileSystem fs = p.getFileSystem(hadoop.get());
    File tmp =
        Files.createTempFile("extrel-", "-" + p.getName().replaceAll("[^A-Za-z0-9.]", "_"))
            .toFile();
    try (InputStream in = fs.open(p);
        OutputStream out = Files.newOutputStream(tmp.toPath())) {
      in.transferTo(out);
    }
    return tmp;
  }

  private static void deleteIf(boolean temporary, File f) {
    if (temporary) {
      try {
        Files.deleteIfExists(f.toPath());
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }

  private static final int I_RUN_ID = SCHEMA.fieldIndex(BronzeTable.RUN_ID);
  private static final int I_LAYOUT = SCHEMA.fieldIndex(BronzeTable.LAYOUT);
  private static final int I_TARGET = SCHEMA.fieldIndex(BronzeTable.TARGET);
  private static final int I_DATASET = SCHEMA.fieldIndex(BronzeTable.DATASET);
  private static final int I_SOURCE_PATH = SCHEMA.fieldIndex(BronzeTable.SOURCE_PATH);
  private static final int I_SOURCE_SHA256 = SCHEMA.fieldIndex(BronzeTable.SOURCE_SHA256);
  private static final int I_SHEET = SCHEMA.fieldIndex(BronzeTable.SHEET);
  private static final int I_SHEET_INDEX = SCHEMA.fieldIndex(BronzeTable.SHEET_INDEX);
  private static final int I_ROW = SCHEMA.fieldIndex(BronzeTable.ROW);
  private static final int I_ROW_CLASS = SCHEMA.fieldIndex(BronzeTable.ROW_CLASS);
  private static final int I_LABEL = SCHEMA.fieldIndex(BronzeTable.LABEL);
  private static final int I_TABLE_INDEX = SCHEMA.fieldIndex(BronzeTable.TABLE_INDEX);
  private static final int I_CONTEXT = SCHEMA.fieldIndex(BronzeTable.CONTEXT);
  private static final int I_SECTION = SCHEMA.fieldIndex(BronzeTable.SECTION);
  private static final int I_TEXTS = SCHEMA.fieldIndex(BronzeTable.TEXTS);
  private static final int I_KINDS = SCHEMA.fieldIndex(BronzeTable.KINDS);
  private static final int I_COLUMNS = SCHEMA.fieldIndex(BronzeTable.COLUMNS);
  private static final int I_ERROR_CODE = SCHEMA.fieldIndex(BronzeTable.ERROR_CODE);

  /** The columns that are the same on every row of a file version, encoded once. */
  private final class FileColumns {
    final FileTask task;
    final UTF8String runId;
    final UTF8String layout;
    final UTF8String target;
    final UTF8String dataset;
    final UTF8String path;
    final UTF8String sha256;
    UTF8String sheetName;
    String sheet;
    char[] kinds;
    UTF8String kindsData;
    final Map<String, UTF8String> classes = new java.util.HashMap<>();
    Map<String, String> context;
    MapData contextData;

    FileColumns(FileTask task, Layout l) {
      this.task = task;
      this.runId = UTF8String.fromString(BronzeRows.this.runId);
      this.layout = UTF8String.fromString(l.id());
      this.target = UTF8String.fromString(l.target());
      this.dataset = UTF8String.fromString(l.dataset());
      this.path = UTF8String.fromString(task.path());
      this.sha256 = UTF8String.fromString(task.sha256());
    }

    /** Rows of a table mostly have the same kinds: encoded once per change. */
    UTF8String kinds(char[] k) {
      if (!Arrays.equals(k, kinds)) {
        kinds = k;
        kindsData = UTF8String.fromString(new String(k));
      }
      return kindsData;
    }

    UTF8String rowClass(String c) {
      return classes.computeIfAbsent(c, UTF8String::fromString);
    }

    /** A row's values with the file's columns (run, layout, target, dataset, path, SHA-256) set. */
    Object[] values() {
      Object[] v = new Object[SCHEMA.length()];
      v[I_RUN_ID] = runId;
      v[I_LAYOUT] = layout;
      v[I_TARGET] = target;
      v[I_DATASET] = dataset;
      v[I_SOURCE_PATH] = path;
      v[I_SOURCE_SHA256] = sha256;
      return v;
    }

    UTF8String sheet(String name) {
      if (!java.util.Objects.equals(name, sheet)) {
        sheet = name;
        sheetName = utf8(name);
      }
      return sheetName;
    }

    /** Rows share their context map until a row changes it: encoded once per change. */
    MapData context(Map<String, String> ctx) {
      if (ctx == null) {
        return null;
      }
      if (ctx != context || contextData == null) {
        context = ctx;
        contextData = map(ctx);
      }
      return contextData;
    }
  }

  private static UTF8String utf8(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }

  private static MapData map(Map<String, String> m) {
    Object[] keys = new Object[m.size()];
    Object[] values = new Object[m.size()];
    int i = 0;
    for (Map.Entry<String, String> e : m.entrySet()) {
      keys[i] = UTF8String.fromString(e.getKey());
      values[i] = utf8(e.getValue());
      i++;
    }
    return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(values));
  }

  /** One bronze row for a record read from a file version. */
  private InternalRow toInternal(FileColumns f, BronzeRecord r) {
    List<RawCell> cells = r.cells();
    int width = 0;
    for (RawCell c : cells) {
      width = Math.max(width, c.column() + 1);
    }
    Object[] texts = new Object[width];
    boolean allText = true;
    for (RawCell c : cells) {
      texts[c.column()] = UTF8String.fromString(c.text());
      allText &= c.kind() == 's' && !c.formula();
    }
    // Kinds only where a cell is not plain text (CSV never): one letter per column, ' ' where
    // empty.
    UTF8String kinds = null;
    if (!allText) {
      char[] k = new char[width];
      Arrays.fill(k, ' ');
      for (RawCell c : cells) {
        // A formula's cached result keeps its kind in upper case ("N": a SUM's total).
        k[c.column()] = c.formula() ? Character.toUpperCase(c.kind()) : c.kind();
      }
      kinds = f.kinds(k);
    }
    GenericArrayData columns = null;
    if (r.columns() != null) {
      Object[] cs = new Object[r.columns().size()];
      for (int i = 0; i < cs.length; i++) {
        TableColumn c = r.columns().get(i);
        cs[i] =
            new GenericInternalRow(
                new Object[] {
                  c.index(), utf8(c.column()), utf8(c.key()), utf8(c.header()), utf8(c.unit())
                });
      }
      columns = new GenericArrayData(cs);
    }
    Object[] v = f.values();
    v[I_SHEET] = f.sheet(r.sheet());
    v[I_SHEET_INDEX] = r.sheetIndex();
    v[I_ROW] = r.row();
    v[I_ROW_CLASS] = f.rowClass(r.rowClass());
    // A data row's label is its first text cell, already in texts: kept for the others.
    v[I_LABEL] = BronzeRecord.DATA.equals(r.rowClass()) ? null : utf8(r.label());
    v[I_TABLE_INDEX] = r.tableIndex();
    v[I_CONTEXT] = f.context(r.context());
    v[I_SECTION] = utf8(r.section());
    v[I_TEXTS] = new GenericArrayData(texts);
    v[I_KINDS] = kinds;
    v[I_COLUMNS] = columns;
    return new GenericInternalRow(v);
  }

  /** The single row that stands for a file that could not be read. */
  private InternalRow errorRow(FileColumns f, Throwable e) {
    String code;
    String message;
    if (e instanceof OutOfMemoryError) {
      e = IngestErrors.outOfMemory(f.task.path(), e);
    }
    if (e instanceof IngestErrors.FileException fe) {
      code = fe.code();
      message = fe.getMessage();
    } else {
      code = "INTERNAL_ERROR";
      message =
          f.task.path()
              + ": reading failed unexpectedly ("
              + e.getClass().getSimpleName()
              + ": "
              + Text.clip(String.valueOf(e.getMessage()), 300)
              + "). This is a bug in the loader; please report it"
              + " with the file";
    }
    Object[] v = f.values();
    v[I_SHEET_INDEX] = -1;
    v[I_ROW] = 0;
    v[I_ROW_CLASS] = UTF8String.fromString(BronzeRecord.FILE_ERROR);
    v[I_LABEL] = UTF8String.fromString(message);
    v[I_TABLE_INDEX] = -1;
    v[I_CONTEXT] = map(Map.of());
    v[I_TEXTS] = new GenericArrayData(new Object[0]);
    v[I_ERROR_CODE] = UTF8String.fromString(code);
    return new GenericInternalRow(v);
  }

  private static scala.Function1<Object, Object> toScala;

  /** A bronze row as an external {@code Row} with its schema, for reading outside Spark tasks. */
  private static synchronized Row external(InternalRow row) {
    if (toScala == null) {
      toScala = CatalystTypeConverters.createToScalaConverter(SCHEMA);
    }
    return (Row) toScala.apply(row);
  }

  /** One bronze row for a record read from a file version (outside Spark: {@code check}). */
  public Row toRow(FileTask task, Layout layout, BronzeRecord r) {
    return external(toInternal(new FileColumns(task, layout), r));
  }

  /** Bronze rows of one file, turning a failure part-way into a final error row. */
  private final class RowIterator implements Iterator<InternalRow> {
    private final SourceFileReader.CloseableIterator records;
    private final Map<String, FileColumns> columns;
    private final FileColumns file;
    private final File local;
    private final boolean temporary;
    private InternalRow pendingError;
    private boolean done;
    private long data;
    private long other;
    private final List<TableHeaders.Entry> headers = new java.util.ArrayList<>();

    RowIterator(
        SourceFileReader.CloseableIterator records,
        Map<String, FileColumns> columns,
        FileColumns file,
        File local,
        boolean temporary) {
      this.records = records;
      this.columns = columns;
      this.file = file;
      this.local = local;
      this.temporary = temporary;
    }

    @Override
    public boolean hasNext() {
      if (pendingError != null) {
        return true;
      }
      if (done) {
        return false;
      }
      try {
        if (records.hasNext()) {
          return true;
        }
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        // An OutOfMemoryError here is one file's allocation failing (the limits of the readers
        // should have refused it first): that file fails, not the executor and the night.
        pendingError = errorRow(file, e);
        report(file.task, data, other, pendingError, headers);
        finish();
        return true;
      }
      report(file.task, data, other, null, headers);
      finish();
      return false;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (pendingError != null) {
        InternalRow r = pendingError;
        pendingError = null;
        done = true;
        return r;
      }
      BronzeRecord r = records.next();
      FileColumns sheetColumns = columns.getOrDefault(records.layout().id(), file);
      if (BronzeRecord.DATA.equals(r.rowClass())) {
        data++;
      } else {
        other++;
      }
      if (r.columns() != null) {
        headers.add(
            new TableHeaders.Entry(
                file.task.path(),
                file.task.sha256(),
                r.sheetIndex(),
                r.tableIndex(),
                r.columns(),
                r.context()));
      }
      return toInternal(sheetColumns, r);
    }

    void finish() {
      if (!done) {
        done = true;
        records.close();
        deleteIf(temporary, local);
      }
    }
  }
}
