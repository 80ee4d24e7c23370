package dev.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.source.LoadedRevision;
import dev.migrations.engine.source.RevisionCatalog;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationClassWriterTest {

    @TempDir
    Path project;

    @Test
    void classNameSortsByCreationTimeAndCarriesIdAndSlug() {
        RevisionMetadata revision = new RevisionMetadata("3f2a9c1b7d4e", List.of("1a2b3c4d5e6f"),
                "Add phone to Customer!", LocalDateTime.of(2026, 11, 21, 9, 5, 33), List.of(), List.of());

        assertThat(revision.className()).isEqualTo("R20261121_0905_3f2a9c1b7d4e_add_phone_to_customer");
    }

    @Test
    void longMessagesAreCutAtAWordBoundary() {
        String slug = RevisionMetadata.slug("rename the customer email column to contact address and add an index on it");
        assertThat(slug).isEqualTo("rename_the_customer_email_column_to");
        assertThat(RevisionMetadata.slug("  ---  ")).isEmpty();
        assertThat(RevisionMetadata.slug("Añadir teléfono à Übersicht")).isEqualTo("anadir_telefono_a_ubersicht");
    }

    @Test
    void writtenClassCompilesAndCarriesItsMetadata() {
        Path sources = project.resolve("src/main/migrations");
        MigrationClassWriter writer = new MigrationClassWriter("db.migrations");
        RevisionMetadata base = new RevisionMetadata("aaaaaaaaaaaa", List.of(), "first \"quoted\" */ *\\u002f \\ message",
                LocalDateTime.of(2026, 1, 1, 10, 0), List.of(), List.of());
        RevisionMetadata merge = new RevisionMetadata("cccccccccccc", List.of("aaaaaaaaaaaa", "bbbbbbbbbbbb"),
                "merge", LocalDateTime.of(2026, 1, 2, 10, 0), List.of("billing"), List.of());
        RevisionMetadata other = new RevisionMetadata("bbbbbbbbbbbb", List.of(), "second base",
                LocalDateTime.of(2026, 1, 1, 11, 0), List.of(), List.of("aaaaaaaaaaaa"));
        for (RevisionMetadata revision : List.of(base, merge, other)) {
            writer.write(sources, revision, MigrationClassWriter.emptyBody("upgrade"),
                    MigrationClassWriter.emptyBody("downgrade"));
        }

        RevisionCatalog catalog = RevisionCatalog.load(sources, "db.migrations",
                project.resolve("target/classes"), EngineLog.SILENT);

        LoadedRevision first = catalog.revision("aaaaaaaaaaaa");
        assertThat(first.message()).isEqualTo("first \"quoted\" */ *\\u002f \\ message");
        assertThat(first.created()).isEqualTo("2026-01-01T10:00:00");
        LoadedRevision joined = catalog.revision("cccccccccccc");
        assertThat(joined.node().parents()).containsExactly("aaaaaaaaaaaa", "bbbbbbbbbbbb");
        assertThat(joined.node().branchLabels()).containsExactly("billing");
        assertThat(catalog.revision("bbbbbbbbbbbb").node().dependsOn()).containsExactly("aaaaaaaaaaaa");
        assertThat(catalog.graph().heads()).extracting(n -> n.id()).containsExactly("cccccccccccc");
    }

    @Test
    void theSameRevisionRendersTheSameSource() {
        RevisionMetadata revision = new RevisionMetadata("aaaaaaaaaaaa", List.of(), "m",
                LocalDateTime.of(2026, 1, 1, 10, 0), List.of(), List.of());
        MigrationClassWriter writer = new MigrationClassWriter("db.migrations");
        String once = writer.render(revision, MigrationClassWriter.emptyBody("upgrade"),
                MigrationClassWriter.emptyBody("downgrade")).toString();
        String twice = writer.render(revision, MigrationClassWriter.emptyBody("upgrade"),
                MigrationClassWriter.emptyBody("downgrade")).toString();
        assertThat(once).isEqualTo(twice).contains("@Revision(").contains("implements Migration");
    }
}
