package dev.migrations.autogen.diff;

import dev.migrations.api.model.Column;
import dev.migrations.api.model.ColumnChange;
import dev.migrations.api.model.Constraint;
import dev.migrations.api.model.Index;
import dev.migrations.api.model.Sequence;
import dev.migrations.api.operation.AddColumn;
import dev.migrations.api.operation.AddConstraint;
import dev.migrations.api.operation.AlterColumn;
import dev.migrations.api.operation.AlterSequence;
import dev.migrations.api.operation.CreateIndex;
import dev.migrations.api.operation.CreateSequence;
import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.DropColumn;
import dev.migrations.api.operation.DropConstraint;
import dev.migrations.api.operation.DropIndex;
import dev.migrations.api.operation.DropSequence;
import dev.migrations.api.operation.DropTable;
import dev.migrations.api.operation.Operation;
import dev.migrations.api.operation.SetTableComment;
import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.autogen.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operations that bring one schema to another. Both snapshots come from the same reader on
 * the same kind of database, so equal things are spelled equally and every difference found is
 * a real one.
 *
 * <p>The list applies in order: first what depends on something that goes away (foreign keys,
 * then the other constraints and indexes), then new sequences, tables and columns and the
 * changed columns, then the new constraints and indexes (foreign keys last, once what they
 * point at exists), and finally dropped columns, tables and sequences. Every drop carries the
 * full definition of what it drops, so the reversed list is the exact way back.
 */
public final class SchemaDiffer {

    private final List<Operation> dropForeignKeys = new ArrayList<>();
    private final List<Operation> dropOthers = new ArrayList<>();
    private final List<Operation> builds = new ArrayList<>();
    private final List<Operation> addOthers = new ArrayList<>();
    private final List<Operation> addForeignKeys = new ArrayList<>();
    private final List<Operation> removals = new ArrayList<>();
    private final CheckSpelling checks;
    /** {@code table.column} of every column whose type changes. */
    private final Set<String> retyped = new HashSet<>();
    /** {@code table.constraint} of every foreign key dropped already. */
    private final Set<String> droppedForeignKeys = new HashSet<>();

    private SchemaDiffer(CheckSpelling checks) {
        this.checks = checks;
    }

    /** What turns {@code current} into {@code target}; empty when they are the same. */
    public static List<Operation> diff(SchemaSnapshot current, SchemaSnapshot target) {
        return diff(current, target, CheckSpelling.AS_WRITTEN);
    }

    /** The same, comparing check constraints by their settled spelling. */
    public static List<Operation> diff(SchemaSnapshot current, SchemaSnapshot target, CheckSpelling checks) {
        SchemaDiffer differ = new SchemaDiffer(checks);
        differ.compare(current, target);
        List<Operation> all = new ArrayList<>();
        all.addAll(differ.dropForeignKeys);
        all.addAll(differ.dropOthers);
        all.addAll(differ.builds);
        all.addAll(differ.addOthers);
        all.addAll(differ.addForeignKeys);
        all.addAll(differ.removals);
        return all;
    }

    private void compare(SchemaSnapshot current, SchemaSnapshot target) {
        for (Sequence sequence : target.sequences().values()) {
            Sequence existing = current.sequences().get(sequence.name());
            if (existing == null) {
                builds.add(new CreateSequence(null, sequence));
            } else if (!existing.equals(sequence)) {
                builds.add(new AlterSequence(null, existing, sequence));
            }
        }

        List<Table> created = target.tables().values().stream()
                .filter(t -> !current.tables().containsKey(t.name())).toList();
        for (TableOrder.Placed placed : TableOrder.creation(created)) {
            Table table = placed.table();
            builds.add(createTable(table, placed.inlineForeignKeys()));
            for (Index index : table.indexes()) {
                builds.add(new CreateIndex(null, table.name(), index, false));
            }
            for (Constraint.ForeignKey deferred : placed.laterForeignKeys()) {
                addForeignKeys.add(new AddConstraint(null, table.name(), deferred));
            }
        }

        for (Table after : target.tables().values()) {
            Table before = current.tables().get(after.name());
            if (before != null) {
                compareTable(before, after);
            }
        }
        reattachForeignKeysOfRetypedColumns(current, target);
        deferForeignKeysToNewKeys();

        List<Table> dropped = current.tables().values().stream()
                .filter(t -> !target.tables().containsKey(t.name())).toList();
        List<TableOrder.Placed> creationOrder = TableOrder.creation(dropped);
        for (int i = creationOrder.size() - 1; i >= 0; i--) {
            TableOrder.Placed placed = creationOrder.get(i);
            Table table = placed.table();
            for (Constraint.ForeignKey cyclic : placed.laterForeignKeys()) {
                dropForeignKeys.add(new DropConstraint(null, table.name(), cyclic.name(), cyclic));
            }
            for (Index index : table.indexes()) {
                removals.add(new DropIndex(null, table.name(), index.name(), index, false));
            }
            removals.add(new DropTable(null, table.name(), createTable(table, placed.inlineForeignKeys())));
        }

        for (Sequence sequence : current.sequences().values()) {
            if (!target.sequences().containsKey(sequence.name())) {
                removals.add(new DropSequence(null, sequence.name(), sequence));
            }
        }
    }

    private void compareTable(Table before, Table after) {
        String table = after.name();

        ByNameThenShape<Constraint.ForeignKey> foreignKeys = ByNameThenShape.match(before.foreignKeys(),
                after.foreignKeys(), Constraint.ForeignKey::name, fk -> fk.withName(null));
        foreignKeys.dropped().forEach(fk -> {
            dropForeignKeys.add(new DropConstraint(null, table, fk.name(), fk));
            droppedForeignKeys.add(table + "." + fk.name());
        });
        foreignKeys.created().forEach(fk -> addForeignKeys.add(new AddConstraint(null, table, fk)));

        List<Constraint.PrimaryKey> keysBefore = before.primaryKey() == null ? List.of() : List.of(before.primaryKey());
        List<Constraint.PrimaryKey> keysAfter = after.primaryKey() == null ? List.of() : List.of(after.primaryKey());
        constraints(table, ByNameThenShape.match(keysBefore, keysAfter, Constraint::name, Constraint.PrimaryKey::columns));
        constraints(table, ByNameThenShape.match(before.uniques(), after.uniques(), Constraint::name,
                Constraint.Unique::columns));
        constraints(table, ByNameThenShape.match(before.checks(), after.checks(), Constraint::name,
                check -> checks.settled(table, check.expression())));

        ByNameThenShape<Index> indexes = ByNameThenShape.match(before.indexes(), after.indexes(), Index::name,
                index -> List.of(index.columns(), index.isUnique(), Objects.toString(index.where())));
        indexes.dropped().forEach(i -> dropOthers.add(new DropIndex(null, table, i.name(), i, false)));
        indexes.created().forEach(i -> addOthers.add(new CreateIndex(null, table, i, false)));

        for (Column column : after.columns()) {
            before.column(column.name()).ifPresentOrElse(
                    existing -> alterColumn(table, existing, column),
                    () -> builds.add(new AddColumn(null, table, column)));
        }
        if (!Objects.equals(before.comment(), after.comment())) {
            builds.add(new SetTableComment(null, table, before.comment(), after.comment()));
        }
        for (Column column : before.columns()) {
            if (after.column(column.name()).isEmpty()) {
                removals.add(new DropColumn(null, table, column.name(), column));
            }
        }
    }

    /**
     * PostgreSQL refuses to change the type of a column on either end of a foreign key while
     * the key stands ("foreign key constraint ... cannot be implemented"), even with both ends
     * changing together: such a key is dropped before the type changes and added again after.
     */
    private void reattachForeignKeysOfRetypedColumns(SchemaSnapshot current, SchemaSnapshot target) {
        if (retyped.isEmpty()) {
            return;
        }
        for (Table before : current.tables().values()) {
            Table after = target.tables().get(before.name());
            if (after == null) {
                continue;
            }
            for (Constraint.ForeignKey key : before.foreignKeys()) {
                boolean dropped = droppedForeignKeys.contains(before.name() + "." + key.name());
                if (dropped || !touchesRetyped(before.name(), key)) {
                    continue;
                }
                // the key as the model has it: by name, or by shape where only the name moved
                Optional<Constraint.ForeignKey> kept = after.foreignKeys().stream()
                        .filter(k -> k.name().equals(key.name())).findFirst()
                        .or(() -> after.foreignKeys().stream()
                                .filter(k -> k.withName(null).equals(key.withName(null))).findFirst());
                dropForeignKeys.add(new DropConstraint(null, before.name(), key.name(), key));
                kept.ifPresent(k -> addForeignKeys.add(new AddConstraint(null, after.name(), k)));
            }
        }
    }

    /**
     * A new table's foreign key to columns of an existing table that become unique in this same
     * revision waits for that key: tables are created before the other constraints are added,
     * and PostgreSQL needs a unique key on the referenced columns first.
     */
    private void deferForeignKeysToNewKeys() {
        Set<String> newKeys = new HashSet<>();
        for (Operation operation : addOthers) {
            if (operation instanceof AddConstraint add) {
                if (add.constraint() instanceof Constraint.Unique unique) {
                    newKeys.add(add.table() + "." + unique.columns());
                } else if (add.constraint() instanceof Constraint.PrimaryKey key) {
                    newKeys.add(add.table() + "." + key.columns());
                }
            } else if (operation instanceof CreateIndex create) {
                Index index = create.index();
                if (index.isUnique() && index.where() == null) {
                    newKeys.add(create.table() + "." + index.columns());
                }
            }
        }
        if (newKeys.isEmpty()) {
            return;
        }
        for (int i = 0; i < builds.size(); i++) {
            if (!(builds.get(i) instanceof CreateTable create)) {
                continue;
            }
            List<Constraint> inline = new ArrayList<>();
            List<Constraint.ForeignKey> deferred = new ArrayList<>();
            for (Constraint constraint : create.constraints()) {
                if (constraint instanceof Constraint.ForeignKey key
                        && newKeys.contains(key.referencedTable() + "." + key.referencedColumns())) {
                    deferred.add(key);
                } else {
                    inline.add(constraint);
                }
            }
            if (!deferred.isEmpty()) {
                builds.set(i, new CreateTable(null, create.table(), create.columns(), inline, create.comment()));
                deferred.forEach(key -> addForeignKeys.add(new AddConstraint(null, create.table(), key)));
            }
        }
    }

    private boolean touchesRetyped(String table, Constraint.ForeignKey key) {
        for (String column : key.columns()) {
            if (retyped.contains(table + "." + column)) {
                return true;
            }
        }
        for (String column : key.referencedColumns()) {
            if (retyped.contains(key.referencedTable() + "." + column)) {
                return true;
            }
        }
        return false;
    }

    private <C extends Constraint> void constraints(String table, ByNameThenShape<C> match) {
        match.dropped().forEach(c -> dropOthers.add(new DropConstraint(null, table, c.name(), c)));
        match.created().forEach(c -> addOthers.add(new AddConstraint(null, table, c)));
    }

    /**
     * The type first, so that a new default or a NOT NULL is checked against the new type;
     * the default before NOT NULL, which is the order a user adding both would need.
     */
    private void alterColumn(String table, Column before, Column after) {
        List<ColumnChange> changes = new ArrayList<>();
        if (!before.type().equals(after.type())) {
            changes.add(new ColumnChange.TypeChange(before.type(), after.type(), null));
            retyped.add(table + "." + after.name());
        }
        if (!Objects.equals(before.serverDefault(), after.serverDefault())) {
            changes.add(new ColumnChange.DefaultChange(before.serverDefault(), after.serverDefault()));
        }
        if (before.isNullable() != after.isNullable()) {
            changes.add(new ColumnChange.NullabilityChange(after.isNullable()));
        }
        if (!Objects.equals(before.comment(), after.comment())) {
            changes.add(new ColumnChange.CommentChange(before.comment(), after.comment()));
        }
        if (!changes.isEmpty()) {
            builds.add(new AlterColumn(null, table, after.name(), changes));
        }
    }

    /**
     * A table's creation with its constraints inline. A single-column primary key under the
     * name PostgreSQL would choose anyway is written on the column, which reads better.
     */
    static CreateTable createTable(Table table, List<Constraint.ForeignKey> foreignKeys) {
        List<Column> columns = new ArrayList<>(table.columns());
        List<Constraint> constraints = new ArrayList<>();
        Constraint.PrimaryKey key = table.primaryKey();
        if (key != null) {
            if (key.columns().size() == 1 && (table.name() + "_pkey").equals(key.name())) {
                columns.replaceAll(c -> c.name().equals(key.columns().get(0)) ? c.primaryKey() : c);
            } else {
                constraints.add(key);
            }
        }
        constraints.addAll(table.uniques());
        constraints.addAll(table.checks());
        constraints.addAll(foreignKeys);
        return new CreateTable(null, table.name(), columns, constraints, table.comment());
    }
}
