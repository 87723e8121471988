package vn.extrel.warehouse.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.extrel.warehouse.table.RuleStatus;

/**
 * The totals rules: how many totals of each file do not add up to their rows (from {@link
 * Reconciler}), and whether that rejects the file.
 */
final class TotalsRules {

  /**
   * @param rejected by path, in the order found
   */
  record Outcome(List<RuleResult> results, Map<String, String> rejected) {}

  private final List<Rule.Totals> rules;

  TotalsRules(List<Rule.Totals> rules) {
    this.rules = List.copyOf(rules);
  }

  Outcome decide(Map<String, Long> mismatchesByFile) {
    List<RuleResult> out = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    for (Rule.Totals r : rules) {
      for (Map.Entry<String, Long> e : mismatchesByFile.entrySet()) {
        RuleStatus status = r.status(e.getValue());
        out.add(
            new RuleResult(
                r,
                status,
                null,
                null,
                e.getKey(),
                e.getValue(),
                r.id()
                    + ": "
                    + e.getValue()
                    + " total(s) of "
                    + e.getKey()
                    + " do not add up to their rows"));
        if (r.rejects(status)) {
          rejected.putIfAbsent(
              e.getKey(),
              e.getKey()
                  + ": rejected by rule "
                  + r.id()
                  + ": "
                  + e.getValue()
                  + " total(s) do not add up to their rows (see ops.dq_results); any earlier version of the file stays loaded");
        }
      }
    }
    return new Outcome(List.copyOf(out), Collections.unmodifiableMap(rejected));
  }
}
