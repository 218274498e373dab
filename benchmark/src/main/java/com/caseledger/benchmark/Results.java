package com.caseledger.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's table: one row per measurement, then the ratios. */
final class Results {

    private record Row(String name, double value, String unit, String detail) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    void note(String name, String text) {
        notes.put(name, text);
    }

    void measure(String name, double value, String unit, String detail) {
        rows.add(new Row(name, value, unit, detail));
        System.out.printf("  measured %s: %.1f %s (%s)%n", name, value, unit, detail);
    }

    void ratio(String name, double numerator, double denominator) {
        rows.add(new Row(name, denominator == 0 ? Double.NaN : numerator / denominator, "x", ""));
    }

    double value(String name) {
        return rows.stream().filter(row -> row.name().equals(name)).mapToDouble(Row::value).findFirst()
                .orElse(Double.NaN);
    }

    void print(PrintStream out) {
        notes.forEach((name, text) -> out.println(name + ": " + text));
        int width = rows.stream().mapToInt(row -> row.name().length()).max().orElse(10);
        String format = "| %-" + width + "s | %12s | %-9s | %s%n";
        out.printf(format, "measurement", "value", "unit", "detail");
        out.printf(format, "-".repeat(width), "-".repeat(12), "-".repeat(9), "---");
        for (Row row : rows) {
            String value = row.unit().equals("x") ? String.format("%.3f", row.value()) : String.format("%,.1f", row.value());
            out.printf(format, row.name(), value, row.unit(), row.detail());
        }
    }
}
