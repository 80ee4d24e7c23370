package dev.migrations.engine.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project's migration sources and compiled classes in a temporary directory, for the tests of this package. */
record MigrationProject(Path root) {

    Path sources() {
        return root.resolve("src/main/migrations");
    }

    Path classes() {
        return root.resolve("target/migrations/classes");
    }

    Path classFile(String id) {
        return classes().resolve("db/migrations/R20260101_0000_" + id + ".class");
    }

    /** Writes revision {@code id}; {@code members} go into the class, {@code upgrade} into upgrade(). */
    void write(String id, String parent, String members, String upgrade) throws IOException {
        Path dir = sources().resolve("db/migrations");
        Files.createDirectories(dir);
        String name = "R20260101_0000_" + id;
        String parents = parent == null ? "" : ", parents = \"" + parent + "\"";
        Files.writeString(dir.resolve(name + ".java"), """
                package db.migrations;

                import dev.migrations.api.*;

                @Revision(id = "%s"%s, message = "m %s")
                public class %s implements Migration {
                    public void upgrade(Operations op) { %s }
                    public void downgrade(Operations op) { }
                    %s
                }
                """.formatted(id, parents, id, name, upgrade, members));
    }
}
