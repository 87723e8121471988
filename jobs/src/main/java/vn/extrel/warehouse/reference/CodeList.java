package vn.extrel.warehouse.reference;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.extrel.warehouse.util.Text;

/**
 * A controlled vocabulary (activity types, channels, fields, trade flows): codes with their written
 * forms.
 */
public final class CodeList implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One code with its names and the other ways it is written. */
  public record Code(String code, String vi, String en, List<String> aliases)
      implements Serializable {
    public Code {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
  }

  private final String name;
  private final Map<String, Code> codes = new LinkedHashMap<>();
  private final Map<String, String> byKey = new LinkedHashMap<>();

  CodeList(String name) {
    this.name = name;
  }

  /** Adds a code; returns a written form that already belongs to another code, if any. */
  Optional<String> add(Code c) {
    codes.put(c.code(), c);
    List<String> forms = new ArrayList<>(c.aliases());
    forms.add(c.code());
    forms.add(c.vi());
    forms.add(c.en());
    for (String f : forms) {
      String k = Text.fold(f);
      if (k.isEmpty()) {
        continue;
      }
      String owner = byKey.putIfAbsent(k, c.code());
      if (owner != null && !owner.equals(c.code())) {
        return Optional.of(f + " (already means " + owner + ")");
      }
    }
    return Optional.empty();
  }

  public String name() {
    return name;
  }

  private transient java.util.concurrent.ConcurrentHashMap<String, Optional<String>> resolved;

  public Optional<String> resolve(String written) {
    if (resolved == null) {
      resolved = new java.util.concurrent.ConcurrentHashMap<>();
    }
    return resolved.computeIfAbsent(written, w -> Optional.ofNullable(byKey.get(Text.fold(w))));
  }

  public Map<String, Code> codes() {
    return codes;
  }
}
