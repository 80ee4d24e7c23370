package dev.migrations.autogen.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entity model as Hibernate would build it for the target database.
 *
 * @param createStatements Hibernate's own DDL for the model, one statement each, unqualified
 *                         tables created in whatever schema the search path names first
 * @param tableOrigins     which mapping each table comes from ({@code com.example.Customer},
 *                         {@code com.example.Order.lines}), keyed by the table name as the
 *                         database stores it; what a catalog cannot tell, kept for the comments
 *                         in generated code
 * @param columnOrigins    which attribute each column comes from ({@code com.example.Customer.email}),
 *                         keyed by {@code table.column}
 * @param entityCount      how many entity classes the model has
 * @param defaultSchema    the {@code hibernate.default_schema} the application sets, or null
 * @param checkSources     the check constraints' expressions as the mapping writes them, by table:
 *                         what generated code should write (the database prints them otherwise)
 * @param schemas          the schemas the DDL names ({@code @Table(schema = ...)}), as the
 *                         database stores the names
 */
public record EntityModel(List<String> createStatements, Map<String, String> tableOrigins,
                          Map<String, String> columnOrigins, int entityCount,
                          String defaultSchema, Map<String, Set<String>> checkSources, Set<String> schemas) {
    public EntityModel {
        checkSources = Map.copyOf(checkSources);
        schemas = Set.copyOf(schemas);
        createStatements = List.copyOf(createStatements);
        tableOrigins = Map.copyOf(tableOrigins);
        columnOrigins = Map.copyOf(columnOrigins);
    }
}
