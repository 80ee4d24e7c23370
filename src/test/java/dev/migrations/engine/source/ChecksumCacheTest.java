package dev.migrations.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumCacheTest {

    @TempDir
    Path directory;

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

    @Test
    void anUnchangedFileIsNotReadAgain() throws IOException {
        Path file = source("class A {}");
        FileTime stamp = Files.getLastModifiedTime(file);
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class A {}"));

        // same size, same modification time and inode: the cached checksum stands for the file
        Files.writeString(file, "class B {}");
        Files.setLastModifiedTime(file, stamp);
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class A {}"));
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
    void anEditKeepingTheModificationTimeIsSeenByItsSize() throws IOException {
        Path file = source("class A {}");
        FileTime stamp = Files.getLastModifiedTime(file);
        checksumFromANewRun(file);

        Files.writeString(file, "class AB {}");
        Files.setLastModifiedTime(file, stamp);
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class AB {}"));
    }

    @Test
    void aFileWrittenJustNowIsNotCachedYet() throws IOException {
        Path file = directory.resolve("R1.java");
        Files.writeString(file, "class A {}");
        FileTime stamp = Files.getLastModifiedTime(file);
        checksumFromANewRun(file);

        // written again within the same tick of the file system's clock, same size
        Files.writeString(file, "class B {}");
        Files.setLastModifiedTime(file, stamp);
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class B {}"));
    }

    @Test
    void aDamagedCacheIsIgnored() throws IOException {
        Path file = source("class A {}");
        Files.createDirectories(directory.resolve("cache"));
        Files.write(directory.resolve("cache/checksums-v1.tsv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThat(checksumFromANewRun(file)).isEqualTo(SourceChecksum.of("class A {}"));
    }
}
