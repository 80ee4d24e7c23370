package dev.migrations.engine.source;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A source file as its directory entry describes it: size, modification and status-change times,
 * inode. The status-change time cannot be set back by tools that preserve modification times
 * ({@code cp -p}, {@code touch -d}, rsync), so an edit always changes the stamp where the file
 * system keeps one (the "unix" attribute view); elsewhere the stamp is size, modification time
 * and file key.
 *
 * @param value         the fields folded into 64 bits, in hex
 * @param modifiedNanos the modification time, for the rule on files written moments ago
 */
record FileStamp(String value, long modifiedNanos) {

    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    static FileStamp of(Path file) throws IOException {
        if (UNIX) {
            Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,dev");
            long modified = ((FileTime) unix.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
            return new FileStamp(fold((Long) unix.get("size"), modified,
                    ((FileTime) unix.get("ctime")).to(TimeUnit.NANOSECONDS), (Long) unix.get("ino"),
                    (Long) unix.get("dev")), modified);
        }
        BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
        long modified = basic.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        return new FileStamp(fold(basic.size(), modified, Objects.hashCode(basic.fileKey())), modified);
    }

    /**
     * One number to format per file instead of five, and no concatenation: in a cold JVM that is
     * a third of the time spent stamping 2,000 sources. Two different stamps of one file fold
     * alike with a chance of 2^-64.
     */
    private static String fold(long... fields) {
        long folded = 0;
        for (long field : fields) {
            folded = (folded ^ field) * 0x9E3779B97F4A7C15L;
            folded ^= folded >>> 29;
        }
        return Long.toHexString(folded);
    }
}
