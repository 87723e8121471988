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
      // Every task ends before this returns or throws: a write still running behind a failed step
      // could commit after the load has given up (and released its lock). Tasks not started when
      // one fails never start.
      java.util.concurrent.atomic.AtomicBoolean failed =
          new java.util.concurrent.atomic.AtomicBoolean();
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> t : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  if (failed.get()) {
                    return null;
                  }
                  try {
                    return t.call();
                  } catch (Exception | Error e) {
                    failed.set(true);
                    throw e;
                  }
                }));
      }
      List<T> out = new ArrayList<>();
      Throwable failure = null;
      for (Future<T> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          failure = failure == null ? e.getCause() : failure;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = failure == null ? new IllegalStateException("interrupted", e) : failure;
        }
      }
      if (failure instanceof RuntimeException re) {
        throw re;
      }
      if (failure instanceof Error err) {
        throw err;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
