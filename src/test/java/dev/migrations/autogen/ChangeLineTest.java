package dev.migrations.autogen;

import static dev.migrations.api.Schema.column;
import static dev.migrations.api.Schema.comment;
import static dev.migrations.api.Schema.dropNotNull;
import static dev.migrations.api.Schema.integer;
import static dev.migrations.api.Schema.sequence;
import static dev.migrations.api.Schema.serverDefault;
import static dev.migrations.api.Schema.type;
import static dev.migrations.api.Schema.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.api.operation.AddColumn;
import dev.migrations.api.operation.AlterColumn;
import dev.migrations.api.operation.AlterSequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeLineTest {

    @Test
    void aChangeInPlaceSaysWhatChanges() {
        assertThat(ChangeLine.of(new AlterColumn(null, "customer", "name", List.of(
                type(varchar(50), varchar(200)), dropNotNull(), serverDefault(null, "'x'"), comment("a", "b")))))
                .isEqualTo("alter column name of customer: type varchar(50) -> varchar(200), drop not null, "
                        + "default none -> 'x', comment");
        assertThat(ChangeLine.of(new AlterSequence(null, sequence("s").incrementBy(20),
                sequence("s").startWith(1000).incrementBy(50))))
                .isEqualTo("alter sequence s: start 1 -> 1000, increment 20 -> 50");
        assertThat(ChangeLine.of(new AlterSequence(null, sequence("s").startWith(100).incrementBy(10),
                sequence("s").startWith(100).incrementBy(20))))
                .isEqualTo("alter sequence s: increment 10 -> 20");
    }

    @Test
    void otherOperationsAreTheirDescription() {
        AddColumn add = new AddColumn(null, "customer", column("phone", integer()));
        assertThat(ChangeLine.of(add)).isEqualTo(add.describe());
    }
}
