package vn.extrel.warehouse.report;

import freemarker.template.TemplateModelException;

/**
 * A helper called the wrong way from a template (an unknown indicator, money() of a count): the
 * renderer reports it at the template's line, with the fix.
 */
final class HelperException extends TemplateModelException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String fix;

  HelperException(String problem, String fix) {
    super(problem);
    this.problem = problem;
    this.fix = fix;
  }

  String problem() {
    return problem;
  }

  String fix() {
    return fix;
  }
}
