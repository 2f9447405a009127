package dev.clusterlab.host.data;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.output.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Writes the input CSV back with one more column holding each row's cluster, as PyCaret's
 * {@code assign_model}: every field as it was (text columns included), the header extended with the
 * new column's name when there is a header.
 */
public final class LabelledCsvWriter {
    private LabelledCsvWriter() {
    }

    /**
     * @param input the CSV the labels belong to, rows in the same order
     * @param output where to write (atomically)
     * @param column the new column's name
     * @param labels one label per data row
     * @param header as when the input was read
     */
    public static void write(Path input, Path output, String column, int[] labels, HeaderMode header) {
        StringWriter text = new StringWriter();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(input, StandardCharsets.UTF_8);
             CsvWriter out = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
            Iterator<CsvRecord> it = csv.iterator();
            int row = 0;
            boolean first = true;
            while (it.hasNext()) {
                CsvRecord r = it.next();
                List<String> fields = new ArrayList<>(r.getFields());
                boolean isHeader = first && header.isHeader(fields);
                first = false;
                if (isHeader) {
                    fields.add(column);
                } else {
                    if (row >= labels.length) {
                        throw new UserInputException(input + ": has more rows than labels (" + labels.length + "); was it changed?");
                    }
                    fields.add(Integer.toString(labels[row++]));
                }
                out.writeRecord(fields);
            }
            if (row != labels.length) {
                throw new UserInputException(input + ": has " + row + " rows but there are " + labels.length + " labels; was it changed?");
            }
        } catch (IOException e) {
            throw new UserInputException(input + ": cannot read: " + e.getMessage(), e);
        }
        AtomicFiles.write(output, text.toString());
    }
}
