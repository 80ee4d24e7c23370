package dev.migrations.autogen.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.api.model.Sequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectFilterTest {

    @Test
    void namesAndStarsMatchWholeTableNames() {
        ObjectFilter filter = new ObjectFilter(List.of("billing_*", "audit", "*_tmp"));

        assertThat(filter.excludes("billing_invoice")).isTrue();
        assertThat(filter.excludes("billing_")).isTrue();
        assertThat(filter.excludes("audit")).isTrue();
        assertThat(filter.excludes("orders_tmp")).isTrue();
        assertThat(filter.excludes("audit_log")).isFalse();
        assertThat(filter.excludes("my_billing_x")).isFalse();
        // a pattern is a name, not a regular expression
        assertThat(new ObjectFilter(List.of("a.c")).excludes("abc")).isFalse();
        assertThat(ObjectFilter.NONE.excludes("anything")).isFalse();
    }

    @Test
    void aSnapshotLosesOnlyTheExcludedTablesAndSequences() {
        Table kept = new Table("orders", List.of(), null, List.of(), List.of(), List.of(), List.of(), null);
        Table other = new Table("billing_invoice", List.of(), null, List.of(), List.of(), List.of(), List.of(), null);
        SchemaSnapshot snapshot = SchemaSnapshot.of("public", List.of(kept, other),
                List.of(Sequence.of("orders_seq"), Sequence.of("billing_seq")));

        SchemaSnapshot filtered = new ObjectFilter(List.of("billing_*")).apply(snapshot);
        assertThat(filtered.tables().keySet()).containsExactly("orders");
        assertThat(filtered.sequences().keySet()).containsExactly("orders_seq");
        assertThat(ObjectFilter.NONE.apply(snapshot)).isSameAs(snapshot);
    }
}
