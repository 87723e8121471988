package vn.extrel.warehouse.bronze;

import java.io.Serializable;

/**
 * One source file version to read, as planned on the driver and shipped to an executor.
 *
 * @param uri the file's full Hadoop URI (file:, s3a:, hdfs:)
 * @param path the path analysts see: relative to the input folder
 */
public record FileTask(String uri, String path, String sha256, long size, String layoutId)
    implements Serializable {}
