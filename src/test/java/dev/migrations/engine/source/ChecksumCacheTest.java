package dev.migrations.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumCacheTest {

    @TempDir
    Path directory;

    private Path cacheFile() {
        return directory.resolve("cache/checksums.tsv");
    }

    /** A source last written a minute ago: old enough to be cached. */
    private Path source(String text) throws IOException {
        Path file = directory.resolve("R1.java");
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        return file;
    }

    private String checksumFromANewRun(Path file) throws IOException {
        ChecksumCache cache = ChecksumCache.in(directory.resolve("cache"));
        String checksum = cache.checksum(file);
        cache.save();
        return checksum;
    }

    /** Replaces the cached checksums with a marker, so that a test can see whether the cache answered. */
    private void markCachedChecksums(String header) throws IOException {
        List<String> lines = Files.readAllLines(cacheFile(), StandardCharsets.UTF_8);
        StringBuilder marked = new StringBuilder(header == null ? lines.get(0) : header).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            marked.append(line, 0, line.lastIndexOf('\t')).append("\tfrom-the-cache\n");
        }
        Files.writeString(cacheFile(), marked);
    }

    @Test
    void aFileThatKeepsItsStampIsNotReadAgain() throws IOException {
        Path file = source("class A {}");
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class A {}"));

        markCachedChecksums(null);
        assertThat(checksumFromANewRun(file)).isEqualTo("from-the-cache");
    }

    @Test
    void anEditOfTheSameSizeIsSeenByItsModificationTime() throws IOException {
        Path file = source("class A {}");
        FileTime stamp = Files.getLastModifiedTime(file);
        checksumFromANewRun(file);

        Files.writeString(file, "class B {}");
        Files.setLastModifiedTime(file, FileTime.fromMillis(stamp.toMillis() + 1));
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class B {}"));
    }

    @Test
    void anEditThatRestoresSizeAndModificationTimeIsSeenByTheStatusChangeTime() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
        Path file = source("class A {}");
        FileTime stamp = Files.getLastModifiedTime(file);
        checksumFromANewRun(file);

        // what cp -p or rsync -t do: same size, the old modification time
        Files.writeString(file, "class B {}");
        Files.setLastModifiedTime(file, stamp);
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class B {}"));
    }

    @Test
    void aFileWrittenJustNowIsNotCachedYet() throws IOException {
        Path file = directory.resolve("R1.java");
        Files.writeString(file, "class A {}");
        checksumFromANewRun(file);

        // a second write in the same tick of the file system's clock would keep the stamp
        assertThat(Files.exists(cacheFile())).isFalse();
    }

    @Test
    void theCacheOfAnotherPluginBuildIsIgnored() throws IOException {
        Path file = source("class A {}");
        checksumFromANewRun(file);

        markCachedChecksums("another build of the plugin");
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class A {}"));
    }

    @Test
    void aCacheWithWindowsLineEndsIsRead() throws IOException {
        Path file = source("class A {}");
        checksumFromANewRun(file);

        markCachedChecksums(null);
        Files.writeString(cacheFile(), Files.readString(cacheFile()).replace("\n", "\r\n"));
        assertThat(checksumFromANewRun(file)).isEqualTo("from-the-cache");
    }

    @Test
    void aLineWithoutExactlyThreeFieldsIsNotTrusted() throws IOException {
        Path file = source("class A {}");
        checksumFromANewRun(file);

        markCachedChecksums(null);
        Files.writeString(cacheFile(), Files.readString(cacheFile()).replace("\tfrom-the-cache\n",
                "\tfrom-the-cache\textra\n"));
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class A {}"));
    }

    @Test
    void aDamagedCacheIsIgnored() throws IOException {
        Path file = source("class A {}");
        Files.createDirectories(cacheFile().getParent());
        Files.write(cacheFile(), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class A {}"));
    }
}
