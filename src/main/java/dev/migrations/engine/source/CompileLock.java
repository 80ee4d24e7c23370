package dev.migrations.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one compile-and-load of a class directory at a time, across processes (two deploy
 * jobs in one checkout, eight upgrades started together) and across threads of one build: a
 * run must never load a class file that another run is rewriting.
 *
 * <p>A file lock is held per process, so threads of one JVM queue on an in-process lock first.
 */
final class CompileLock implements AutoCloseable {

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threads;
    private final FileChannel channel;
    private final FileLock lock;

    private CompileLock(ReentrantLock threads, FileChannel channel, FileLock lock) {
        this.threads = threads;
        this.channel = channel;
        this.lock = lock;
    }

    static CompileLock acquire(Path classesDirectory) {
        Path file = classesDirectory.toAbsolutePath().normalize().resolveSibling(
                classesDirectory.getFileName() + ".lock");
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        threads.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new CompileLock(threads, channel, channel.lock());
        } catch (IOException e) {
            closeQuietly(channel);
            threads.unlock();
            throw new UncheckedIOException("cannot lock " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            threads.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        } finally {
            closeQuietly(channel);
            threads.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the process ends soon; the operating system releases the lock with it
            }
        }
    }
}
