package vn.extrel.warehouse.bronze;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import vn.extrel.warehouse.ingest.BronzeCell;
import vn.extrel.warehouse.ingest.BronzeRecord;
import vn.extrel.warehouse.ingest.IngestErrors;
import vn.extrel.warehouse.ingest.SourceFileReader;
import vn.extrel.warehouse.layout.Layout;
import vn.extrel.warehouse.silver.Target;
import vn.extrel.warehouse.silver.Targets;
import vn.extrel.warehouse.util.HadoopConf;
import vn.extrel.warehouse.util.Rows;
import vn.extrel.warehouse.util.Text;

/**
 * Runs on an executor: reads one file version into bronze rows. A file that fails becomes one
 * {@code file_error} row carrying the reason (after any rows read before the failure), so one bad
 * file never fails the Spark job, and the driver learns of it from the table.
 */
public final class BronzeReader implements FlatMapFunction<FileTask, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Layout> layouts;
  private final HadoopConf hadoop;
  private final String runId;

  public BronzeReader(Map<String, Layout> layouts, HadoopConf hadoop, String runId) {
    this.layouts = Map.copyOf(layouts);
    this.hadoop = hadoop;
    this.runId = runId;
  }

  @Override
  public Iterator<Row> call(FileTask task) {
    Layout layout = layouts.get(task.layoutId());
    Target target = Targets.ALL.get(layout.target());
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
      return List.of(errorRow(task, layout, IngestErrors.unreadable(task.path(), e))).iterator();
    }
    try {
      SourceFileReader.CloseableIterator records =
          SourceFileReader.read(local, task.path(), layout, target);
      RowIterator it = new RowIterator(records, task, layout, local, temporary);
      TaskContext tc = TaskContext.get();
      if (tc != null) {
        tc.addTaskCompletionListener(
            (org.apache.spark.util.TaskCompletionListener) ctx -> it.finish());
      }
      return it;
    } catch (RuntimeException | StackOverflowError e) {
      deleteIf(temporary, local);
      return List.of(errorRow(task, layout, e)).iterator();
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

  /** One bronze row for a record read from a file version. */
  public Row toRow(FileTask task, Layout layout, BronzeRecord r) {
    List<Object> cells = new ArrayList<>(r.cells().size());
    for (BronzeCell c : r.cells()) {
      cells.add(
          Rows.of(
              BronzeTable.CELL,
              c.column(),
              c.key(),
              c.header(),
              c.ref(),
              c.kind(),
              c.text(),
              c.unit()));
    }
    return Rows.of(
        BronzeTable.SCHEMA,
        runId,
        layout.id(),
        layout.target(),
        layout.dataset(),
        task.path(),
        task.sha256(),
        r.sheet(),
        r.sheetIndex(),
        r.row(),
        r.rowClass(),
        r.label(),
        r.tableIndex(),
        BronzeTable.lineageId(task.sha256(), r.sheetIndex(), r.row()),
        Rows.map(r.context()),
        Rows.seq(cells),
        null);
  }

  /** The single row that stands for a file that could not be read. */
  public Row errorRow(FileTask task, Layout layout, Throwable e) {
    String code;
    String message;
    if (e instanceof IngestErrors.FileException fe) {
      code = fe.code();
      message = fe.getMessage();
    } else {
      code = "INTERNAL_ERROR";
      message =
          task.path()
              + ": reading failed unexpectedly ("
              + e.getClass().getSimpleName()
              + ": "
              + Text.clip(String.valueOf(e.getMessage()), 300)
              + "). This is a bug in the loader; please report it"
              + " with the file";
    }
    return Rows.of(
        BronzeTable.SCHEMA,
        runId,
        layout.id(),
        layout.target(),
        layout.dataset(),
        task.path(),
        task.sha256(),
        null,
        -1,
        0,
        BronzeRecord.FILE_ERROR,
        message,
        -1,
        BronzeTable.lineageId(task.sha256(), -1, 0),
        Rows.map(Map.of()),
        Rows.seq(List.of()),
        code);
  }

  /** Bronze rows of one file, turning a failure part-way into a final error row. */
  private final class RowIterator implements Iterator<Row> {
    private final SourceFileReader.CloseableIterator records;
    private final FileTask task;
    private final Layout layout;
    private final File local;
    private final boolean temporary;
    private Row pendingError;
    private boolean done;

    RowIterator(
        SourceFileReader.CloseableIterator records,
        FileTask task,
        Layout layout,
        File local,
        boolean temporary) {
      this.records = records;
      this.task = task;
      this.layout = layout;
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
      } catch (RuntimeException | StackOverflowError e) {
        pendingError = errorRow(task, layout, e);
        finish();
        return true;
      }
      finish();
      return false;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (pendingError != null) {
        Row r = pendingError;
        pendingError = null;
        done = true;
        return r;
      }
      return toRow(task, layout, records.next());
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
