package vn.extrel.warehouse.load;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Run ids that sort by time and say when they ran: {@code 20261127T055512Z-3f9a1c}. */
public final class RunIds {
  private RunIds() {}

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  public static String next(Instant now) {
    return FORMAT.format(now) + "-" + String.format("%06x", RANDOM.nextInt(1 << 24));
  }
}
