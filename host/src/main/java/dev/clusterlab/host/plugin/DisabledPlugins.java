package dev.clusterlab.host.plugin;

import dev.clusterlab.api.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The plugin ids a plugins folder turns off: its {@code disabled.txt}, one id per line ({@code #} starts
 * a comment), PF4J's own file name and format. A disabled plugin is listed as {@code DISABLED} and its
 * algorithms are not offered; every folder's file counts.
 */
public final class DisabledPlugins {
    /** The file in a plugins folder. */
    public static final String FILE = "disabled.txt";

    private DisabledPlugins() {
    }

    /**
     * @param folder a plugins folder
     * @return the ids its file disables (none when it has no file)
     */
    public static Set<String> read(Path folder) {
        Path file = folder.resolve(FILE);
        Set<String> ids = new LinkedHashSet<>();
        if (!Files.isRegularFile(file)) {
            return ids;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String id = line.replaceFirst("#.*", "").trim();
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return ids;
    }

    /**
     * Writes the set back atomically (a temporary file moved over the old one).
     *
     * @param folder a plugins folder
     * @param ids the ids to disable
     */
    public static void write(Path folder, Set<String> ids) {
        Path file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".disabled", ".tmp");
            Files.writeString(tmp, "# plugin ids turned off by 'clusterlab plugins disable'\n" + String.join("\n", ids) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
