package vn.extrel.warehouse.reference;

import java.io.Serializable;
import java.util.List;

/**
 * A partner of the province: a country (id = ISO 3166-1 alpha-3), a foreign province (id = ISO
 * 3166-2, e.g. KH-21 Takeo), an organisation or a diplomatic mission (id chosen in partners.yaml).
 *
 * @param country ISO alpha-3 of the country the partner belongs to (itself for a country)
 */
public record Partner(
    String id, String kind, String country, String nameVi, String nameEn, List<String> aliases)
    implements Serializable {

  public static final String COUNTRY = "country";

  public Partner {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  public boolean isCountry() {
    return COUNTRY.equals(kind);
  }
}
