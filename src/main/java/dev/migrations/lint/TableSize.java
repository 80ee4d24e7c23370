package dev.migrations.lint;

import java.util.Locale;

/**
 * How big a live table is, from PostgreSQL's catalog: its heap's size on disk (exact, so 0 means
 * it holds no row) and the planner's row estimate ({@code pg_class.reltuples}; -1 before the
 * table was first analyzed).
 */
public record TableSize(long bytes, long estimatedRows) {

    public boolean isEmpty() {
        return bytes == 0;
    }

    /** {@code empty now}, {@code about 12,000 rows, 1.4 MB}, or {@code 8.0 kB, not analyzed yet}. */
    public String describe() {
        if (isEmpty()) {
            return "empty now";
        }
        String size = readable(bytes);
        return estimatedRows < 0 ? size + ", not analyzed yet"
                : String.format(Locale.ROOT, "about %,d rows, %s", estimatedRows, size);
    }

    private static String readable(long bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
