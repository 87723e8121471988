package vn.extrel.warehouse.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (nbformat 4) as JSON: read, cells changed in place, written back with every
 * field the runner does not know kept as it was.
 */
public final class Notebook {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final ObjectNode root;

  private Notebook(Path path, ObjectNode root) {
    this.path = path;
    this.root = root;
  }

  public static Notebook read(Path path) {
    JsonNode node;
    try {
      node = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw NotebookErrors.notJson(path, e.getLocation().getLineNr(), e.getOriginalMessage());
    } catch (IOException e) {
      throw NotebookErrors.unreadable(path, e);
    }
    if (!(node instanceof ObjectNode obj)
        || node.path("nbformat").asInt() != 4
        || !node.path("cells").isArray()) {
      throw NotebookErrors.notNbformat4(path);
    }
    return new Notebook(path, obj);
  }

  public Path path() {
    return path;
  }

  public String name() {
    String f = path.getFileName().toString();
    return f.endsWith(".ipynb") ? f.substring(0, f.length() - 6) : f;
  }

  public ObjectNode metadata() {
    return root.with("metadata");
  }

  public List<ObjectNode> cells() {
    List<ObjectNode> out = new ArrayList<>();
    root.withArray("cells").forEach(c -> out.add((ObjectNode) c));
    return out;
  }

  public void insertCell(int index, ObjectNode cell) {
    root.withArray("cells").insert(index, cell);
  }

  /** A cell's source: nbformat allows one string or a list of lines. */
  public static String source(ObjectNode cell) {
    JsonNode s = cell.path("source");
    if (s.isArray()) {
      StringBuilder b = new StringBuilder();
      s.forEach(line -> b.append(line.asText()));
      return b.toString();
    }
    return s.asText("");
  }

  public static boolean hasTag(ObjectNode cell, String tag) {
    for (JsonNode t : cell.path("metadata").path("tags")) {
      if (t.asText().equals(tag)) {
        return true;
      }
    }
    return false;
  }

  /** A code cell with the given source, as Jupyter writes it (source as a list of lines). */
  public static ObjectNode codeCell(String source, String tag) {
    ObjectNode cell = JSON.createObjectNode();
    cell.put("cell_type", "code");
    cell.putNull("execution_count");
    ObjectNode meta = cell.putObject("metadata");
    meta.putArray("tags").add(tag);
    ArrayNode lines = cell.putArray("source");
    String[] parts = source.split("(?<=\n)");
    for (String p : parts) {
      lines.add(p);
    }
    cell.putArray("outputs");
    return cell;
  }

  public void write(Path target) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    // Jupyter's own layout: one-space indent, so diffs against a saved notebook stay small.
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter(" ", "\n"));
    pp.indentArraysWith(new DefaultIndenter(" ", "\n"));
    Files.writeString(
        target, JSON.writer(pp).writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }
}
