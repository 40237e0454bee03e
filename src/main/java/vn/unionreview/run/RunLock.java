package vn.unionreview.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/**
 * One run per year at a time: an OS file lock on {@code <output>/.locks/<year>.lock}, held for the whole run and
 * released by the OS if the process dies, so a crashed run never blocks the next. Runs for different years take
 * different locks (and different databases) and proceed side by side.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the year's lock, or throws {@link RunBusyException} naming who holds it.
     *
     * @param holder what the lock says while held: the run's kind, who started it and when
     */
    public static RunLock acquire(Path outputDir, int year, Message holder) {
        Path file = file(outputDir, year);
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            // a look by holder() holds the lock for an instant: only a lock still held a moment later is a run
            for (int tries = 0; lock == null && tries < 3; tries++) {
                sleep();
                lock = channel.tryLock();
            }
            if (lock == null) {
                Message heldBy = heldBy(file);
                channel.close();
                throw new RunBusyException(year, heldBy);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(
                    (ProcessHandle.current().pid() + " " + holder.encode() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new RunLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            throw new RunBusyException(year, Message.of("run.this_process"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the run lock " + file, e);
        }
    }

    /**
     * Whether a run of the year is in progress, in this process or another (the console shows runs the command line,
     * the schedule or another console started): what its lock says, or empty when the lock is free.
     */
    public static Optional<Message> holder(Path outputDir, int year) {
        Path file = file(outputDir, year);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock free = channel.tryLock();
            if (free != null) {
                free.release();
                return Optional.empty();
            }
        } catch (OverlappingFileLockException held) {
            // held by a run of this process
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(heldBy(file));
    }

    /** What a held lock says: the process and what it runs ("pid 123: final run started by hoa at …"). */
    private static Message heldBy(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            int space = text.indexOf(' ');
            return space < 0
                    ? Message.of("run.lock_held")
                    : Message.of(
                            "run.lock_holder",
                            "pid",
                            text.substring(0, space),
                            "holder",
                            Message.decode(text.substring(space + 1)));
        } catch (IOException e) {
            return Message.of("run.lock_held");
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the run lock");
        }
    }

    private static Path file(Path outputDir, int year) {
        return outputDir.resolve(".locks").resolve(year + ".lock");
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another run of the same year is in progress. */
    public static class RunBusyException extends MessageException {
        public RunBusyException(int year, Message holder) {
            super(Message.of("run.busy", "year", String.valueOf(year), "holder", holder));
        }
    }
}
