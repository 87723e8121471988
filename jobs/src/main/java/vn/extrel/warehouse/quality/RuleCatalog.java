package vn.extrel.warehouse.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import vn.extrel.warehouse.table.FactTable;
import vn.extrel.warehouse.table.FactTables;
import vn.extrel.warehouse.table.RuleAction;
import vn.extrel.warehouse.yaml.YamlDocument;

/**
 * The rules of {@code config/rules/}, checked at start-up with the file, line and fix of any
 * mistake.
 */
public record RuleCatalog(List<Rule> rules) {

  public static RuleCatalog load(Path dir, String displayDir) {
    List<Rule> rules = new ArrayList<>();
    List<Path> files = YamlDocument.filesIn(dir);
    Set<String> ids = new HashSet<>();
    for (Path f : files) {
      String name = displayDir + "/" + f.getFileName();
      YamlDocument doc = YamlDocument.read(f, name);
      JsonNode list = doc.root().path("rules");
      if (!list.isArray()) {
        throw doc.error(
            "rules", "expected a list under 'rules:'", "write 'rules:' then '- id: ...' entries");
      }
      for (int i = 0; i < list.size(); i++) {
        String at = "rules." + i;
        RuleSpec r = doc.bind(list.get(i), at, RuleSpec.class);
        validate(doc, at, r);
        if (!ids.add(r.id())) {
          throw doc.error(
              at + ".id", "rule '" + r.id() + "' is defined twice", "give each rule its own id");
        }
        rules.add(r.toRule(name));
      }
    }
    return new RuleCatalog(List.copyOf(rules));
  }

  static void validate(YamlDocument doc, String at, RuleSpec r) {
    if (r.id() == null || !r.id().matches("[a-z][a-z0-9_]*")) {
      throw doc.error(
          at + ".id",
          "rule id '" + r.id() + "' is not snake_case",
          "use lower-case letters, digits and _");
    }
    if (r.check() == null) {
      throw doc.error(at + ".check", "the rule names no check", "use one of " + RuleCheck.words());
    }
    if (r.check() == RuleCheck.TOTALS || r.check() == RuleCheck.YOY) {
      validateTableWide(doc, at, r);
      return;
    }
    validateColumns(doc, at, r);
    validateKind(doc, at, r);
  }

  /** Totals and yoy name no table or column of silver. */
  private static void validateTableWide(YamlDocument doc, String at, RuleSpec r) {
    if (r.action() == RuleAction.QUARANTINE) {
      throw doc.error(
          at + ".action", "a " + r.check() + " check cannot quarantine rows", "use warn or fail");
    }
    if (r.check() == RuleCheck.YOY) {
      if (r.ratioBetween() != null && r.ratioBetween().size() != 2) {
        throw doc.error(
            at + ".ratio_between",
            "ratio_between takes two numbers",
            "write e.g. ratio_between: [0.1, 10]");
      }
    }
  }

  private static void validateColumns(YamlDocument doc, String at, RuleSpec r) {
    FactTable t = FactTables.ALL.get(r.table());
    if (t == null) {
      throw doc.error(
          at + ".table",
          "unknown table '" + r.table() + "'",
          "use one of " + FactTables.ALL.keySet());
    }
    Set<String> cols = new HashSet<>();
    for (StructField f : t.schema().fields()) {
      cols.add(f.name());
    }
    if (r.columns().isEmpty()) {
      throw doc.error(
          at, "the " + r.check() + " check names no column", "add column: or columns: [...]");
    }
    for (String c : r.columns()) {
      if (!cols.contains(c)) {
        throw doc.error(
            at + ".columns", "'" + c + "' is not a column of " + t.table(), "use one of " + cols);
      }
    }
  }

  private static void validateKind(YamlDocument doc, String at, RuleSpec r) {
    switch (r.check()) {
      case ACCEPTED_VALUES -> {
        if (r.values().isEmpty()) {
          throw doc.error(at, "accepted_values lists no values", "add values: [...]");
        }
      }
      case RANGE -> {
        if (r.min() == null && r.max() == null) {
          throw doc.error(at, "a range needs min:, max: or both", "add min: 0, for example");
        }
      }
      case RELATIONSHIP -> {
        if (!"partner".equals(r.to())) {
          throw doc.error(
              at + ".to",
              "relationship to '" + r.to() + "' is not known",
              "use to: partner (silver.partner)");
        }
      }
      case UNIQUE -> {
        if (r.action() == RuleAction.QUARANTINE) {
          throw doc.error(
              at + ".action", "a duplicate has no one row to quarantine", "use warn or fail");
        }
      }
      case NOT_NULL, TOTALS, YOY -> {}
    }
  }

  public List<Rule> ofCheck(RuleCheck check) {
    return rules.stream().filter(r -> check == r.check()).toList();
  }

  /** The rules of one kind, in the catalog's order. */
  public <R extends Rule> List<R> ofKind(Class<R> kind) {
    return rules.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
