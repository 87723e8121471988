package vn.extrel.warehouse.schedule;

import java.io.IOException;
import java.io.PrintWriter;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import vn.extrel.warehouse.catalog.Warehouse;
import vn.extrel.warehouse.load.LoadLockedException;

/**
 * The long-running nightly scheduler, on Quartz: a cron trigger in the province's time zone, one
 * run at a time, a run missed while the scheduler was down fired once at start-up, failed runs
 * retried with backoff, and a clean stop on SIGTERM that lets a running load finish its commit.
 */
public final class NightlyScheduler {

  /**
   * @param cron a Quartz cron expression (seconds first, e.g. {@code 0 0 2 * * ?}) or a five-field
   *     Unix one
   * @param lastRunStart when the last nightly run started, or null: decides whether a run was
   *     missed
   */
  public record Settings(
      String cron, ZoneId zone, int retries, long backoffMillis, Instant lastRunStart) {}

  private final Settings settings;
  private final Warehouse warehouse;
  private final NightlyJob nightly;
  private final Supplier<SparkSession> sessions;
  private final PrintWriter out;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Scheduler scheduler;

  public NightlyScheduler(
      Settings settings,
      Warehouse warehouse,
      NightlyJob nightly,
      Supplier<SparkSession> sessions,
      PrintWriter out) {
    this.settings = settings;
    this.warehouse = warehouse;
    this.nightly = nightly;
    this.sessions = sessions;
    this.out = out;
  }

  /**
   * Unix cron has five fields, minutes first; Quartz wants seconds first and '?' for one of the day
   * fields.
   */
  public static String quartzCron(String cron) {
    String[] f = cron.trim().split("\\s+");
    if (f.length == 5) {
      String dom = f[2];
      String dow = f[4];
      if ("*".equals(dow)) {
        dow = "?";
      } else if ("*".equals(dom)) {
        dom = "?";
      }
      return "0 " + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow;
    }
    return cron.trim();
  }

  public static CronExpression parse(String cron, ZoneId zone) {
    try {
      CronExpression e = new CronExpression(quartzCron(cron));
      e.setTimeZone(TimeZone.getTimeZone(zone));
      return e;
    } catch (ParseException e) {
      throw ScheduleErrors.badCron(cron, e);
    }
  }

  /**
   * The fire time that was missed, if any: the first one after the last run started, when it is
   * already past. A scheduler starting on a warehouse no run has touched yet runs once at once.
   */
  static Date missed(CronExpression cron, Instant lastRunStart, Date now) {
    if (lastRunStart == null) {
      return now;
    }
    Date due = cron.getTimeAfter(Date.from(lastRunStart));
    return due != null && !due.after(now) ? due : null;
  }

  @DisallowConcurrentExecution
  public static final class Fire implements Job {
    @Override
    public void execute(JobExecutionContext ctx) {
      NightlyScheduler s = (NightlyScheduler) ctx.getMergedJobDataMap().get("scheduler");
      s.fire(ctx.getScheduledFireTime(), ctx.getNextFireTime());
    }
  }

  /** Starts, blocks until {@link #stop()} (SIGTERM, SIGINT), returns 0 after a clean stop. */
  public int run() throws SchedulerException, IOException {
    CronExpression cron = parse(settings.cron(), settings.zone());
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "extrel-nightly");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    // A run late by more than a minute (the previous one ran long) still fires, once.
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    scheduler = new StdSchedulerFactory(p).getScheduler();
    JobDetail job = JobBuilder.newJob(Fire.class).withIdentity("nightly").storeDurably().build();
    job.getJobDataMap().put("scheduler", this);
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity("nightly-cron")
            .withSchedule(
                CronScheduleBuilder.cronSchedule(quartzCron(settings.cron()))
                    .inTimeZone(TimeZone.getTimeZone(settings.zone()))
                    .withMisfireHandlingInstructionFireAndProceed())
            .forJob(job)
            .build();
    scheduler.scheduleJob(job, trigger);
    scheduler.start();
    out.printf(
        "scheduler started: cron '%s' (%s), next run %s%n",
        settings.cron(), settings.zone(), trigger.getNextFireTime().toInstant());
    Date missed = missed(cron, settings.lastRunStart(), new Date());
    if (missed != null) {
      out.println(
          settings.lastRunStart() == null
              ? "no nightly run yet on this warehouse: running one now"
              : "the run due at "
                  + missed.toInstant()
                  + " was missed while the scheduler was down: running it now");
      scheduler.triggerJob(new JobKey("nightly"));
    }
    out.flush();
    writeState(trigger.getNextFireTime(), null);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Stops firing and waits for a running load to finish; returns when nothing runs any more. */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    out.println("stopping: no new runs; waiting for a running one to finish");
    out.flush();
    try {
      if (scheduler != null) {
        scheduler.shutdown(true);
      }
    } catch (SchedulerException e) {
      out.println("scheduler did not stop cleanly: " + e.getMessage());
    }
    out.println("scheduler stopped");
    out.flush();
    stopped.countDown();
  }

  void fire(Date scheduled, Date next) {
    out.printf("run due %s starting%n", scheduled == null ? "now" : scheduled.toInstant());
    out.flush();
    long backoff = settings.backoffMillis();
    for (int attempt = 0; attempt <= settings.retries() && !stopping.get(); attempt++) {
      int code;
      try {
        code = nightly.run(sessions).anyFailed() ? 1 : 0;
        out.flush();
      } catch (LoadLockedException e) {
        code = LoadLockedException.EXIT_CODE;
        out.println("another load is running: " + e.getMessage());
      } catch (Exception e) {
        code = 2;
        out.println("run failed: " + e);
      }
      if (code == 0 || code == 1) {
        // 1 is a data error: retrying the same files would fail the same way; the summary says what
        // to fix.
        out.printf("run finished with exit code %d%n", code);
        break;
      }
      if (attempt == settings.retries()) {
        out.printf(
            "run failed with exit code %d after %d attempts; next try at the next scheduled time%n",
            code, attempt + 1);
        break;
      }
      out.printf("run failed with exit code %d; retrying in %d s%n", code, backoff / 1000);
      out.flush();
      sleep(backoff);
      backoff *= 2;
    }
    out.flush();
    try {
      // A run fired at start-up has no next time of its own: the cron trigger has it.
      Trigger cronTrigger =
          scheduler == null
              ? null
              : scheduler.getTrigger(new org.quartz.TriggerKey("nightly-cron"));
      writeState(cronTrigger != null ? cronTrigger.getNextFireTime() : next, scheduled);
    } catch (SchedulerException e) {
      out.println("cannot read the next fire time: " + e.getMessage());
    } catch (IOException e) {
      out.println("cannot write the schedule state: " + e.getMessage());
    }
  }

  private void sleep(long millis) {
    long end = System.currentTimeMillis() + millis;
    while (!stopping.get() && System.currentTimeMillis() < end) {
      try {
        Thread.sleep(Math.min(500, end - System.currentTimeMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void writeState(Date next, Date last) throws IOException {
    new ScheduleState(
            settings.cron(),
            settings.zone().getId(),
            ProcessHandle.current().pid(),
            Instant.now().toString(),
            next == null ? null : next.toInstant().toString(),
            last == null ? null : last.toInstant().toString())
        .write(warehouse);
  }

  /**
   * A callable for tests and the command: the scheduler's run wrapped with the stop signals
   * installed.
   */
  public Callable<Integer> withSignals() {
    return () -> {
      for (String sig : new String[] {"TERM", "INT"}) {
        sun.misc.Signal.handle(
            new sun.misc.Signal(sig), s -> new Thread(this::stop, "extrel-stop").start());
      }
      return run();
    };
  }
}
