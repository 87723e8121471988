package vn.extrel.warehouse.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent Spark actions (writes to different tables) side by side. Each Delta commit costs
 * a fixed driver-side latency; overlapping them shortens a load of small files several-fold.
 */
public final class Parallel {
  private Parallel() {}

  public static <T> List<T> all(List<Callable<T>> tasks, int threads) {
    if (tasks.size() <= 1 || threads <= 1) {
      List<T> out = new ArrayList<>();
      for (Callable<T> t : tasks) {
        try {
          out.add(t.call());
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, tasks.size()),
            r -> {
              Thread th = new Thread(r, "extrel-parallel");
              th.setDaemon(true);
              return th;
            });
    try {
      List<Future<T>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(pool.submit(t)));
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException re) {
            throw re;
          }
          if (c instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(c);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
