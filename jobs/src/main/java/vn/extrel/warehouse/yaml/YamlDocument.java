package vn.extrel.warehouse.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One YAML file an analyst edits, parsed with Jackson, remembering the line of every node so that a
 * validation message can point at it ("layouts/fdi.yaml:14: unknown target field ...").
 */
public final class YamlDocument {

  static final ObjectMapper MAPPER =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  private final String name;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlDocument(String name, JsonNode root, Map<String, Integer> lines) {
    this.name = name;
    this.root = root;
    this.lines = lines;
  }

  /**
   * The YAML files of a folder ({@code .yaml} or {@code .yml}), sorted by name; none when the
   * folder is missing.
   */
  public static List<Path> filesIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + dir, e);
    }
  }

  /** The page that documents this kind of file. */
  String guide() {
    String n = name.replace('\\', '/');
    if (n.endsWith("indicators.yaml")) {
      return "docs/INDICATORS.md";
    }
    if (n.contains("rules/")) {
      return "README.md, \"Data-quality rules\"";
    }
    if (n.endsWith("exports.yaml")) {
      return "README.md, \"Exporting for reports\"";
    }
    return "docs/LAYOUTS.md";
  }

  public static YamlDocument read(Path file, String displayName) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          displayName,
          0,
          "cannot read the file (" + e.getMessage() + ")",
          "check it exists and is readable");
    }
    return parse(text, displayName);
  }

  public static YamlDocument parse(String text, String displayName) {
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw new ConfigException(
            displayName, 1, "the file is empty", "write the settings it should hold");
      }
      return new YamlDocument(displayName, root, indexLines(text));
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new ConfigException(
          displayName,
          loc == null ? 0 : loc.getLineNr(),
          "not valid YAML: " + e.getOriginalMessage(),
          "check indentation, colons and quotes on that line");
    }
  }

  /** Maps each node's path ("columns.partner.aliases") to the line where it starts. */
  private static Map<String, Integer> indexLines(String text) throws JsonProcessingException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      Deque<String> path = new ArrayDeque<>();
      Deque<Integer> arrayIndex = new ArrayDeque<>();
      Deque<Boolean> inArray = new ArrayDeque<>();
      String pendingField = null;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.FIELD_NAME) {
          pendingField = p.currentName();
          lines.putIfAbsent(join(path, pendingField), line);
          continue;
        }
        String key = null;
        if (Boolean.TRUE.equals(inArray.peek())) {
          int i = arrayIndex.pop();
          key = String.valueOf(i);
          arrayIndex.push(i + 1);
          lines.putIfAbsent(join(path, key), line);
        } else if (pendingField != null) {
          key = pendingField;
        }
        pendingField = null;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          if (key != null) {
            path.addLast(key);
          } else {
            path.addLast("");
          }
          inArray.push(t == JsonToken.START_ARRAY);
          arrayIndex.push(0);
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          inArray.pop();
          arrayIndex.pop();
          path.pollLast();
        }
      }
    } catch (IOException e) {
      if (e instanceof JsonProcessingException jpe) {
        throw jpe;
      }
      throw new IllegalStateException(e);
    }
    return lines;
  }

  private static String join(Deque<String> path, String last) {
    String prefix = path.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining("."));
    return prefix.isEmpty() ? last : prefix + "." + last;
  }

  public String name() {
    return name;
  }

  public JsonNode root() {
    return root;
  }

  /** The line of a node path, or of its nearest ancestor that has one; 0 when unknown. */
  public int lineOf(String path) {
    String p = path;
    while (p != null && !p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int dot = p.lastIndexOf('.');
      p = dot < 0 ? null : p.substring(0, dot);
    }
    return 1;
  }

  /** An error at a node path of this file. */
  public ConfigException error(String path, String problem, String fix) {
    return new ConfigException(name, lineOf(path), problem, fix);
  }

  /**
   * Binds the whole document (or the node at {@code path}) to a record type, with located errors.
   */
  public <T> T bind(JsonNode node, String path, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      String at = pathOf(path, e);
      throw error(
          at,
          "unknown key '" + e.getPropertyName() + "'",
          "use one of " + e.getKnownPropertyIds() + " (keys are snake_case)");
    } catch (InvalidFormatException e) {
      String at = pathOf(path, e);
      Class<?> t = e.getTargetType();
      if (t != null && t.isEnum()) {
        // A word of a vocabulary (a rule's check or action): say which words there are.
        throw error(
            at,
            "unknown " + lastKey(at) + " '" + e.getValue() + "'",
            "use one of " + java.util.Arrays.toString(t.getEnumConstants()));
      }
      throw error(
          at,
          "the value '" + e.getValue() + "' is not a valid " + t.getSimpleName(),
          "write a value of that kind");
    } catch (JsonMappingException e) {
      String at = pathOf(path, e);
      throw error(at, e.getOriginalMessage(), "see " + guide() + " for the expected form");
    } catch (JsonProcessingException e) {
      throw error(path, e.getOriginalMessage(), null);
    }
  }

  public <T> T bind(Class<T> type) {
    return bind(root, "", type);
  }

  /** The key a path ends in ({@code check} of {@code rules.0.check}; a list's key for an item). */
  private static String lastKey(String path) {
    String[] parts = path.split("\\.");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].chars().allMatch(Character::isDigit)) {
        String key = parts[i].replace('_', ' ');
        boolean item = i < parts.length - 1;
        return item && key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
      }
    }
    return "value";
  }

  private static String pathOf(String base, JsonMappingException e) {
    StringBuilder sb = new StringBuilder(base == null ? "" : base);
    for (JsonMappingException.Reference r : e.getPath()) {
      String part = r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex());
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
