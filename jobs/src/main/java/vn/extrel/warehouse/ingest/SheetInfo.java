package vn.extrel.warehouse.ingest;

/** A sheet's name, position and visibility, known before its rows are read. */
public record SheetInfo(String name, int index, boolean hidden) {}
