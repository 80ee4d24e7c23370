package dev.migrations.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.Migration;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.internal.PhaseTimes;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revisions a build ships are the revisions the sources are: metadata, checksums and classes. */
class ShippedIndexTest {

    @TempDir
    Path root;

    private RevisionCatalog compiled() throws IOException {
        MigrationProject project = new MigrationProject(root);
        project.write("aaaa00000001", null, "", "");
        // a nested class, which must travel with its revision
        project.write("aaaa00000002", "aaaa00000001", "static class Helper { }", "new Helper();");
        Path dir = project.sources().resolve("db/migrations");
        // a message with a tab, a line break and a backslash, and a branch label
        Files.writeString(dir.resolve("R20260101_0000_aaaa00000003.java"), """
                package db.migrations;

                import dev.migrations.api.*;

                @Revision(id = "aaaa00000003", parents = "aaaa00000002", branchLabels = "billing",
                        message = "odd\\tmessage\\nwith \\\\ in it", created = "2026-01-01T00:00:00", transactional = false)
                public class R20260101_0000_aaaa00000003 implements Migration {
                    public void upgrade(Operations op) { }
                    public void downgrade(Operations op) { }
                }
                """);
        return RevisionCatalog.load(project.sources(), "db.migrations", project.classes(), EngineLog.SILENT);
    }

    @Test
    void aShippedCatalogHasTheSourcesRevisionsAndRunsTheirClasses() throws Exception {
        RevisionCatalog sources = compiled();
        Path output = root.resolve("target/classes");
        ShippedIndex.Written written = ShippedIndex.write(sources.revisions(), "db.migrations",
                new MigrationProject(root).classes(), output);

        assertThat(written.revisions()).isEqualTo(3);
        assertThat(output.resolve("db/migrations/R20260101_0000_aaaa00000002$Helper.class")).exists();
        try (URLClassLoader application = new URLClassLoader(new URL[] {output.toUri().toURL()},
                Migration.class.getClassLoader())) {
            RevisionCatalog shipped = RevisionCatalog.shipped(application, "db.migrations", new PhaseTimes(),
                    dev.migrations.engine.Spelling.LIBRARY);

            assertThat(shipped.graph().all()).containsExactlyElementsOf(sources.graph().all());
            for (LoadedRevision revision : sources.revisions()) {
                LoadedRevision same = shipped.revision(revision.id());
                assertThat(same.source().checksum()).isEqualTo(revision.source().checksum());
                assertThat(same.source().path().getFileName()).isEqualTo(revision.source().path().getFileName());
                assertThat(same.created()).isEqualTo(revision.created());
                assertThat(same.transactional()).isEqualTo(revision.transactional());
                Migration migration = same.instantiate();
                assertThat(migration.getClass().getClassLoader()).isSameAs(application);
            }
            assertThat(shipped.revision("aaaa00000003").message()).isEqualTo("odd\tmessage\nwith \\ in it");
            assertThat(shipped.revision("aaaa00000003").node().branchLabels()).containsExactly("billing");
        }
    }

    @Test
    void noIndexTwoIndexesAndADamagedOneAreOneLineErrors() throws Exception {
        Path one = Files.createDirectories(root.resolve("one/META-INF/migrations"));
        Path two = Files.createDirectories(root.resolve("two/META-INF/migrations"));
        URL[] both = {root.resolve("one").toUri().toURL(), root.resolve("two").toUri().toURL()};

        try (URLClassLoader empty = new URLClassLoader(both, null)) {
            assertThatThrownBy(() -> ShippedIndex.read(empty, "db.migrations"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("No migrations of package db.migrations on the class path");
        }
        Files.writeString(one.resolve("db.migrations.index"), "# dev.migrations revision index 1\nnot\ta line\n");
        try (URLClassLoader damaged = new URLClassLoader(new URL[] {both[0]}, null)) {
            assertThatThrownBy(() -> ShippedIndex.read(damaged, "db.migrations"))
                    .hasMessageContaining("is damaged at line 2: it has 2 fields instead of 10; rebuild the application.");
        }
        Files.writeString(two.resolve("db.migrations.index"), "# dev.migrations revision index 1\n");
        try (URLClassLoader twice = new URLClassLoader(both, null)) {
            assertThatThrownBy(() -> ShippedIndex.read(twice, "db.migrations"))
                    .hasMessageStartingWith("Two revision indexes of package db.migrations on the class path: ");
        }
        Files.writeString(two.resolve("db.migrations.index"), "# some other format\n");
        try (URLClassLoader other = new URLClassLoader(new URL[] {both[1]}, null)) {
            assertThat(ShippedIndexTest.message(() -> ShippedIndex.read(other, "db.migrations")))
                    .contains("is damaged at line 1: it does not start with '# dev.migrations revision index 1'")
                    .doesNotContain("\n");
        }
    }

    private static String message(Runnable work) {
        try {
            work.run();
        } catch (MigrationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a MigrationException");
    }
}
