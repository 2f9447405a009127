package dev.clusterlab.host.output;

import dev.clusterlab.api.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on an output folder for as long as one experiment writes there, so that two runs
 * (or two {@code --resume}) into the same folder cannot both append every row. The lock is the
 * operating system's on {@value #NAME}, which it releases when the holding process dies however it
 * dies: a lock left by a killed process is taken over by the next run, with no stale-file guessing.
 * The file keeps the holder's process id and start time, for the message the second run prints.
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file's name in the output folder; not a result file. */
    public static final String NAME = ".clusterlab.lock";

    /** Tries, 100 ms apart, before the folder counts as taken. */
    static final int WAIT_ATTEMPTS = 20;

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param dir the output folder (created if missing)
     * @return the held lock; close it when the experiment has written everything
     * @throws UserInputException when another run holds it, naming that process
     */
    public static OutputLock take(Path dir) {
        Path file = dir.resolve(NAME);
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l = null;
            // A holder that was just killed may need a moment to be gone: wait a little before refusing.
            for (int attempt = 0; attempt < WAIT_ATTEMPTS && l == null; attempt++) {
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException sameJvm) {
                    l = null;
                }
                if (l == null && attempt + 1 < WAIT_ATTEMPTS) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (l == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                ch.close();
                throw new UserInputException("--output " + dir + ": another clusterlab run is writing there ("
                        + (holder.isEmpty() ? "a process that is starting" : holder) + "); wait for it to finish, or choose another folder");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + ", started " + Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
            return new OutputLock(ch, l);
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // the message below is the one that matters
            }
            throw new UserInputException("--output " + dir + ": cannot lock the folder: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        }
    }
}
