package dev.migrations.api;

import dev.migrations.api.model.Column;
import dev.migrations.api.model.ColumnChange;
import dev.migrations.api.model.Constraint;
import dev.migrations.api.model.Index;
import dev.migrations.api.model.ReferentialAction;
import dev.migrations.api.model.Sequence;
import dev.migrations.api.model.SqlType;
import java.util.List;

/**
 * The vocabulary migrations are written in; meant to be imported statically:
 * {@code op.addColumn("customer", column("phone", varchar(32)).notNull())}.
 * Type names are PostgreSQL's own spelling.
 */
public final class Schema {

    private Schema() {
    }

    // columns and table elements

    public static Column column(String name, SqlType type) {
        return Column.of(name, type);
    }

    public static Constraint.PrimaryKey primaryKey(String name, String... columns) {
        return new Constraint.PrimaryKey(name, List.of(columns));
    }

    public static Constraint.Unique unique(String name, String... columns) {
        return new Constraint.Unique(name, List.of(columns));
    }

    public static Constraint.Check check(String name, String condition) {
        return new Constraint.Check(name, condition);
    }

    /** {@code foreignKey("fk_order_customer", "customer_id").references("customer", "id")}. */
    public static ForeignKeyStart foreignKey(String name, String... columns) {
        return new ForeignKeyStart(name, List.of(columns));
    }

    public record ForeignKeyStart(String name, List<String> columns) {
        public Constraint.ForeignKey references(String table, String... referencedColumns) {
            return new Constraint.ForeignKey(name, columns, null, table, List.of(referencedColumns),
                    ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
        }

        public Constraint.ForeignKey references(String schema, String table, List<String> referencedColumns) {
            return new Constraint.ForeignKey(name, columns, schema, table, referencedColumns,
                    ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
        }
    }

    public static Index index(String name, String... columns) {
        return new Index(name, List.of(columns), false, null);
    }

    public static Sequence sequence(String name) {
        return Sequence.of(name);
    }

    // column changes for op.alterColumn

    public static ColumnChange.TypeChange type(SqlType from, SqlType to) {
        return new ColumnChange.TypeChange(from, to, null);
    }

    /** A type change whose previous type is not stated: it cannot be reversed. */
    public static ColumnChange.TypeChange type(SqlType to) {
        return new ColumnChange.TypeChange(null, to, null);
    }

    public static ColumnChange.TypeChange type(SqlType from, SqlType to, String using) {
        return new ColumnChange.TypeChange(from, to, using);
    }

    public static ColumnChange.NullabilityChange setNotNull() {
        return new ColumnChange.NullabilityChange(false);
    }

    public static ColumnChange.NullabilityChange dropNotNull() {
        return new ColumnChange.NullabilityChange(true);
    }

    public static ColumnChange.DefaultChange serverDefault(String from, String to) {
        return new ColumnChange.DefaultChange(from, to);
    }

    public static ColumnChange.CommentChange comment(String from, String to) {
        return new ColumnChange.CommentChange(from, to);
    }

    // types

    public static SqlType smallint() {
        return SqlType.of("smallint");
    }

    public static SqlType integer() {
        return SqlType.of("integer");
    }

    public static SqlType bigint() {
        return SqlType.of("bigint");
    }

    public static SqlType numeric(int precision, int scale) {
        return SqlType.of("numeric", precision, scale);
    }

    public static SqlType numeric() {
        return SqlType.of("numeric");
    }

    public static SqlType real() {
        return SqlType.of("real");
    }

    public static SqlType doublePrecision() {
        return SqlType.of("double precision");
    }

    public static SqlType bool() {
        return SqlType.of("boolean");
    }

    public static SqlType varchar(int length) {
        return SqlType.of("varchar", length);
    }

    /** {@code varchar} without a length limit. */
    public static SqlType varchar() {
        return SqlType.of("varchar");
    }

    public static SqlType character(int length) {
        return SqlType.of("char", length);
    }

    public static SqlType text() {
        return SqlType.of("text");
    }

    public static SqlType date() {
        return SqlType.of("date");
    }

    public static SqlType time() {
        return SqlType.of("time");
    }

    public static SqlType timestamp() {
        return SqlType.of("timestamp");
    }

    public static SqlType timestamp(int fractionalDigits) {
        return SqlType.of("timestamp", fractionalDigits);
    }

    public static SqlType timestamptz() {
        return SqlType.of("timestamp with time zone");
    }

    public static SqlType timestamptz(int fractionalDigits) {
        return SqlType.of("timestamp with time zone", fractionalDigits);
    }

    public static SqlType uuid() {
        return SqlType.of("uuid");
    }

    public static SqlType bytea() {
        return SqlType.of("bytea");
    }

    public static SqlType json() {
        return SqlType.of("json");
    }

    public static SqlType jsonb() {
        return SqlType.of("jsonb");
    }

    /** Any other type, spelled as the database spells it ({@code int4range}, {@code text[]}). */
    public static SqlType type(String name) {
        return SqlType.of(name);
    }
}
