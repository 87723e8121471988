package vn.extrel.warehouse.spark;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Keeps the analysts' doors to the warehouse read-only: {@code warehouse sql}, the shell,
 * notebooks, exports and every Spark Connect client. A check rule in every session (see {@link
 * Extension}, registered by {@link SparkSessions}) looks at each analysed plan before Spark runs it
 * and refuses what {@link PlanAccess} finds. It is switched on per session: the loader's own jobs
 * (load, nightly, maintain, restore) run in sessions nobody guarded, and cost one map look-up per
 * plan.
 */
public final class ReadOnlyGuard {
  private ReadOnlyGuard() {}

  /** What a guarded session may do. */
  public enum Access {
    /** Queries, SHOW, DESCRIBE, EXPLAIN, temporary views of this session. */
    READ_ONLY,
    /** Also writes and DDL, but never Java code (Connect clients holding the write token). */
    WRITE
  }

  /**
   * A session's guard.
   *
   * @param hint how a refused user gets what they asked, ends the message ("Rerun with
   *     --allow-write if you mean it")
   * @param codeHint the same for Java code; null where nothing allows it (Spark Connect)
   */
  public record Guard(Access access, String hint, String codeHint) {}

  /** Sessions guarded or trusted explicitly; the empty guard trusts. Weak: sessions come and go. */
  private static final Map<SparkSession, Optional<Guard>> SESSIONS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** For sessions not listed (Spark Connect makes one per client); null: unguarded. */
  private static volatile Guard unlisted;

  /** Undoes a guard. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Guards {@code spark} until closed; the session's previous state comes back then. The hint ends
   * every refusal.
   */
  public static Scope guard(SparkSession spark, Access access, String hint) {
    return install(spark, Optional.of(new Guard(access, hint, hint)));
  }

  /** Gives {@code spark} this guard (empty: trusted) until closed. */
  private static Scope install(SparkSession spark, Optional<Guard> guard) {
    Optional<Guard> previous = SESSIONS.put(spark, guard);
    return () -> {
      if (previous == null) {
        SESSIONS.remove(spark);
      } else {
        SESSIONS.put(spark, previous);
      }
    };
  }

  /**
   * Runs {@code body} (the command's own catalog work, never a user's statement) without the guard
   * {@code spark} has, which comes back after it.
   */
  public static void unguarded(SparkSession spark, Runnable body) {
    try (Scope trusted = install(spark, Optional.empty())) {
      body.run();
    }
  }

  /** Guards {@code spark} for the rest of its life; nothing allows it Java code. */
  public static void set(SparkSession spark, Access access, String hint) {
    SESSIONS.put(spark, Optional.of(new Guard(access, hint, null)));
  }

  /** Never guards {@code spark}: the server's own session, which binds the catalog. */
  public static void trust(SparkSession spark) {
    SESSIONS.put(spark, Optional.empty());
  }

  /**
   * Never guards {@code spark} nor the sessions Spark and Delta clone from it while it runs a
   * command (a write's delete of the rows it replaces, Delta's cache of a table's state): the
   * session in which a long-lived process runs the commands its owner hands it (the warm path). A
   * clone carries its parent's settings, among them a value drawn at random by this process that no
   * client's session has (a Connect session starts from the server's configuration, not from
   * another session's, and may not set any).
   */
  public static void trustWithClones(SparkSession spark) {
    spark.conf().set(TRUST_KEY, TRUST_VALUE);
    trust(spark);
  }

  private static final String TRUST_KEY = "spark.extrel.guard.trusted";

  private static final String TRUST_VALUE = java.util.HexFormat.of().formatHex(randomBytes(16));

  /** From the JVM's seeded generator: never blocks on the entropy pool, as generateSeed can. */
  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }

  /** Guards every session that is neither guarded nor trusted explicitly (a Connect server). */
  public static Scope guardUnlisted(String hint) {
    Guard previous = unlisted;
    unlisted = new Guard(Access.READ_ONLY, hint, null);
    return () -> unlisted = previous;
  }

  /** The session's guard, if it has one. */
  public static Optional<Guard> of(SparkSession spark) {
    Optional<Guard> g = SESSIONS.get(spark);
    if (g != null) {
      return g;
    }
    Guard u = unlisted;
    if (u != null && TRUST_VALUE.equals(spark.sessionState().conf().getConfString(TRUST_KEY, ""))) {
      return Optional.empty(); // a clone of a session trusted with its clones
    }
    return Optional.ofNullable(u);
  }

  /** The check rule: throws if the session's guard refuses the plan. */
  static void check(SparkSession spark, LogicalPlan plan) {
    Optional<Guard> guard = of(spark);
    if (guard.isPresent()) {
      Optional<PlanAccess.Finding> f = PlanAccess.find(plan, guard.get().access());
      if (f.isPresent()) {
        Guard g = guard.get();
        throw Refusals.refused(f.get(), f.get().effect().runsCode() ? g.codeHint() : g.hint());
      }
    }
  }

  /**
   * The early check of a statement's text, before any session exists: parsed by Spark's and Delta's
   * own parser, refused if the parsed plan already shows what it does. What only analysis can tell
   * (a function named by {@code IDENTIFIER(...)}, {@code EXECUTE IMMEDIATE}) passes here and meets
   * the check rule. Text that does not parse passes too: Spark reports it as usual.
   */
  public static void checkText(String statement, Access access, String hint) {
    LogicalPlan plan;
    try {
      plan = Parser.INSTANCE.parsePlan(statement);
    } catch (ParseException | RuntimeException e) {
      return;
    }
    Optional<PlanAccess.Finding> f = PlanAccess.find(plan, access);
    if (f.isPresent()) {
      throw Refusals.refused(f.get(), hint);
    }
  }

  /** Built on first use: the parser needs no session, only Spark's default configuration. */
  static final class Parser {
    static final ParserInterface INSTANCE =
        new io.delta.sql.parser.DeltaSqlParser(new org.apache.spark.sql.execution.SparkSqlParser());
  }

  /**
   * {@code spark.sql.extensions} entry: installs the check rule in every session, including the
   * ones Spark Connect creates for its clients.
   */
  public static final class Extension extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
      extensions.injectCheckRule(new Rule());
      return BoxedUnit.UNIT;
    }
  }

  private static final class Rule
      extends AbstractFunction1<SparkSession, scala.Function1<LogicalPlan, BoxedUnit>> {
    @Override
    public scala.Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
      return new AbstractFunction1<>() {
        @Override
        public BoxedUnit apply(LogicalPlan plan) {
          check(session, plan);
          return BoxedUnit.UNIT;
        }
      };
    }
  }
}
