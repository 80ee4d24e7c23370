package dev.migrations.autogen.model;

import dev.migrations.autogen.schema.ObjectFilter;
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
 * @param excludedObjects     tables and sequences compared on neither side (another service's in a
 *                            shared schema)
 */
public record EntityModelSource(List<Path> classpath, List<String> entityPackages, String persistenceUnit,
                                Map<String, String> hibernateProperties, ObjectFilter excludedObjects) {
    public EntityModelSource {
        classpath = List.copyOf(classpath);
        entityPackages = List.copyOf(entityPackages);
        hibernateProperties = Map.copyOf(hibernateProperties);
        excludedObjects = excludedObjects == null ? ObjectFilter.NONE : excludedObjects;
    }

    /** Every table and sequence of the schema compared. */
    public EntityModelSource(List<Path> classpath, List<String> entityPackages, String persistenceUnit,
                             Map<String, String> hibernateProperties) {
        this(classpath, entityPackages, persistenceUnit, hibernateProperties, ObjectFilter.NONE);
    }
}
