package dev.migrations.autogen.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {

    @Test
    void namesAndStarsMatchWholeTableNames() {
        TableFilter filter = new TableFilter(List.of("billing_*", "audit", "*_tmp"));

        assertThat(filter.excludes("billing_invoice")).isTrue();
        assertThat(filter.excludes("billing_")).isTrue();
        assertThat(filter.excludes("audit")).isTrue();
        assertThat(filter.excludes("orders_tmp")).isTrue();
        assertThat(filter.excludes("audit_log")).isFalse();
        assertThat(filter.excludes("my_billing_x")).isFalse();
        // a pattern is a name, not a regular expression
        assertThat(new TableFilter(List.of("a.c")).excludes("abc")).isFalse();
        assertThat(TableFilter.NONE.excludes("anything")).isFalse();
    }

    @Test
    void aSnapshotLosesOnlyTheExcludedTables() {
        Table kept = new Table("orders", List.of(), null, List.of(), List.of(), List.of(), List.of(), null);
        Table other = new Table("billing_invoice", List.of(), null, List.of(), List.of(), List.of(), List.of(), null);
        SchemaSnapshot snapshot = SchemaSnapshot.of("public", List.of(kept, other), List.of());

        assertThat(new TableFilter(List.of("billing_*")).apply(snapshot).tables().keySet()).containsExactly("orders");
        assertThat(TableFilter.NONE.apply(snapshot)).isSameAs(snapshot);
    }
}
