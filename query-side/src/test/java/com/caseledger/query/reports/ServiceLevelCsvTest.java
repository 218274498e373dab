package com.caseledger.query.reports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** OWASP's CSV injection triggers are neutralised in every text cell; numbers stay numbers. */
class ServiceLevelCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "\n=1+1", "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF201"})
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_quoted_behind_a_quote_mark(String cell) {
        String written = ServiceLevelCsv.quote(cell);

        assertThat(written).startsWith("\"'");
        assertThat(written).isEqualTo("\"'" + cell.replace("\"", "\"\"") + "\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"-20|-20", "-0.25|-0.25", "0.5|0.5", "1.0E-4|1.0E-4", "agent-7|agent-7",
            "a,b|\"a,b\"", "say \"hi\"|\"say \"\"hi\"\"\""})
    void numbers_and_plain_text_are_written_as_rfc_4180_says(String cell, String expected) {
        assertThat(ServiceLevelCsv.quote(cell)).isEqualTo(expected);
    }
}
