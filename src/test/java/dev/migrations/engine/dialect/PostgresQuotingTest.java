package dev.migrations.engine.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.model.Column;
import dev.migrations.api.model.SqlType;
import dev.migrations.api.operation.AddColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresQuotingTest {

    private final PostgresDialect dialect = new PostgresDialect();

    @ParameterizedTest
    @ValueSource(strings = {"customer", "order_line", "_private", "a1", "price$", "name", "text", "comment",
            "key", "type", "value", "index", "schema"})
    void plainLowerCaseNamesAndUnreservedKeywordsStayBare(String name) {
        assertThat(dialect.quote(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // reserved
            "order", "user", "group", "select", "table", "check", "default", "limit", "offset", "primary",
            // type_func_name
            "authorization", "binary", "collation", "join", "left", "like", "verbose",
            // col_name
            "between", "bigint", "boolean", "char", "int", "time", "timestamp", "values"})
    void keywordsThatCannotBeColumnNamesAreQuoted(String keyword) {
        assertThat(dialect.quote(keyword)).isEqualTo("\"" + keyword + "\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "Customer | \"Customer\"",
            "orderId | \"orderId\"",
            "Mixed Case | \"Mixed Case\"",
            "we\"ird | \"we\"\"ird\"",
            "\" | \"\"\"\"",
            "a;b | \"a;b\"",
            "x; DROP TABLE y -- | \"x; DROP TABLE y --\"",
            "a--b | \"a--b\"",
            "café | \"café\"",
            "1st | \"1st\"",
            "$x | \"$x\"",
            "a.b | \"a.b\"",
            "~ lead~ | \" lead\"",
            "ORDER | \"ORDER\""})
    void anythingElseIsQuotedWithEmbeddedQuotesDoubled(String name, String expected) {
        assertThat(dialect.quote(name)).isEqualTo(expected);
    }

    @Test
    void qualifyQuotesEachPart() {
        assertThat(dialect.qualify(null, "user")).isEqualTo("\"user\"");
        assertThat(dialect.qualify("public", "customer")).isEqualTo("public.customer");
        assertThat(dialect.qualify("My Schema", "order")).isEqualTo("\"My Schema\".\"order\"");
    }

    @Test
    void namesUpTo63BytesAreAccepted() {
        String ascii63 = "a".repeat(63);
        assertThat(dialect.quote(ascii63)).isEqualTo(ascii63);
        // 'é' is two bytes in UTF-8: 31 of them and one ASCII letter are 63 bytes
        String multiByte63 = "é".repeat(31) + "a";
        assertThat(dialect.quote(multiByte63)).isEqualTo("\"" + multiByte63 + "\"");
    }

    @Test
    void namesLongerThan63BytesAreRejectedBecausePostgresWouldTruncateThem() {
        assertThatThrownBy(() -> dialect.quote("a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 bytes").hasMessageContaining("63");
        // 32 characters, but 64 bytes
        assertThatThrownBy(() -> dialect.quote("é".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 bytes");
    }

    @Test
    void emptyNulAndNullNamesAreRejected() {
        assertThatThrownBy(() -> dialect.quote("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> dialect.quote("a\0b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> dialect.quote(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "text; DROP TABLE customer",
            "int -- comment",
            "int /* comment */",
            "varchar(10",
            "varchar)10(",
            "\"My Type",
            "text DEFAULT 'x",
            "int)",
    })
    void typeNamesThatCouldCarrySqlAreRejected(String name) {
        assertThatThrownBy(() -> dialect.typeName(SqlType.of(name)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type name");
    }

    @Test
    void typeInjectionIsRejectedWhenRenderingToo() {
        AddColumn op = new AddColumn(null, "t", Column.of("c", SqlType.of("int); DROP TABLE t; --")));
        assertThatThrownBy(() -> dialect.render(op)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasonableTypeNamesPass() {
        assertThat(dialect.typeName(SqlType.of("character varying", 40))).isEqualTo("character varying(40)");
        assertThat(dialect.typeName(SqlType.of("int4range"))).isEqualTo("int4range");
        assertThat(dialect.typeName(SqlType.of("bit varying", 8))).isEqualTo("bit varying(8)");
        assertThat(dialect.typeName(SqlType.of("interval", 3))).isEqualTo("interval(3)");
    }
}
