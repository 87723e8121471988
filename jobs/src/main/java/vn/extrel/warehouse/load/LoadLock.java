package vn.extrel.warehouse.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Supplier;
import vn.extrel.warehouse.catalog.Warehouse;

/**
 * One load at a time per warehouse: an OS file lock on {@code <warehouse>/_locks/load.lock}. The
 * kernel drops the lock when the process dies, even by SIGKILL, so a crashed load never blocks the
 * next one. Readers take no lock; Delta gives them a consistent snapshot.
 */
public final class LoadLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private LoadLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the warehouse's lock for {@code holder}. A warehouse on object storage has no OS locks of
   * its own: its lock lives on this machine ({@link
   * vn.extrel.warehouse.catalog.Warehouse#machineDir}), so two loads started here (the scheduler, a
   * hand-run load) never write at once. Loads from two machines are kept apart by running the
   * schedule on one machine only; see docs/SCALING.md, "Several writers".
   */
  public static LoadLock acquire(Warehouse w, String holder, long waitMillis) {
    return acquire(w.machineDir(), holder, waitMillis);
  }

  /** Runs {@code work} holding the warehouse's lock ({@link #acquire(Warehouse, String, long)}). */
  static <T> T run(Warehouse w, String holder, long waitMillis, Supplier<T> work) {
    try (LoadLock lock = acquire(w, holder, waitMillis)) {
      return work.get();
    }
  }

  /**
   * Takes the lock, waiting up to {@code waitMillis} (0: fail at once).
   *
   * @throws LoadLockedException when another load holds it, naming that load
   */
  public static LoadLock acquire(Path warehouseDir, String runId, long waitMillis) {
    try {
      Path dir = warehouseDir.resolve("_locks");
      Files.createDirectories(dir);
      Path file = dir.resolve("load.lock");
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long deadline = System.currentTimeMillis() + waitMillis;
      while (true) {
        FileLock l;
        try {
          l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          l = null;
        }
        if (l != null) {
          String who =
              "run "
                  + runId
                  + " pid "
                  + ManagementFactory.getRuntimeMXBean().getPid()
                  + " started "
                  + Instant.now()
                  + "\n";
          ch.truncate(0);
          ch.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
          ch.force(false);
          return new LoadLock(ch, l);
        }
        if (System.currentTimeMillis() >= deadline) {
          String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
          if (holder.isEmpty()) {
            // The holder may be between taking the lock and writing its name.
            Thread.sleep(200);
            holder = Files.readString(file, StandardCharsets.UTF_8).trim();
          }
          ch.close();
          throw new LoadLockedException(
              "another load is running on this warehouse ("
                  + (holder.isEmpty() ? "unknown" : holder)
                  + "). Wait for it to finish, or pass --wait to queue behind it");
        }
        Thread.sleep(Math.min(1000, Math.max(50, deadline - System.currentTimeMillis())));
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot create the load lock under " + warehouseDir + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadLockedException("interrupted while waiting for another load to finish");
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the lock goes with the channel or the process anyway
    }
  }
}
