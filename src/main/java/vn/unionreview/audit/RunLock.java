package vn.unionreview.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run per year at a time: an OS file lock on {@code <output>/.locks/<year>.lock}, held for the
 * whole run and released by the OS if the process dies, so a crashed run never blocks the next.
 * Runs for different years take different locks (and different databases) and proceed side by side.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the year's lock, or throws {@link RunBusyException} naming who holds it. */
    public static RunLock acquire(Path outputDir, int year) {
        Path file = outputDir.resolve(".locks").resolve(year + ".lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new RunBusyException(year, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new RunLock(channel, lock);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new RunBusyException(year, "this process");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the run lock " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another run of the same year is in progress. */
    public static class RunBusyException extends RuntimeException {
        public RunBusyException(int year, String holder) {
            super("another run for " + year + " is in progress (" + (holder.isEmpty() ? "lock held" : holder)
                    + "): wait for it to finish, then run again");
        }
    }
}
