package org.dyad.sipri;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything read from one SIPRI export.
 *
 * @param rows         the data rows in file order
 * @param problems     lines that could not be read as rows, in file order
 * @param generatedOn  the export date from the preamble's "Data generated:" line, or {@code null}
 * @param charset      the encoding the file was read in
 * @param repairedRows how many rows were put back together from lines broken inside a field
 */
public record SipriReadResult(List<SipriRow> rows, List<SipriProblem> problems, LocalDate generatedOn,
                              Charset charset, int repairedRows) {

    public SipriReadResult {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
