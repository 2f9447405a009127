package dev.clusterlab.host.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.clusterlab.api.UserInputException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private static YamlNode read(String yaml) {
        return YamlReader.read("exp.yaml", new StringReader(yaml));
    }

    private static YamlNode.Mapping readMapping(String yaml) {
        return (YamlNode.Mapping) read(yaml);
    }

    private static Object scalar(YamlNode.Mapping m, String key) {
        return ((YamlNode.Scalar) m.entries().get(key)).value();
    }

    @Test
    void mappingKeepsFileOrderAndLocationsOfKeysAndValues() {
        YamlNode.Mapping m = readMapping("""
                name: demo
                seed: 7
                datasets:
                  - a
                  - b
                """);
        assertThat(m.location()).isEqualTo(new Location("exp.yaml", 1, 1));
        assertThat(m.entries().keySet()).containsExactly("name", "seed", "datasets");
        assertThat(m.keyLocations().get("seed")).isEqualTo(new Location("exp.yaml", 2, 1));
        assertThat(m.entries().get("name").location()).isEqualTo(new Location("exp.yaml", 1, 7));
        YamlNode.Sequence seq = (YamlNode.Sequence) m.entries().get("datasets");
        assertThat(seq.items()).hasSize(2);
        assertThat(seq.items().get(1).location()).isEqualTo(new Location("exp.yaml", 5, 5));
        assertThat(seq.items().get(1).location().toString()).isEqualTo("exp.yaml:5:5");
    }

    @Test
    void malformedYamlNamesFileLineAndColumn() {
        // The second ':' on line 2 (column 8) is where a mapping value is not allowed.
        assertThatThrownBy(() -> read("""
                name: x
                seed: 1: 2
                """))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("exp.yaml:2:8: malformed YAML: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unclosedFlowSequenceIsMalformed() {
        assertThatThrownBy(() -> read("k: [1, 2\nother: 3\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessageMatching("exp\\.yaml:\\d+:\\d+: malformed YAML: .+");
    }

    @Test
    void duplicateKeyIsAnErrorNamingBothPlaces() {
        assertThatThrownBy(() -> read("""
                name: a
                seed: 1
                name: b
                """))
                .isInstanceOf(UserInputException.class)
                .hasMessage("exp.yaml:3:1: duplicate key 'name' (first at line 1)");
    }

    @Test
    void duplicateKeyInNestedMappingIsFound() {
        assertThatThrownBy(() -> read("""
                algorithms:
                  - id: kmeans
                    params:
                      k: 3
                      k: 4
                """))
                .isInstanceOf(UserInputException.class)
                .hasMessage("exp.yaml:5:7: duplicate key 'k' (first at line 4)");
    }

    @Test
    void emptyFileAndCommentOnlyFileAreReported() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(UserInputException.class)
                .hasMessage("exp.yaml:1:1: the file is empty; expected a YAML mapping");
        assertThatThrownBy(() -> read("# only a comment\n\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("exp.yaml:1:1: the file is empty");
    }

    @Test
    void scalarTypes() {
        YamlNode.Mapping m = readMapping("""
                int: 42
                negative: -7
                big: 9000000000
                real: 1.5
                exp: 2.5e3
                yes_bool: true
                no_bool: false
                nothing: null
                tilde: ~
                empty:
                text: hello
                quoted_number: "42"
                quoted_bool: 'true'
                quoted_tilde: "~"
                """);
        assertThat(scalar(m, "int")).isEqualTo(42L);
        assertThat(scalar(m, "negative")).isEqualTo(-7L);
        assertThat(scalar(m, "big")).isEqualTo(9_000_000_000L);
        assertThat(scalar(m, "real")).isEqualTo(1.5);
        assertThat(scalar(m, "exp")).isEqualTo(2500.0);
        assertThat(scalar(m, "yes_bool")).isEqualTo(Boolean.TRUE);
        assertThat(scalar(m, "no_bool")).isEqualTo(Boolean.FALSE);
        assertThat(scalar(m, "nothing")).isNull();
        assertThat(scalar(m, "tilde")).isNull();
        assertThat(scalar(m, "empty")).isNull();
        assertThat(scalar(m, "text")).isEqualTo("hello");
        assertThat(scalar(m, "quoted_number")).isEqualTo("42");
        assertThat(scalar(m, "quoted_bool")).isEqualTo("true");
        assertThat(scalar(m, "quoted_tilde")).isEqualTo("~");
        assertThat(m.entries().get("nothing").kind()).isEqualTo("null");
        assertThat(m.entries().get("text").kind()).isEqualTo("the text 'hello'");
        assertThat(m.entries().get("int").kind()).isEqualTo("the number 42");
    }

    @Test
    void integerBeyondLongRangeIsAnErrorNotAWrappedValue() {
        assertThatThrownBy(() -> read("seed: 99999999999999999999\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("exp.yaml:1:7: ")
                .hasMessageContaining("99999999999999999999")
                .hasMessageContaining("too large");
    }

    @Test
    void flowCollectionsAndKinds() {
        YamlNode.Mapping m = readMapping("k: [2, 3]\np: {a: 1}\n");
        assertThat(m.entries().get("k")).isInstanceOf(YamlNode.Sequence.class);
        assertThat(m.entries().get("k").kind()).isEqualTo("a list");
        assertThat(m.entries().get("p").kind()).isEqualTo("a mapping");
        YamlNode.Sequence k = (YamlNode.Sequence) m.entries().get("k");
        assertThat(k.items()).extracting(n -> ((YamlNode.Scalar) n).value()).containsExactly(2L, 3L);
        assertThat(k.items().get(1).location()).isEqualTo(new Location("exp.yaml", 1, 8));
    }

    @Test
    void aliasesOfListsAndMappingsResolveToTheAnchoredValue() {
        YamlNode.Mapping m = readMapping("""
                base: &common {k: 3, init: random}
                copy: *common
                ks: &ks [2, 3]
                again: *ks
                """);
        YamlNode.Mapping copy = (YamlNode.Mapping) m.entries().get("copy");
        assertThat(copy.entries().keySet()).containsExactly("k", "init");
        assertThat(scalar(copy, "k")).isEqualTo(3L);
        assertThat(((YamlNode.Sequence) m.entries().get("again")).items())
                .extracting(n -> ((YamlNode.Scalar) n).value()).containsExactly(2L, 3L);
    }

    @Test
    void anAliasIsNeverSilentlyReadAsText() {
        // Jackson's streaming parser reports an alias as the text of its name; that must not pass.
        assertThatThrownBy(() -> read("a: *nowhere\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("exp.yaml:1:4: ")
                .hasMessageContaining("*nowhere");
        assertThatThrownBy(() -> read("n: &n 5\nm: *n\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("exp.yaml:2:4: ")
                .hasMessageContaining("*n");
    }

    @Test
    void billionLaughsFailsFastAndCleanly() {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            List<String> refs = java.util.Collections.nCopies(9, "*" + (char) (c - 1));
            y.append(c).append(": &").append(c).append(" [").append(String.join(",", refs)).append("]\n");
        }
        String bomb = y.toString();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> read(bomb))
                        .isInstanceOf(UserInputException.class)
                        .hasMessageStartingWith("exp.yaml:")
                        .hasMessageContaining("alias"));
    }

    @Test
    void twentyThousandNestedBracketsFailFastAndCleanly() {
        String deep = "[".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> read(deep))
                        .isExactlyInstanceOf(UserInputException.class)
                        .hasMessageMatching("exp\\.yaml:1:\\d+: malformed YAML: .*nesting depth.*"));
        String balanced = "k: " + "[".repeat(20_000) + "]".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> read(balanced))
                        .isExactlyInstanceOf(UserInputException.class)
                        .hasMessageStartingWith("exp.yaml:1:"));
    }

    @Test
    void moderateNestingIsFine() {
        YamlNode n = read("[".repeat(100) + "]".repeat(100));
        int depth = 0;
        while (n instanceof YamlNode.Sequence s && !s.items().isEmpty()) {
            n = s.items().getFirst();
            depth++;
        }
        assertThat(depth).isEqualTo(99);
    }
}
