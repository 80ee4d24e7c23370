package dev.migrations.autogen.model;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.internal.ScopedJvmSettings;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.archive.scan.internal.StandardScanOptions;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.PersistenceSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.SingleTableSubclass;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.SourceType;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.ScriptSourceInput;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.SourceDescriptor;
import org.hibernate.tool.schema.spi.TargetDescriptor;

/**
 * Builds the entity model with Hibernate's own boot metadata and schema tooling, so that the
 * schema compared is exactly the one the application's Hibernate would create: same naming
 * strategies, same type for every attribute at the target database's version, same
 * constraint names. Nothing is connected: the database version is given, not probed.
 */
public final class HibernateModel {

    private HibernateModel() {
    }

    /**
     * @param projectLoader loads the project's classes; its parent must be the loader that has
     *                      Hibernate and Jakarta Persistence, so that both sides agree on what
     *                      {@code @Entity} is
     */
    public static EntityModel build(EntityModelSource source, ClassLoader projectLoader,
                                    int databaseMajorVersion, int databaseMinorVersion) {
        try (ScopedJvmSettings quiet = quietHibernate()) {
            return buildQuietly(source, projectLoader, databaseMajorVersion, databaseMinorVersion);
        }
    }

    /**
     * Hibernate announces itself on every boot, and warns that no connection provider is
     * configured, which is the point here; Maven would print both. A user's setting wins.
     * Hibernate logs through JBoss Logging, which would pick java.util.logging and print around
     * Maven's log; sent to SLF4J, it is Maven's log. Both are read as Hibernate first loads, in
     * the build, so they are set for the build's duration only.
     */
    private static ScopedJvmSettings quietHibernate() {
        return new ScopedJvmSettings().systemPropertyUnlessSet("org.jboss.logging.provider", "slf4j")
                .systemPropertyUnlessSet("org.slf4j.simpleLogger.log.org.hibernate", "error");
    }

    private static EntityModel buildQuietly(EntityModelSource source, ClassLoader projectLoader,
                                            int databaseMajorVersion, int databaseMinorVersion) {
        List<String> classNames = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        PersistenceUnits.Unit unit = null;
        if (source.entityPackages().isEmpty()) {
            unit = PersistenceUnits.find(projectLoader, source.persistenceUnit());
            properties.putAll(unit.properties());
        } else {
            classNames.addAll(entityClasses(source, projectLoader));
            if (classNames.isEmpty()) {
                throw new MigrationException("No @Entity classes found in " + String.join(", ", source.entityPackages())
                        + "; check migrations.entityPackages, and that the project compiles.");
            }
        }
        properties.putAll(source.hibernateProperties());
        // The compared schema is chosen by the search path of the scratch transaction; a
        // default schema would qualify every table and put it elsewhere.
        String defaultSchema = properties.remove(MappingSettings.DEFAULT_SCHEMA);

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(projectLoader);
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(projectLoader).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySettings(new HashMap<String, Object>(properties))
                .applySetting(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL")
                .applySetting(JdbcSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, String.valueOf(databaseMajorVersion))
                .applySetting(JdbcSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, String.valueOf(databaseMinorVersion))
                .applySetting(JdbcSettings.ALLOW_METADATA_ON_BOOT, false)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (String className : classNames) {
                sources.addAnnotatedClassName(className);
            }
            MetadataBuilder builder = sources.getMetadataBuilder();
            if (unit != null) {
                // what Hibernate's JPA bootstrap applies to a unit: its classes, mapping files and
                // META-INF/orm.xml come through the scan, even with no scanner on the class path
                builder.applyScanEnvironment(unit).applyScanOptions(new StandardScanOptions(
                        properties.get(PersistenceSettings.SCANNER_DISCOVERY), unit.excludeUnlistedClasses()));
            }
            MetadataImplementor metadata = (MetadataImplementor) builder.build();
            if (unit != null && metadata.getEntityBindings().isEmpty()) {
                throw new MigrationException("The persistence unit " + unit.name() + " in " + PersistenceUnits.LOCATION
                        + " maps no entity; list its classes or mapping files there, or set migrations.entityPackages.");
            }
            // What the application's SessionFactory does to the metadata before a schema action
            // that creates: its column ordering strategy (hibernate.column_ordering_strategy)
            // decides the order of every table's columns and of every composite key's, then the
            // mapping is validated. The SessionFactory orders only when such an action is
            // configured, which the model's creation always is: hence forced.
            metadata.orderColumns(true);
            metadata.validate();
            return new EntityModel(createStatements(metadata, registry), tableOrigins(metadata), columnOrigins(metadata),
                    metadata.getEntityBindings().size(),
                    defaultSchema, checkSources(metadata), schemas(metadata));
        } catch (RuntimeException | LinkageError e) {
            // A class the entities use and the class path lacks surfaces wherever Hibernate
            // first resolves a member: as a NoClassDefFoundError, or wrapped.
            Optional<String> missing = MissingClass.nameIn(e);
            if (missing.isPresent()) {
                throw MissingClass.explain(missing.get(), unit == null ? classNames : unit.classNames(), projectLoader, e);
            }
            if (e instanceof PersistenceException) {
                throw new MigrationException("Hibernate cannot build the entity model: " + message(e)
                        + "; fix the mapping (the application would fail the same way).", e);
            }
            throw e;
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The entities of the packages, and their {@code @Converter} classes: an auto-applied
     * converter decides the column type of every attribute of its type, as it does when the
     * application's own persistence unit scans the same packages.
     */
    private static List<String> entityClasses(EntityModelSource source, ClassLoader projectLoader) {
        List<String> entities = new ArrayList<>();
        List<String> converters = new ArrayList<>();
        for (String name : EntityScanner.classNames(source.classpath(), source.entityPackages())) {
            try {
                Class<?> type = Class.forName(name, false, projectLoader);
                if (type.isAnnotationPresent(Entity.class)) {
                    entities.add(name);
                } else if (type.isAnnotationPresent(Converter.class)) {
                    converters.add(name);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // A class that cannot load is no entity Hibernate could use either; but one that
                // is annotated @Entity must not drop out of the model unseen: its table would be
                // proposed for a drop. Other classes of the packages may lack optional parts.
                if (ClassFileMembers.declaresEntity(name, projectLoader)) {
                    throw MissingClass.unloadable(name, e);
                }
            }
        }
        if (!entities.isEmpty()) {
            entities.addAll(converters);
        }
        return entities;
    }

    private static List<String> createStatements(Metadata metadata, StandardServiceRegistry registry) {
        Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
        List<String> statements = new ArrayList<>();
        ScriptTargetOutput collector = new ScriptTargetOutput() {
            @Override
            public void prepare() {
            }

            @Override
            public void accept(String command) {
                statements.add(command);
            }

            @Override
            public void release() {
            }
        };
        ExecutionOptions options = new ExecutionOptions() {
            @Override
            public Map<String, Object> getConfigurationValues() {
                return settings;
            }

            @Override
            public boolean shouldManageNamespaces() {
                return false;
            }

            @Override
            public ExceptionHandler getExceptionHandler() {
                return ExceptionHandlerHaltImpl.INSTANCE;
            }
        };
        SourceDescriptor fromMetadata = new SourceDescriptor() {
            @Override
            public SourceType getSourceType() {
                return SourceType.METADATA;
            }

            @Override
            public ScriptSourceInput getScriptSourceInput() {
                return null;
            }
        };
        TargetDescriptor toScript = new TargetDescriptor() {
            @Override
            public EnumSet<TargetType> getTargetTypes() {
                return EnumSet.of(TargetType.SCRIPT);
            }

            @Override
            public ScriptTargetOutput getScriptTargetOutput() {
                return collector;
            }
        };
        registry.requireService(SchemaManagementTool.class).getSchemaCreator(settings)
                .doCreation(metadata, options, ContributableMatcher.ALL, fromMetadata, toScript);
        return statements;
    }

    private static Map<String, String> tableOrigins(Metadata metadata) {
        Map<String, String> origins = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Table table = entity.getTable();
            // A single-table subclass shares its root's table, which the root names best.
            if (table != null && !(entity instanceof SingleTableSubclass)) {
                origins.putIfAbsent(storedName(table), entity.getClassName());
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            Table table = collection.getCollectionTable();
            if (table != null) {
                origins.putIfAbsent(storedName(table), collection.getRole());
            }
        }
        return Collections.unmodifiableMap(origins);
    }

    private static Map<String, String> columnOrigins(Metadata metadata) {
        Map<String, String> origins = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            List<Property> properties = new ArrayList<>(entity.getDeclaredProperties());
            if (entity.getIdentifierProperty() != null) {
                properties.add(entity.getIdentifierProperty());
            }
            for (Property property : properties) {
                Table table = property.getValue().getTable();
                // a @Formula has no column of its own (and getColumns() refuses to answer for one)
                for (org.hibernate.mapping.Selectable selectable : property.getValue().getSelectables()) {
                    if (table != null && selectable instanceof org.hibernate.mapping.Column column) {
                        origins.putIfAbsent(storedName(table) + "." + storedName(column),
                                entity.getClassName() + "." + property.getName());
                    }
                }
            }
        }
        return origins;
    }

    private static String storedName(org.hibernate.mapping.Column column) {
        return column.isQuoted() ? column.getName() : column.getName().toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> schemas(Metadata metadata) {
        Set<String> schemas = new LinkedHashSet<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            Identifier schema = namespace.getName().schema();
            if (schema != null) {
                schemas.add(schema.isQuoted() ? schema.getText() : schema.getText().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return schemas;
    }

    private static Map<String, Set<String>> checkSources(Metadata metadata) {
        Map<String, Set<String>> sources = new HashMap<>();
        for (Table table : metadata.collectTableMappings()) {
            Set<String> texts = new LinkedHashSet<>();
            table.getChecks().forEach(check -> texts.add(check.getConstraint()));
            for (org.hibernate.mapping.Column column : table.getColumns()) {
                column.getCheckConstraints().forEach(check -> texts.add(check.getConstraint()));
            }
            if (!texts.isEmpty()) {
                sources.computeIfAbsent(storedName(table), t -> new LinkedHashSet<>()).addAll(texts);
            }
        }
        return sources;
    }

    /** PostgreSQL folds unquoted names to lower case. */
    private static String storedName(Table table) {
        Identifier name = table.getNameIdentifier();
        return name.isQuoted() ? name.getText() : name.getText().toLowerCase(java.util.Locale.ROOT);
    }

    private static String message(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    }
}
