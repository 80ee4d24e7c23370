package dev.migrations.autogen.model;

import dev.migrations.autogen.schema.TableFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the entity model comes from in the user's project.
 *
 * @param classpath           the project's compiled classes and dependencies
 * @param entityPackages      packages scanned for {@code @Entity} classes; empty to use the
 *                            classes listed by the project's {@code META-INF/persistence.xml}
 * @param persistenceUnit     which persistence unit to use when the file has several, or null
 * @param hibernateProperties settings the application's own Hibernate runs with (naming
 *                            strategies, dialect options), applied to the model as well
 * @param excludedTables      tables compared on neither side (another service's in a shared schema)
 */
public record EntityModelSource(List<Path> classpath, List<String> entityPackages, String persistenceUnit,
                                Map<String, String> hibernateProperties, TableFilter excludedTables) {
    public EntityModelSource {
        classpath = List.copyOf(classpath);
        entityPackages = List.copyOf(entityPackages);
        hibernateProperties = Map.copyOf(hibernateProperties);
        excludedTables = excludedTables == null ? TableFilter.NONE : excludedTables;
    }

    /** Every table of the schema compared. */
    public EntityModelSource(List<Path> classpath, List<String> entityPackages, String persistenceUnit,
                             Map<String, String> hibernateProperties) {
        this(classpath, entityPackages, persistenceUnit, hibernateProperties, TableFilter.NONE);
    }
}
