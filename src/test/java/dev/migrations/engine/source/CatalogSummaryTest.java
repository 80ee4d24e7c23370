package dev.migrations.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.internal.PhaseTimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSummaryTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @TempDir
    Path root;

    private MigrationProject project() {
        return new MigrationProject(root);
    }

    private SourceScan scan() {
        return RevisionCatalog.scan(project().sources(), "db.migrations", project().classes(), new PhaseTimes());
    }

    private static SourceFile source(String className, String checksum) {
        return new SourceFile(Path.of("/x/" + className + ".java"), className, checksum);
    }

    @Test
    void theDigestChangesWithAnyChecksumClassNameOrTheirOrder() {
        long digest = CatalogSummary.digest(List.of(source("db.R1", A), source("db.R2", B)));

        assertThat(CatalogSummary.digest(List.of(source("db.R1", A), source("db.R2", B)))).isEqualTo(digest);
        assertThat(CatalogSummary.digest(List.of(source("db.R1", A), source("db.R2", A)))).isNotEqualTo(digest);
        assertThat(CatalogSummary.digest(List.of(source("db.R1", A), source("db.R3", B)))).isNotEqualTo(digest);
        assertThat(CatalogSummary.digest(List.of(source("db.R2", B), source("db.R1", A)))).isNotEqualTo(digest);
        assertThat(CatalogSummary.digest(List.of(source("db.R1", A)))).isNotEqualTo(digest);
    }

    @Test
    void aSummaryIsReadBackOnlyByTheSamePluginAndForTheSameSources() {
        List<SourceFile> sources = List.of(source("db.R1", A), source("db.R2", B));
        long digest = CatalogSummary.digest(sources);
        CatalogSummary.write(root, "plugin-1", digest, List.of("r2"), List.of("r1", "r2"));

        assertThat(CatalogSummary.read(root, "plugin-2")).isEmpty();
        CatalogSummary summary = CatalogSummary.read(root, "plugin-1").orElseThrow();
        assertThat(summary.describes(sources, digest)).isTrue();
        assertThat(summary.describes(sources, digest + 1)).isFalse();
        assertThat(summary.known(sources)).isEqualTo(new KnownRevisions(Set.of("r2"), Map.of("r1", A, "r2", B)));
    }

    @Test
    void aDamagedSummaryIsNone() throws IOException {
        CatalogSummary.write(root, "plugin-1", 42, List.of("r2"), List.of("r1", "r2"));
        Path file = root.resolve("catalog-summary.txt");
        Files.writeString(file, Files.readString(file).replace("2a", "not hex"));

        assertThat(CatalogSummary.read(root, "plugin-1")).isEmpty();
    }

    @Test
    void aLoadSummarizesItsSourcesUntilOneIsAddedOrEdited() throws IOException {
        project().write("aaaaaaaaaaaa", null, "", "");
        project().write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "", "");
        assertThat(scan().known()).isEmpty();

        RevisionCatalog.load(scan(), EngineLog.SILENT, new PhaseTimes());
        KnownRevisions known = scan().known().orElseThrow();
        assertThat(known.heads()).containsExactly("bbbbbbbbbbbb");
        assertThat(known.checksums()).containsOnlyKeys("aaaaaaaaaaaa", "bbbbbbbbbbbb");

        project().write("cccccccccccc", "bbbbbbbbbbbb", "", "");
        assertThat(scan().known()).isEmpty();
        RevisionCatalog.load(scan(), EngineLog.SILENT, new PhaseTimes());
        assertThat(scan().known().orElseThrow().heads()).containsExactly("cccccccccccc");

        project().write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "", "op.execute(\"SELECT 1\");");
        assertThat(scan().known()).isEmpty();
    }
}
