package vn.extrel.warehouse.load;

/**
 * A file found in the input folder.
 *
 * @param uri full Hadoop URI
 * @param path relative to the input folder, with forward slashes: what analysts see everywhere
 * @param layoutId the layout that claims it, or null
 * @param problem why no single layout claims it ({@code no_layout}, {@code ambiguous_layout}), or
 *     null
 */
public record SourceFile(
    String uri,
    String path,
    long size,
    long modifiedMillis,
    String layoutId,
    String problem,
    String detail) {}
