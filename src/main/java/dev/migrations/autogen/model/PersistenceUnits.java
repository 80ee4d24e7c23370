package dev.migrations.autogen.model;

import dev.migrations.engine.MigrationException;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.archive.scan.spi.ScanEnvironment;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;
import org.hibernate.jpa.boot.spi.PersistenceXmlParser;

/** The project's {@code META-INF/persistence.xml}, read with Hibernate's own parser. */
final class PersistenceUnits {

    static final String LOCATION = "META-INF/persistence.xml";

    /**
     * A persistence unit, and where Hibernate looks for its mappings when the application boots
     * it: the listed classes and mapping files, the root's {@code META-INF/orm.xml}, and, when
     * unlisted classes are not excluded and a scanner is on the class path, the root's classes.
     */
    record Unit(String name, URL rootUrl, List<URL> jarFiles, List<String> classNames, List<String> mappingFiles,
                boolean excludeUnlistedClasses, Map<String, String> properties) implements ScanEnvironment {

        @Override
        public URL getRootUrl() {
            return rootUrl;
        }

        @Override
        public List<URL> getNonRootUrls() {
            return jarFiles;
        }

        @Override
        public List<String> getExplicitlyListedClassNames() {
            return classNames;
        }

        @Override
        public List<String> getExplicitlyListedMappingFiles() {
            return mappingFiles;
        }
    }

    private PersistenceUnits() {
    }

    static Unit find(ClassLoader projectLoader, String wanted) {
        List<URL> files;
        try {
            files = Collections.list(projectLoader.getResources(LOCATION));
        } catch (IOException e) {
            throw new MigrationException("Cannot read " + LOCATION + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new MigrationException("No entities configured: set migrations.entityPackages to the packages "
                    + "of your @Entity classes, or add a " + LOCATION + " that lists them.");
        }
        Map<String, PersistenceUnitDescriptor> units = PersistenceXmlParser.create(Map.of(), projectLoader, null)
                .parse(files);
        PersistenceUnitDescriptor unit;
        if (wanted != null) {
            unit = units.get(wanted);
            if (unit == null) {
                throw new MigrationException("No persistence unit " + wanted + " in " + LOCATION + "; it has "
                        + String.join(", ", units.keySet()) + ".");
            }
        } else if (units.size() == 1) {
            unit = units.values().iterator().next();
        } else {
            throw new MigrationException(LOCATION + " has several persistence units (" + String.join(", ", units.keySet())
                    + "); name one with migrations.persistenceUnit.");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        unit.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return new Unit(unit.getName(), unit.getPersistenceUnitRootUrl(), List.copyOf(unit.getJarFileUrls()),
                List.copyOf(unit.getManagedClassNames()), List.copyOf(unit.getMappingFileNames()),
                unit.isExcludeUnlistedClasses(), properties);
    }
}
