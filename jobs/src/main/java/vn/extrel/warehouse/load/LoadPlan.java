package vn.extrel.warehouse.load;

import java.util.List;
import java.util.Map;
import vn.extrel.warehouse.bronze.FileTask;
import vn.extrel.warehouse.ops.Manifest;

/**
 * What a load will do, decided on the driver from the input folder and the manifest before any data
 * moves.
 *
 * @param outcomes files settled without reading: unchanged, without a layout, vanished
 * @param tasks file versions to read
 * @param touched manifest rows to rewrite without reading (a new timestamp, a file without a
 *     layout)
 * @param vanished manifest rows of files no longer in the input
 * @param known the manifest as it was
 * @param files the input, by relative path
 */
public record LoadPlan(
    List<FileOutcome> outcomes,
    List<FileTask> tasks,
    List<Manifest.Entry> touched,
    List<Manifest.Entry> vanished,
    Map<String, Manifest.Entry> known,
    Map<String, SourceFile> files) {}
