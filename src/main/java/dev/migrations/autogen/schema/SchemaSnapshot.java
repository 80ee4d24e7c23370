package dev.migrations.autogen.schema;

import dev.migrations.api.model.Sequence;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tables and sequences of one schema, keyed and sorted by name so that everything built
 * from a snapshot comes out in the same order every time.
 *
 * @param schema    the schema read
 * @param sequences stand-alone sequences; those owned by identity or serial columns belong to
 *                  their column and are not listed
 */
public record SchemaSnapshot(String schema, SortedMap<String, Table> tables,
                             SortedMap<String, Sequence> sequences) {

    public SchemaSnapshot {
        Objects.requireNonNull(schema, "schema");
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        sequences = Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
    }

    public static SchemaSnapshot of(String schema, Iterable<Table> tables, Iterable<Sequence> sequences) {
        SortedMap<String, Table> byName = new TreeMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        SortedMap<String, Sequence> sequencesByName = new TreeMap<>();
        sequences.forEach(s -> sequencesByName.put(s.name(), s));
        return new SchemaSnapshot(schema, byName, sequencesByName);
    }

    public static SchemaSnapshot empty(String schema) {
        return new SchemaSnapshot(schema, new TreeMap<>(), new TreeMap<>());
    }

    /**
     * This snapshot without the version tables of other services that share the schema, known
     * by their shape: a table whose one column is {@code version_num}, beside its {@code _log}
     * table. They belong to no entity model, and no revision may propose to drop them.
     */
    public SchemaSnapshot withoutVersionTables() {
        SortedMap<String, Table> kept = new TreeMap<>(tables);
        for (Table table : tables.values()) {
            Table log = tables.get(table.name() + "_log");
            boolean heads = table.columns().size() == 1 && table.columns().get(0).name().equals("version_num");
            if (heads && log != null && names(log).containsAll(Set.of("revision", "action", "checksum"))) {
                kept.remove(table.name());
                kept.remove(log.name());
            }
        }
        return new SchemaSnapshot(schema, kept, sequences);
    }

    private static Set<String> names(Table table) {
        Set<String> names = new HashSet<>();
        table.columns().forEach(column -> names.add(column.name()));
        return names;
    }

}
