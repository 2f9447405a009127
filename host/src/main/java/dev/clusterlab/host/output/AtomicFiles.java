package dev.clusterlab.host.output;

import dev.clusterlab.api.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that never leave a half-written file behind: whole files go through a temporary file and an
 * atomic rename; appended lines go out in one write and are forced to disk before the next run starts.
 */
public final class AtomicFiles {
    private static final java.util.concurrent.atomic.AtomicLong TEMP_COUNTER = new java.util.concurrent.atomic.AtomicLong();

    private AtomicFiles() {
    }

    /**
     * Replaces {@code file} with {@code text} atomically.
     *
     * @param file target
     * @param text content
     */
    public static void write(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Not Files.createTempFile, which makes the file 0600 whatever the umask: every result file
            // gets the user's usual permissions, as the appended ones do.
            Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-" + TEMP_COUNTER.incrementAndGet() + ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Appends one complete line (or lines) in a single write, then forces it to disk.
     *
     * @param file target, created if missing
     * @param text text ending with a newline
     */
    public static void append(Path file, String text) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
