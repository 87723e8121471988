package vn.extrel.warehouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's packages stay readable: no class over {@value #MAX_CLASS} lines and no method over
 * {@value #MAX_METHOD} (its signature to its closing brace) in load, quality, ingest and gold. A
 * method is a block opened in a class body after a header with a parameter list; lambdas and
 * anonymous classes count towards the method they are in.
 */
class SizesTest {
  static final int MAX_CLASS = 400;
  static final int MAX_METHOD = 60;
  static final List<String> PACKAGES = List.of("load", "quality", "ingest", "gold");
  static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\b");
  static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\s*\\([^)]*\\))?");

  @Test
  void noClassOverFourHundredLinesAndNoMethodOverSixty() throws IOException {
    List<String> tooLong = new ArrayList<>();
    for (String pkg : PACKAGES) {
      try (Stream<Path> files = Files.list(LayersTest.sources().resolve(pkg))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          String text = Files.readString(f, StandardCharsets.UTF_8);
          long lines = text.lines().count();
          String name = pkg + "/" + f.getFileName();
          if (lines > MAX_CLASS) {
            tooLong.add(name + ": " + lines + " lines");
          }
          methods(code(text)).stream()
              .filter(m -> m.lines() > MAX_METHOD)
              .forEach(
                  m -> tooLong.add(name + ":" + m.line() + " a method of " + m.lines() + " lines"));
        }
      }
    }
    assertThat(tooLong).as("split these along their seams").isEmpty();
  }

  @Test
  void theMeasureFindsALongMethodAndLeavesLambdasToTheirMethod() {
    String body = "    x();\n".repeat(61);
    String src =
        "class A {\n  @Override\n  public void f(int a) {\n"
            + body
            + "  }\n  void g() {\n    run(() -> {\n      y();\n    });\n  }\n"
            + "  record R(int a) {\n    R {\n    }\n  }\n}\n";
    assertThat(methods(code(src)))
        .extracting(m -> m.line() + ":" + m.lines())
        .containsExactly("3:63", "66:5");
  }

  record Method(int line, int lines) {}

  /** The methods of a source whose comments and literals are blanked. */
  static List<Method> methods(String code) {
    List<Method> found = new ArrayList<>();
    Deque<String> kinds = new ArrayDeque<>();
    Deque<Integer> starts = new ArrayDeque<>();
    int headerFrom = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == ';') {
        headerFrom = i + 1;
      } else if (c == '{') {
        String header = code.substring(headerFrom, i);
        String bare = ANNOTATION.matcher(header).replaceAll(m -> " ".repeat(m.group().length()));
        String kind;
        int start = i;
        if (TYPE.matcher(bare).find()) {
          kind = "type";
        } else if ("type".equals(kinds.peek()) && bare.contains("(")) {
          kind = "method";
          start = headerFrom + bare.indexOf('(');
        } else {
          kind = "block";
        }
        kinds.push(kind);
        starts.push(start);
        headerFrom = i + 1;
      } else if (c == '}') {
        String kind = kinds.pop();
        int start = starts.pop();
        if (kind.equals("method")) {
          int first = lineOf(code, start);
          found.add(new Method(first, lineOf(code, i) - first + 1));
        }
        headerFrom = i + 1;
      }
    }
    return found;
  }

  private static int lineOf(String code, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The source with comments, strings, text blocks and characters blanked, lines kept. */
  static String code(String src) {
    StringBuilder out = new StringBuilder(src.length());
    Matcher m =
        Pattern.compile(
                "(?s)/\\*.*?\\*/|//[^\n]*|\"\"\".*?\"\"\"|\"(\\\\.|[^\"\\\\\n])*\"|'(\\\\.|[^'\\\\\n])*'")
            .matcher(src);
    int at = 0;
    while (m.find()) {
      out.append(src, at, m.start());
      m.group().chars().forEach(ch -> out.append(ch == '\n' ? '\n' : ' '));
      at = m.end();
    }
    return out.append(src.substring(at)).toString();
  }
}
