package dev.clusterlab.dist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small PF4J plugin jars in tests, the way a third party's build would. */
final class PluginJars {
    private PluginJars() {
    }

    /**
     * @param target the jar to write
     * @param id Plugin-Id
     * @param requires Plugin-Requires expression
     * @param extension the extension class (its .class file is copied from the test classes)
     * @return the jar
     */
    static Path write(Path target, String id, String requires, Class<?> extension) throws IOException {
        return write(target, id, requires, "", extension);
    }

    /**
     * @param target the jar to write
     * @param id Plugin-Id
     * @param requires Plugin-Requires expression
     * @param dependencies Plugin-Dependencies (comma-separated plugin ids), or empty for none
     * @param extension the extension class (its .class file is copied from the test classes)
     * @return the jar
     */
    static Path write(Path target, String id, String requires, String dependencies, Class<?> extension) throws IOException {
        return write(target, id, "1.0.0", requires, dependencies, extension);
    }

    /**
     * @param target the jar to write
     * @param id Plugin-Id
     * @param version Plugin-Version
     * @param requires Plugin-Requires expression
     * @param dependencies Plugin-Dependencies, or empty
     * @param extension the extension class
     * @return the jar
     */
    static Path write(Path target, String id, String version, String requires, String dependencies, Class<?> extension)
            throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", version);
        a.putValue("Plugin-Provider", "a third party");
        a.putValue("Plugin-Requires", requires);
        if (!dependencies.isEmpty()) {
            a.putValue("Plugin-Dependencies", dependencies);
        }
        String classFile = extension.getName().replace('.', '/') + ".class";
        Path classes = Path.of(System.getProperty("clusterlab.testPluginClasses"));
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, mf)) {
            jar.putNextEntry(new JarEntry(classFile));
            jar.write(Files.readAllBytes(classes.resolve(classFile)));
            jar.closeEntry();
            // The index PF4J's annotation processor would generate for an @Extension class.
            jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            jar.write((extension.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return target;
    }
}
