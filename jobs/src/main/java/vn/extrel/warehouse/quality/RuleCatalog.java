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
import vn.extrel.warehouse.yaml.YamlDocument;

/**
 * The rules of {@code config/rules/}, checked at start-up with the file, line and fix of any
 * mistake.
 */
public record RuleCatalog(List<Rule> rules) {

  static final Set<String> CHECKS =
      Set.of("not_null", "unique", "accepted_values", "range", "relationship", "totals", "yoy");
  static final Set<String> ACTIONS = Set.of(Rule.WARN, Rule.QUARANTINE, Rule.FAIL);
  static final Set<String> YOY_CHECKS =
      Set.of("missing_base", "ratio_band", "unit_change", "mixed_status");

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
        Rule r = doc.bind(list.get(i), at, Rule.class).withSource(name);
        validate(doc, at, r);
        if (!ids.add(r.id())) {
          throw doc.error(
              at + ".id", "rule '" + r.id() + "' is defined twice", "give each rule its own id");
        }
        rules.add(r);
      }
    }
    return new RuleCatalog(List.copyOf(rules));
  }

  static void validate(YamlDocument doc, String at, Rule r) {
    if (r.id() == null || !r.id().matches("[a-z][a-z0-9_]*")) {
      throw doc.error(
          at + ".id",
          "rule id '" + r.id() + "' is not snake_case",
          "use lower-case letters, digits and _");
    }
    if (!CHECKS.contains(r.check())) {
      throw doc.error(at + ".check", "unknown check '" + r.check() + "'", "use one of " + CHECKS);
    }
    if (!ACTIONS.contains(r.action())) {
      throw doc.error(
          at + ".action", "unknown action '" + r.action() + "'", "use warn, quarantine or fail");
    }
    if ("totals".equals(r.check()) || "yoy".equals(r.check())) {
      if (Rule.QUARANTINE.equals(r.action())) {
        throw doc.error(
            at + ".action", "a " + r.check() + " check cannot quarantine rows", "use warn or fail");
      }
      if ("yoy".equals(r.check())) {
        for (String c : r.checks()) {
          if (!YOY_CHECKS.contains(c)) {
            throw doc.error(at + ".checks", "unknown yoy check '" + c + "'", "use " + YOY_CHECKS);
          }
        }
        if (r.ratioBetween() != null && r.ratioBetween().size() != 2) {
          throw doc.error(
              at + ".ratio_between",
              "ratio_between takes two numbers",
              "write e.g. ratio_between: [0.1, 10]");
        }
      }
      return;
    }
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
    switch (r.check()) {
      case "accepted_values" -> {
        if (r.values().isEmpty()) {
          throw doc.error(at, "accepted_values lists no values", "add values: [...]");
        }
      }
      case "range" -> {
        if (r.min() == null && r.max() == null) {
          throw doc.error(at, "a range needs min:, max: or both", "add min: 0, for example");
        }
      }
      case "relationship" -> {
        if (!"partner".equals(r.to())) {
          throw doc.error(
              at + ".to",
              "relationship to '" + r.to() + "' is not known",
              "use to: partner (silver.partner)");
        }
      }
      case "unique" -> {
        if (Rule.QUARANTINE.equals(r.action())) {
          throw doc.error(
              at + ".action", "a duplicate has no one row to quarantine", "use warn or fail");
        }
      }
      default -> {}
    }
  }

  public List<Rule> forTable(String table, String check) {
    return rules.stream()
        .filter(r -> table.equals(r.table()) && (check == null || check.equals(r.check())))
        .toList();
  }

  public List<Rule> ofCheck(String check) {
    return rules.stream().filter(r -> check.equals(r.check())).toList();
  }
}
