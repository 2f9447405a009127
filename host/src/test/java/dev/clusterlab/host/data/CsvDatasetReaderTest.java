package dev.clusterlab.host.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvDatasetReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private static Dataset read(Path f) {
        return CsvDatasetReader.read(f, "ds", CsvOptions.DEFAULT);
    }

    private static Dataset read(Path f, List<Object> columns, List<Object> exclude, Object label, String header) {
        return CsvDatasetReader.read(f, "ds", new CsvOptions(columns, exclude, label, HeaderMode.parse(header).orElseThrow()));
    }

    private static float[][] rows(Dataset d) {
        float[][] out = new float[d.n()][];
        for (int i = 0; i < d.n(); i++) {
            out[i] = d.row(i);
        }
        return out;
    }

    @Test
    void headerLineGivesTheFeatureNames() throws IOException {
        Dataset d = read(write("a.csv", "x,y\n1,2\n3.5,-4e-1\n"));
        assertThat(d.name()).isEqualTo("ds");
        assertThat(d.n()).isEqualTo(2);
        assertThat(d.d()).isEqualTo(2);
        assertThat(d.featureNames()).containsExactly("x", "y");
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{1f, 2f}, {3.5f, -0.4f}});
        assertThat(d.hasTruth()).isFalse();
    }

    @Test
    void utf8BomIsNotPartOfTheFirstName() throws IOException {
        Dataset d = read(write("bom.csv", "\uFEFFwidth,height\n1,2\n"));
        assertThat(d.featureNames()).containsExactly("width", "height");
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{1f, 2f}});
    }

    @Test
    void bomBeforeANumericFirstLine() throws IOException {
        Dataset d = read(write("bom2.csv", "\uFEFF1,2\n3,4\n"));
        assertThat(d.n()).as("the first line is data, not a header").isEqualTo(2);
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{1f, 2f}, {3f, 4f}});
    }

    @Test
    void crlfLineEndings() throws IOException {
        Dataset d = read(write("crlf.csv", "a,b\r\n1,2\r\n3,4\r\n"));
        assertThat(d.featureNames()).containsExactly("a", "b");
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{1f, 2f}, {3f, 4f}});
    }

    @Test
    void crlfErrorsNameThePhysicalLine() throws IOException {
        Path f = write("crlf-bad.csv", "a,b\r\n1,2\r\n3,x\r\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(f + ":3:2 (column 'b'): ");
    }

    @Test
    void noFinalNewline() throws IOException {
        Dataset d = read(write("nofinal.csv", "1,2\n3,4"));
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{1f, 2f}, {3f, 4f}});
    }

    @Test
    void numericFirstLineIsDataAndNamesAreGenerated() throws IOException {
        Dataset d = read(write("nohead.csv", "1,2,3\n4,5,6\n"));
        assertThat(d.n()).isEqualTo(2);
        assertThat(d.featureNames()).containsExactly("x1", "x2", "x3");
    }

    @Test
    void headerTrueTakesANumericFirstLineAsNames() throws IOException {
        Dataset d = read(write("h.csv", "10,20\n1,2\n"), List.of(), List.of(), null, "true");
        assertThat(d.n()).isEqualTo(1);
        assertThat(d.featureNames()).containsExactly("10", "20");
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{1f, 2f}});
    }

    @Test
    void headerFalseTakesATextFirstLineAsDataWhoseColumnsAreCategorical() throws IOException {
        Path f = write("hf.csv", "a,b\n1,b\na,2\n");
        Dataset d = read(f, List.of(), List.of(), null, "false");
        assertThat(d.n()).isEqualTo(3);
        assertThat(d.levels(0)).containsExactly("1", "a");
        assertThat(d.levels(1)).containsExactly("2", "b");
        assertThat(d.get(0, 0)).isEqualTo(1f);
    }

    @Test
    void aTextColumnWithADifferentValueInEveryRowIsRefusedAsAnId() throws IOException {
        Path f = write("ids.csv", "name,x\nann,1\nbob,2\ncid,3\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(f + ":2:1 (column 'name'): found text ('ann')").hasMessageContaining("exclude");
    }

    @Test
    void headerAutoDetectsAnyTextField() throws IOException {
        Dataset d = read(write("mixed.csv", "1,b\n2,3\n"), List.of(), List.of(), null, "auto");
        assertThat(d.featureNames()).containsExactly("1", "b");
        assertThat(d.n()).isEqualTo(1);
    }

    @Test
    void anEmptyCellInANumericFirstLineIsAnErrorNotAHeader() throws IOException {
        Path f = write("gap.csv", "1,,3\n4,5,6\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(f + ":1:2: empty cell");
    }

    @Test
    void blankLinesAreSkippedAndLinesStillCountRight() throws IOException {
        Dataset d = read(write("blank.csv", "a,b\n\n1,2\n\n\n3,4\n\n"));
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{1f, 2f}, {3f, 4f}});
        Path bad = write("blank-bad.csv", "a,b\n\n1,2\n\n3,oops\n");
        assertThatThrownBy(() -> read(bad)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(bad + ":5:2 (column 'b'): expected a finite decimal number; found 'oops'");
    }

    @Test
    void surroundingSpacesAreTrimmed() throws IOException {
        Dataset d = read(write("sp.csv", " a , b \n 1 , 2 \n"));
        assertThat(d.featureNames()).containsExactly("a", "b");
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{1f, 2f}});
    }

    @Test
    void columnsByNameAreKeptInFileOrder() throws IOException {
        Path f = write("cols.csv", "id,age,income,visits\n1,30,100,5\n2,40,200,6\n");
        Dataset d = read(f, List.of("visits", "age"), List.of(), null, "auto");
        assertThat(d.featureNames()).containsExactly("age", "visits");
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{30f, 5f}, {40f, 6f}});
    }

    @Test
    void columnsByZeroBasedPosition() throws IOException {
        Path f = write("pos.csv", "10,20,30\n11,21,31\n");
        Dataset d = read(f, List.of(2L, 0L), List.of(), null, "auto");
        assertThat(d.featureNames()).containsExactly("x1", "x3");
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{10f, 30f}, {11f, 31f}});
        Dataset withHeader = read(write("pos2.csv", "a,b,c\n1,2,3\n"), List.of(1L), List.of(), null, "auto");
        assertThat(withHeader.featureNames()).containsExactly("b");
    }

    @Test
    void positionOutsideTheFileIsAnError() throws IOException {
        Path f = write("out.csv", "1,2\n");
        assertThatThrownBy(() -> read(f, List.of(2L), List.of(), null, "auto"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("'columns' position 2 is outside the file's columns 0..1");
    }

    @Test
    void excludeByNameAndPosition() throws IOException {
        Path f = write("ex.csv", "id,x,name_code,y\n7,1,9,2\n8,3,9,4\n");
        Dataset d = read(f, List.of(), List.of("id", 2L), null, "auto");
        assertThat(d.featureNames()).containsExactly("x", "y");
        assertThat(rows(d)).isDeepEqualTo(new float[][] {{1f, 2f}, {3f, 4f}});
    }

    @Test
    void aTextColumnCanBeExcluded() throws IOException {
        Path f = write("text.csv", "name,x\nalice,1\nbob,2\n");
        assertThat(read(f, List.of(), List.of("name"), null, "auto").d()).isEqualTo(1);
    }

    @Test
    void textLabelsAreNumberedInOrderOfAppearance() throws IOException {
        Path f = write("iris.csv", "x,y,species\n1,2,setosa\n3,4,versicolor\n5,6,setosa\n7,8,virginica\n9,0,versicolor\n");
        Dataset d = read(f, List.of(), List.of(), "species", "auto");
        assertThat(d.featureNames()).as("the label column is not a feature").containsExactly("x", "y");
        assertThat(d.truth()).hasValueSatisfying(t -> assertThat(t).containsExactly(0, 1, 0, 2, 1));
    }

    @Test
    void integerLabelsAreKeptWithMinusOneAsNoise() throws IOException {
        Path f = write("int.csv", "1,2,3\n3,4,-1\n5,6,0\n7,8,3\n");
        Dataset d = read(f, List.of(), List.of(), 2L, "auto");
        assertThat(d.d()).isEqualTo(2);
        assertThat(d.truth()).hasValueSatisfying(t -> assertThat(t).containsExactly(3, -1, 0, 3));
    }

    @Test
    void labelColumnByPositionAsText() throws IOException {
        // A name that is all digits stands for a position when the file has no header.
        Path f = write("pos-label.csv", "1,2,1\n3,4,0\n");
        Dataset d = read(f, List.of(), List.of(), "2", "auto");
        assertThat(d.truth()).hasValueSatisfying(t -> assertThat(t).containsExactly(1, 0));
    }

    private void assertCellError(String cell, String expectedTail) throws IOException {
        Path f = write("bad.csv", "a,b,c\n1,2,3\n4," + cell + ",6\n");
        assertThatThrownBy(() -> read(f))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(f + ":3:2 (column 'b'): ")
                .hasMessageContaining(expectedTail);
    }

    @Test
    void emptyCell() throws IOException {
        assertCellError("", "empty cell");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Inf", "-Infinity", "1.5f", "2d", "0x1p3", "abc", "1;5", "--1", "1e"})
    void nonDecimalValues(String cell) throws IOException {
        assertCellError(cell, "expected a finite decimal number; found '" + cell + "'");
    }

    @Test
    void valueOutsideTheFloatRange() throws IOException {
        assertCellError("1e39", "outside the float range");
        assertCellError("-4e38", "outside the float range");
    }

    @Test
    void errorWithoutHeaderHasNoColumnName() throws IOException {
        Path f = write("nh.csv", "1,2\n3,x\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(f + ":2:2: expected a finite decimal number; found 'x'");
    }

    @Test
    void raggedRowNamesItsLine() throws IOException {
        Path f = write("rag.csv", "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(f + ":3:")
                .hasMessageContaining("expected 2 fields")
                .hasMessageContaining("found 1");
        Path g = write("rag2.csv", "1,2\n3,4\n5,6,7\n");
        assertThatThrownBy(() -> read(g)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(g + ":3:")
                .hasMessageContaining("found 3");
    }

    @Test
    void unknownColumnNameSuggestsTheNearest() throws IOException {
        Path f = write("names.csv", "width,height\n1,2\n");
        assertThatThrownBy(() -> read(f, List.of("widht"), List.of(), null, "auto"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("'widht'")
                .hasMessageContaining("did you mean 'width'?")
                .hasMessageContaining("(columns: width, height)");
        assertThatThrownBy(() -> read(f, List.of(), List.of(), "label", "auto"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("'label_column' names column 'label'");
    }

    @Test
    void columnNameWithoutHeaderIsAnError() throws IOException {
        Path f = write("nohdr.csv", "1,2\n");
        assertThatThrownBy(() -> read(f, List.of("a"), List.of(), null, "auto"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("no header line");
    }

    @Test
    void nothingLeftAfterExclusions() throws IOException {
        Path f = write("none.csv", "a,b\n1,2\n");
        assertThatThrownBy(() -> read(f, List.of(), List.of("a"), "b", "auto"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("no feature column");
    }

    @Test
    void headerOnlyFile() throws IOException {
        Path f = write("head.csv", "a,b\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(UserInputException.class)
                .hasMessage(f + ": only a header line; expected rows of numbers below it");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty.csv", "");
        assertThatThrownBy(() -> read(f)).isInstanceOf(UserInputException.class)
                .hasMessage(f + ": the file is empty; expected rows of numbers");
        Path g = write("blank-only.csv", "\n\n\r\n");
        assertThatThrownBy(() -> read(g)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("missing.csv");
        assertThatThrownBy(() -> read(f)).isInstanceOf(UserInputException.class)
                .hasMessage(f + ": no such file");
        assertThatThrownBy(() -> read(dir)).as("a folder is not a file").isInstanceOf(UserInputException.class)
                .hasMessage(dir + ": is a folder; expected a CSV file");
    }

    @Test
    void emptyLabelIsAnError() throws IOException {
        Path f = write("nolabel.csv", "x,y,l\n1,2,a\n3,4,\n");
        assertThatThrownBy(() -> read(f, List.of(), List.of(), "l", "auto"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(f + ":3:3");
    }

    @Test
    void manyRowsGrowTheBuffer() throws IOException {
        StringBuilder s = new StringBuilder("a,b\n");
        for (int i = 0; i < 5000; i++) {
            s.append(i).append(',').append(-i).append('\n');
        }
        Dataset d = read(write("big.csv", s.toString()));
        assertThat(d.n()).isEqualTo(5000);
        assertThat(d.get(4999, 0)).isEqualTo(4999f);
        assertThat(d.get(4999, 1)).isEqualTo(-4999f);
    }
}
