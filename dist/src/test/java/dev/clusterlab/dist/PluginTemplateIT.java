package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code examples/plugin-template}, as a third party uses it: copied to a folder outside the repository,
 * built with its own {@code run.sh} offline against the ClusterLab artifacts in the local Maven repository
 * (its tests must really run and pass), and its jar loaded by the installed launcher.
 */
class PluginTemplateIT {
    private static final Path TEMPLATE = Cli.DIST.resolve("../../../examples/plugin-template").normalize();
    private static final Path ROOT = TEMPLATE.resolve("../..").normalize();
    private static final List<String> TEST_CLASSES = List.of("com.example.kcenter.KCenterConformanceTest",
            "com.example.kcenter.MaxRadiusTest", "com.example.kcenter.ClipTest");

    /** Outside the repository on purpose, so no folder above can stand in for the installed parent pom. */
    private Path tmp;

    @AfterEach
    void removeTemp() throws IOException {
        if (tmp != null) {
            try (Stream<Path> all = Files.walk(tmp)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void buildsOutsideTheRepositoryRunsItsTestsAndLoadsInTheDistribution() throws Exception {
        String version = pomProperty(TEMPLATE.resolve("pom.xml"), "clusterlab.version");
        String env = System.getenv("MAVEN_REPO_LOCAL");
        Path repo = env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path parent = repo.resolve("dev/clusterlab/clusterlab-plugins/" + version + "/clusterlab-plugins-" + version + ".pom");
        Path kit = repo.resolve("dev/clusterlab/clusterlab-api/" + version + "/clusterlab-api-" + version + "-tests.jar");
        assumeTrue(Files.isRegularFile(parent) && Files.isRegularFile(kit), "ClusterLab " + version + " is not installed in "
                + repo + " (no " + parent.getFileName() + " or " + kit.getFileName() + "): run ./mvnw install -DskipTests -DskipITs once");

        // The template's copies of the project's launcher helpers and Maven wrapper stay the project's.
        assertThat(TEMPLATE.resolve("find-java.sh")).hasSameBinaryContentAs(ROOT.resolve("dist/src/main/bin/find-java.sh"));
        assertThat(TEMPLATE.resolve("mvnw")).hasSameBinaryContentAs(ROOT.resolve("mvnw"));
        assertThat(TEMPLATE.resolve(".mvn/wrapper/maven-wrapper.properties"))
                .hasSameBinaryContentAs(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"));

        tmp = Files.createTempDirectory("clusterlab-plugin-template").toRealPath();
        assertThat(tmp.startsWith(ROOT.toRealPath())).as(tmp + " outside " + ROOT).isFalse();
        Path project = copy(TEMPLATE, tmp.resolve("my-plugin"));
        Path plugins = tmp.resolve("plugins");

        // README's second command, offline: run.sh finds JDK 25, sees the installed artifacts, tests, packages, copies.
        Path out = tmp.resolve("run.out");
        Path err = tmp.resolve("run.err");
        ProcessBuilder pb = new ProcessBuilder("bash", project.resolve("run.sh").toString(), plugins.toString())
                .directory(project.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("CLUSTERLAB_SOURCE"); // a copy knows no checkout: nothing is (re)installed
        pb.environment().put("MAVEN_ARGS", "-o");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("run.sh did not finish in 5 minutes: " + Files.readString(err));
        }
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).doesNotContain("installing ClusterLab");
        Path jar = plugins.resolve("kcenter-plugin-1.0.0.jar");
        assertThat(Files.readAllLines(out)).containsExactly(jar.toString());
        assertThat(jar).isRegularFile();

        // Surefire found JUnit and ran every test class, the kit's inherited tests included.
        for (String cls : TEST_CLASSES) {
            Path report = project.resolve("target/surefire-reports/TEST-" + cls + ".xml");
            assertThat(report).as("surefire report of " + cls).isRegularFile();
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
            assertThat(Integer.parseInt(suite.getAttribute("tests"))).as("tests run in " + cls).isPositive();
            assertThat(suite.getAttribute("failures")).as("failures in " + cls).isEqualTo("0");
            assertThat(suite.getAttribute("errors")).as("errors in " + cls).isEqualTo("0");
            assertThat(suite.getAttribute("skipped")).as("skipped in " + cls).isEqualTo("0");
            if (cls.endsWith("ConformanceTest")) {
                assertThat(testNames(suite)).contains("keepsTheLabelContractAndRecoversEasyBlobs",
                        "sameSeedGivesSameResultWhateverTheThreadCount", "moreClustersThanPointsIsRejectedClearly");
            }
        }

        // README's third command: the launcher loads the jar from --plugins next to the built-in plugins.
        Cli.Result status = Cli.launcher(tmp, "plugins", "--plugins", plugins.toString());
        assertThat(status.exit()).as(status.out() + status.err()).isZero();
        assertThat(status.out().lines()).anySatisfy(l -> assertThat(l).contains("kcenter", "1.0.0", "STARTED",
                "kcenter-plugin-1.0.0.jar", "algorithm kcenter", "metric max_radius", "step clip"));

        Path csv = tmp.resolve("blobs.csv");
        Path truth = tmp.resolve("truth.csv");
        writeBlobs(csv, truth);
        Cli.Result fit = Cli.launcher(tmp, "cluster", "--algorithm", "kcenter", "--param", "k=3", "--input", csv.toString(),
                "--truth", truth.toString(), "--truth-noise", "0", "--metrics", "max_radius,adjusted_rand",
                "--preprocess", "clip:lower=-100:upper=100", "--format", "json", "--output", tmp.resolve("labels.csv").toString(),
                "--plugins", plugins.toString(), "--threads", "1");
        assertThat(fit.exit()).as(fit.err()).isZero();
        assertThat(fit.hasStackTrace()).isFalse();
        assertThat(fit.out()).contains("\"algorithm\":\"kcenter\"", "\"clusters\":3", "\"adjusted_rand\":1.0");
        // three blobs of points within 0.5 of their centre in x and y: no point is farther than sqrt(0.5) from its centroid
        Matcher radius = Pattern.compile("\"max_radius\":([0-9.Ee-]+)").matcher(fit.out());
        assertThat(radius.find()).as(fit.out()).isTrue();
        assertThat(Double.parseDouble(radius.group(1))).isBetween(0.1, Math.sqrt(0.5));
        assertThat(Files.readAllLines(tmp.resolve("labels.csv"))).hasSize(300);
    }

    /** Three blobs 30 apart, points uniform within 0.5 of their centre; truth 1..3. */
    private static void writeBlobs(Path csv, Path truth) throws IOException {
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder data = new StringBuilder("x,y\n");
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            int c = i % 3;
            data.append(30 * c + rnd.nextDouble() - 0.5).append(',').append(rnd.nextDouble() - 0.5).append('\n');
            labels.append(c + 1).append('\n');
        }
        Files.writeString(csv, data);
        Files.writeString(truth, labels);
    }

    private static List<String> testNames(Element suite) {
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return names;
    }

    private static String pomProperty(Path pom, String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(pom));
        assertThat(m.find()).as(name + " in " + pom).isTrue();
        return m.group(1).trim();
    }

    /** The template as a user copies it: its sources, not a build left in the checkout. */
    private static Path copy(Path from, Path to) throws IOException {
        Map<Path, Path> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(from)) {
            all.filter(f -> !from.relativize(f).startsWith("target")).forEach(f -> files.put(f, to.resolve(from.relativize(f).toString())));
        }
        for (Map.Entry<Path, Path> e : files.entrySet()) {
            if (Files.isDirectory(e.getKey())) {
                Files.createDirectories(e.getValue());
            } else {
                Files.copy(e.getKey(), e.getValue(), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }
}
