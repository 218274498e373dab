package com.caseledger.query.reports;

import com.caseledger.events.ServqualDimension;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The service-level report as CSV: one row per group, then a row keyed TOTAL. */
final class ServiceLevelCsv {

    static final String TOTAL_KEY = "TOTAL";

    private static final String FORMULA_TRIGGERS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?");

    private static final List<String> DURATIONS = List.of("firstReply", "firstResolution", "fullResolution", "requesterWait");

    private ServiceLevelCsv() {
    }

    static String write(ServiceLevelReport report) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("key", "casesOpened", "casesResolved", "resolutionRate",
                "oneTouchRate", "reopenRate", "complaintRate", "backlog"));
        for (String duration : DURATIONS) {
            header.addAll(List.of(duration + "Count", duration + "MeanSeconds", duration + "MedianSeconds",
                    duration + "P90Seconds"));
        }
        header.addAll(List.of("refundRate", "refundedAmount", "followUpCompletionRate", "csat", "nps",
                "servqualUnweighted", "servqualWeighted"));
        for (ServqualDimension dimension : ServqualDimension.values()) {
            header.add("servqual" + dimension.name());
        }
        header.addAll(List.of("slaComplianceFirstReply", "slaComplianceNextReply", "slaComplianceResolution"));
        line(csv, header);
        for (ServiceLevelReport.Group group : report.groups()) {
            line(csv, row(group.key(), group.metrics()));
        }
        line(csv, row(TOTAL_KEY, report.total()));
        return csv.toString();
    }

    private static List<String> row(String key, ServiceLevelMetrics m) {
        List<String> row = new ArrayList<>(List.of(key, text(m.casesOpened()), text(m.casesResolved()),
                text(m.resolutionRate()), text(m.oneTouchRate()), text(m.reopenRate()), text(m.complaintRate()),
                text(m.backlog())));
        for (DurationSummary summary : List.of(m.firstReply(), m.firstResolution(), m.fullResolution(), m.requesterWait())) {
            for (Function<DurationSummary, Object> figure : List.<Function<DurationSummary, Object>>of(
                    DurationSummary::count, DurationSummary::meanSeconds, DurationSummary::medianSeconds,
                    DurationSummary::p90Seconds)) {
                row.add(text(figure.apply(summary)));
            }
        }
        row.add(text(m.refundRate()));
        row.add(m.refundedAmount().stream().map(money -> money.amount().toPlainString() + " " + money.currency())
                .collect(Collectors.joining("; ")));
        row.add(text(m.followUpCompletionRate()));
        row.add(text(m.csat()));
        row.add(text(m.nps()));
        row.add(text(m.servqual().unweighted()));
        row.add(text(m.servqual().weighted()));
        for (ServqualDimension dimension : ServqualDimension.values()) {
            row.add(text(m.servqual().dimensions().get(dimension)));
        }
        row.add(text(m.slaCompliance().firstReply()));
        row.add(text(m.slaCompliance().nextReply()));
        row.add(text(m.slaCompliance().resolution()));
        return row;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * RFC 4180 quoting, and OWASP's defence against CSV injection: a text cell that a spreadsheet would run as a
     * formula (it starts with =, +, -, @, a tab, a carriage return or a line feed, or their full-width forms) is
     * prefixed with a quote mark and quoted. Numbers, negative ones included, are written as they are.
     */
    static String quote(String cell) {
        boolean formula = !cell.isEmpty() && FORMULA_TRIGGERS.indexOf(cell.charAt(0)) >= 0 && !NUMBER.matcher(cell).matches();
        String safe = formula ? "'" + cell : cell;
        if (formula || safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
