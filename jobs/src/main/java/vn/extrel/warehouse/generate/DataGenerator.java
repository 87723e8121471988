package vn.extrel.warehouse.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Benchmark input shaped like the offices' real files (the headers, number formats and layouts of
 * {@code data/}), at any size, the same bytes for the same seed and scale. At scale 1: trade CSVs
 * of about 1 GB (9,000,000 rows in 100 files of 90,000 rows), an FDI workbook set of 1,000,000 rows
 * (10 yearly workbooks) and an activity log of 1,000,000 rows (10 yearly sheets). Every file is
 * generated from its own seed, so a "changed files" pass rewrites only the files it picks.
 */
public final class DataGenerator {

  /** Trade rows per CSV file, as a customs office's monthly extract might hold. */
  static final int TRADE_ROWS_PER_FILE = 90_000;

  static final int FIRST_YEAR = 2008;
  static final int YEARS = 10;

  // Partner names the JDK's Vietnamese country names or config/reference/partners.yaml resolve.
  static final String[] PARTNERS = {
    "Campuchia",
    "Trung Quốc",
    "Nhật Bản",
    "Hàn Quốc",
    "Hoa Kỳ",
    "Thái Lan",
    "Singapore",
    "Ma-lai-xi-a",
    "In-đô-nê-xi-a",
    "Phi-líp-pin",
    "Hà Lan",
    "Đức",
    "Pháp",
    "Úc",
    "Ấn Độ",
    "Nga",
    "Lào",
    "Ý",
    "Tây Ban Nha",
    "Bỉ",
    "Canada",
    "Thụy Sĩ",
    "Thụy Điển",
    "Đan Mạch",
    "Ba Lan",
    "Đài Loan",
    "Hồng Kông",
    "Mỹ",
    "Xin-ga-po",
    "Cam-pu-chia",
    "New Zealand",
    "Chile"
  };
  static final String[] PRODUCTS = {
    "Gạo",
    "Thủy sản",
    "Rau quả",
    "Hàng tiêu dùng",
    "Nông sản",
    "Phân bón",
    "Máy móc thiết bị",
    "Thức ăn chăn nuôi",
    "Nguyên phụ liệu dệt may",
    "Hàng dệt may",
    "Giày dép",
    "Thuốc trừ sâu",
    "Gỗ và sản phẩm gỗ",
    "Sắt thép",
    "Xăng dầu"
  };
  static final String[] GATES = {
    "Cửa khẩu quốc tế Tịnh Biên", "Cửa khẩu quốc tế Vĩnh Xương", "Cảng Mỹ Thới",
    "Cửa khẩu Khánh Bình", "Cảng Cát Lái", "Cửa khẩu Vĩnh Hội Đông"
  };
  static final String[] FIRMS = {
    "Công ty CP Xuất nhập khẩu An Giang",
    "Công ty TNHH Thủy sản Nam Việt",
    "Công ty CP Rau quả Antesco",
    "Công ty TNHH Lương thực Châu Đốc",
    "Công ty CP Nông sản Long Xuyên",
    "Công ty TNHH Giày da Tân Châu"
  };
  static final String[] ACTIVITY_TYPES = {
    "Đón đoàn vào",
    "Đoàn ra",
    "Ký biên bản thỏa thuận",
    "Ký biên bản ghi nhớ",
    "Hội nghị",
    "Giao lưu",
    "Hội chợ",
    "Làm việc với đối tác"
  };
  static final String[] CHANNELS = {"Ngoại giao Nhà nước", "Đối ngoại Đảng", "Đối ngoại nhân dân"};
  static final String[] FIELDS = {
    "Nông nghiệp",
    "Thương mại",
    "Đầu tư",
    "Văn hóa",
    "Giáo dục",
    "Y tế",
    "Du lịch",
    "Kinh tế biên mậu"
  };

  public record Summary(int files, long rows, long bytes) {}

  private final long seed;
  private final double scale;

  public DataGenerator(long seed, double scale) {
    if (!(scale > 0) || scale > 100) {
      throw new IllegalArgumentException(
          "--scale must be above 0 and at most 100 (1 = about 1 GB of trade CSV), not " + scale);
    }
    this.seed = seed;
    this.scale = scale;
  }

  int tradeRows() {
    return (int) Math.max(1, Math.round(9_000_000 * scale));
  }

  int tradeFiles() {
    return (tradeRows() + TRADE_ROWS_PER_FILE - 1) / TRADE_ROWS_PER_FILE;
  }

  int workbookRows() {
    return (int) Math.max(YEARS, Math.round(1_000_000 * scale));
  }

  /** The files this scale writes, relative to the output folder, in a fixed order. */
  public List<String> files() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tradeFiles(); i++) {
      out.add(tradeFile(i));
    }
    for (int y = 0; y < YEARS; y++) {
      out.add("fdi/Bao-cao-FDI-An-Giang-" + (FIRST_YEAR + y) + ".xlsx");
    }
    out.add(
        "doi-ngoai/hoat-dong-doi-ngoai-" + FIRST_YEAR + "-" + (FIRST_YEAR + YEARS - 1) + ".xlsx");
    return out;
  }

  static String tradeFile(int i) {
    int year = FIRST_YEAR + i % YEARS;
    return String.format("trade/xnk-%d-%03d.csv", year, i / YEARS + 1);
  }

  /** Writes every file under {@code out}. */
  public Summary generateAll(Path out) throws IOException {
    return generate(out, files(), 0);
  }

  /**
   * Rewrites {@code percent} % of the files (at least one), picked by the seed, with new figures: a
   * night on which some offices re-sent their reports.
   */
  public Summary change(Path out, double percent, int round) throws IOException {
    List<String> all = files();
    int n = (int) Math.max(1, Math.round(all.size() * percent / 100));
    SplittableRandom pick = new SplittableRandom(seed * 31 + round);
    List<String> chosen = new ArrayList<>();
    List<String> pool = new ArrayList<>(all);
    for (int i = 0; i < n; i++) {
      chosen.add(pool.remove(pick.nextInt(pool.size())));
    }
    return generate(out, chosen, round);
  }

  private Summary generate(Path out, List<String> names, int round) throws IOException {
    long rows = 0;
    long bytes = 0;
    List<String> all = files();
    for (String name : names) {
      Path target = out.resolve(name);
      Files.createDirectories(target.getParent());
      // Written beside and moved into place, as a re-sent report replaces the old file.
      Path file = target.resolveSibling("." + target.getFileName() + ".part");
      SplittableRandom r =
          new SplittableRandom(seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L) ^ round);
      int index = all.indexOf(name);
      if (name.startsWith("trade/")) {
        int first = index * TRADE_ROWS_PER_FILE;
        rows +=
            trade(
                file,
                FIRST_YEAR + index % YEARS,
                Math.min(TRADE_ROWS_PER_FILE, tradeRows() - first),
                r);
      } else if (name.startsWith("fdi/")) {
        int year = FIRST_YEAR + (index - tradeFiles());
        rows += fdi(file, year, workbookRows() / YEARS, r);
      } else {
        rows += activities(file, workbookRows() / YEARS, r);
      }
      Files.move(
          file,
          target,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      bytes += Files.size(target);
    }
    return new Summary(names.size(), rows, bytes);
  }

  /**
   * A long CSV like data/trade: ";"-separated, UTF-8 with BOM, values in thousand USD "80.729,4".
   */
  static long trade(Path file, int year, int rows, SplittableRandom r) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        BufferedWriter w =
            new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
      w.write('\uFEFF');
      w.write(
          "Năm;Xuất khẩu/Nhập khẩu;Thị trường;Nhóm hàng;Trị giá (nghìn USD);Mã HS;Cửa khẩu;"
              + "Doanh nghiệp;Số tờ khai\n");
      StringBuilder line = new StringBuilder(160);
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        boolean export = r.nextInt(10) < 7;
        line.append(year)
            .append(';')
            .append(export ? "Xuất khẩu" : "Nhập khẩu")
            .append(';')
            .append(PARTNERS[r.nextInt(PARTNERS.length)])
            .append(';')
            .append(PRODUCTS[r.nextInt(PRODUCTS.length)])
            .append(';');
        viNumber(line, 1 + r.nextInt(999_999), 1);
        line.append(';')
            .append(String.format("%08d", r.nextInt(100_000_000)))
            .append(';')
            .append(GATES[r.nextInt(GATES.length)])
            .append(';')
            .append(FIRMS[r.nextInt(FIRMS.length)])
            .append(';')
            .append(100_000_000_000L + r.nextLong(900_000_000_000L))
            .append('\n');
        w.append(line);
      }
    }
    return rows;
  }

  /**
   * Appends {@code tenths}/10 the way the offices write it: dots between thousands, a decimal
   * comma, no ",0" ("80.729,4", "31.652").
   */
  static void viNumber(StringBuilder out, long units, int decimals) {
    long scaleBy = decimals == 1 ? 10 : 100;
    long whole = units / scaleBy;
    long frac = units % scaleBy;
    String digits = Long.toString(whole);
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      out.append('.').append(digits, i, i + 3);
    }
    if (frac != 0) {
      out.append(',');
      if (decimals == 2 && frac < 10) {
        out.append('0');
      }
      out.append(frac);
    }
  }

  /**
   * A yearly FDI report like data/fdi: title lines, unit line, header, one row per project, total.
   */
  static long fdi(Path file, int year, int rows, SplittableRandom r) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        Workbook wb = new Workbook(os, "extrel-generate", "1.0")) {
      Worksheet s = wb.newWorksheet("FDI " + year);
      s.value(0, 0, "UBND TỈNH AN GIANG");
      s.value(1, 0, "SỞ KẾ HOẠCH VÀ ĐẦU TƯ");
      s.value(3, 0, "BÁO CÁO TÌNH HÌNH ĐẦU TƯ TRỰC TIẾP NƯỚC NGOÀI (FDI) NĂM " + year);
      s.value(4, 5, "Đơn vị tính: triệu USD");
      String[] header = {
        "STT",
        "Đối tác đầu tư\n(quốc gia, vùng lãnh thổ)",
        "Số dự án",
        "Vốn đăng ký",
        "Vốn thực hiện\n(giải ngân)",
        "Lao động\n(người)"
      };
      for (int c = 0; c < header.length; c++) {
        s.value(6, c, header[c]);
      }
      long projects = 0;
      long registered = 0;
      long disbursed = 0;
      long jobs = 0;
      int row = 7;
      for (int i = 0; i < rows; i++, row++) {
        int p = 1 + r.nextInt(3);
        long reg = 10 + r.nextInt(2000); // hundredths of a million USD
        long dis = r.nextInt((int) reg + 1);
        int j = 5 + r.nextInt(800);
        s.value(row, 0, i + 1);
        s.value(row, 1, PARTNERS[r.nextInt(PARTNERS.length)]);
        s.value(row, 2, p);
        s.value(row, 3, reg / 100.0);
        s.value(row, 4, dis / 100.0);
        s.value(row, 5, j);
        projects += p;
        registered += reg;
        disbursed += dis;
        jobs += j;
        if ((i & 0xFFFF) == 0xFFFF) {
          s.flush();
        }
      }
      s.value(row, 0, "Tổng cộng");
      s.value(row, 2, projects);
      s.value(row, 3, registered / 100.0);
      s.value(row, 4, disbursed / 100.0);
      s.value(row, 5, jobs);
      s.value(
          row + 2,
          0,
          "Nguồn: Sở Kế hoạch và Đầu tư tỉnh An Giang, số liệu đến 31/12/" + year + ".");
      s.finish();
    }
    return rows;
  }

  /** The activity log like data/doi-ngoai: one sheet per year, one row per activity, a note. */
  static long activities(Path file, int rowsPerYear, SplittableRandom r) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        Workbook wb = new Workbook(os, "extrel-generate", "1.0")) {
      for (int y = 0; y < YEARS; y++) {
        int year = FIRST_YEAR + y;
        Worksheet s = wb.newWorksheet(String.valueOf(year));
        s.value(0, 0, "DANH SÁCH HOẠT ĐỘNG ĐỐI NGOẠI NĂM " + year);
        String[] header = {
          "STT",
          "Ngày",
          "Hình thức",
          "Kênh đối ngoại",
          "Đối tác",
          "Quốc gia",
          "Lĩnh vực",
          "Nội dung"
        };
        for (int c = 0; c < header.length; c++) {
          s.value(2, c, header[c]);
        }
        int row = 3;
        for (int i = 0; i < rowsPerYear; i++, row++) {
          String country = PARTNERS[r.nextInt(PARTNERS.length)];
          String field = FIELDS[r.nextInt(FIELDS.length)];
          s.value(row, 0, i + 1);
          s.value(
              row, 1, String.format("%02d/%02d/%d", 1 + r.nextInt(28), 1 + r.nextInt(12), year));
          s.value(row, 2, ACTIVITY_TYPES[r.nextInt(ACTIVITY_TYPES.length)]);
          s.value(row, 3, CHANNELS[r.nextInt(CHANNELS.length)]);
          s.value(row, 4, country);
          s.value(row, 5, country);
          s.value(row, 6, field);
          s.value(
              row, 7, "Hợp tác " + field.toLowerCase(java.util.Locale.ROOT) + " với " + country);
          if ((i & 0xFFFF) == 0xFFFF) {
            s.flush();
          }
        }
        s.value(
            row + 1, 0, "Ghi chú: số liệu do Sở Ngoại vụ tổng hợp từ báo cáo của các sở, ngành.");
        s.finish();
      }
    }
    return (long) rowsPerYear * YEARS;
  }
}
