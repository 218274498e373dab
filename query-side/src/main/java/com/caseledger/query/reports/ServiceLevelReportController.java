package com.caseledger.query.reports;

import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.platform.web.InvalidInputException;
import com.caseledger.platform.web.Problems;
import com.caseledger.platform.web.QueryInstants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

/** The service-level report, as JSON or (with {@code Accept: text/csv}) CSV. */
@RestController
@Tag(name = "Reports", description = "Service-level metrics over the cohort of cases opened in a period")
public class ServiceLevelReportController {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    static final String PATH = "/api/reports/service-levels";
    private static final String TIMES = "the time durations are measured in: calendar (every instant; the default) or "
            + "business (working time under the business calendar of each case's SLA policy; every instant for a case "
            + "without one)";
    private static final String GROUPINGS = "day, week, month, channel, type, category, priority or agent (in any case);"
            + " calendar groupings give at most 1000 groups";

    private static final String AS_OF = "the instant the report is answered as of: what the report answered then, "
            + "\"now\" being asOf (the default `to`), over the events recorded at or before it; read from the event store, "
            + "at the cost of reading every event recorded up to it. Default, or an instant to come: the live report";

    private final ServiceLevelReports reports;

    public ServiceLevelReportController(ServiceLevelReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Service levels of the cases opened in [from, to)")
    public ServiceLevelReport report(
            @Parameter(description = "start of the period (inclusive); default: 30 days before `to`") @RequestParam(required = false) Instant from,
            @Parameter(description = "end of the period (exclusive), after `from`; default: now") @RequestParam(required = false) Instant to,
            @Parameter(description = GROUPINGS, schema = @Schema(allowableValues = {"day", "week", "month", "channel", "type",
                    "category", "priority", "agent"})) @RequestParam(required = false) String groupBy,
            @Parameter(description = "time zone id for calendar grouping; default UTC") @RequestParam(defaultValue = "UTC") String tz,
            @Parameter(description = TIMES, schema = @Schema(allowableValues = {"calendar", "business"}, defaultValue = "calendar"))
            @RequestParam(defaultValue = "calendar") String time,
            @RequestParam(required = false) CaseType type,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String agentId,
            @Parameter(description = "SERVQUAL importance weights summing to 100, e.g. TANGIBLES:10,RELIABILITY:30,RESPONSIVENESS:20,ASSURANCE:20,EMPATHY:20; default equal")
            @RequestParam(required = false) String servqualWeights,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        QueryInstants.storable("from", from);
        QueryInstants.storable("to", to);
        Instant now = reports.now();
        Instant past = asOf != null && asOf.isBefore(now) ? QueryInstants.storable("asOf", asOf) : null;
        Instant end = to != null ? to : past != null ? past : now;
        Instant start = from != null ? from : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) {
            throw new InvalidInputException("to", "must be after from");
        }
        return reports.report(start, end, groupBy(groupBy), zone(tz), time(time),
                new ReportFilter(type, channel, category, priority, agentId), ServqualWeights.parse(servqualWeights),
                past);
    }

    @GetMapping(path = PATH, produces = "text/csv")
    @Operation(summary = "The same report as CSV: one row per group, then TOTAL")
    public String reportAsCsv(@RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to,
                              @Parameter(description = GROUPINGS, schema = @Schema(allowableValues = {"day", "week", "month",
                                      "channel", "type", "category", "priority", "agent"}))
                              @RequestParam(required = false) String groupBy,
                              @RequestParam(defaultValue = "UTC") String tz,
                              @Parameter(description = TIMES, schema = @Schema(allowableValues = {"calendar", "business"},
                                      defaultValue = "calendar"))
                              @RequestParam(defaultValue = "calendar") String time,
                              @RequestParam(required = false) CaseType type,
                              @RequestParam(required = false) Channel channel,
                              @RequestParam(required = false) Category category,
                              @RequestParam(required = false) Priority priority,
                              @RequestParam(required = false) String agentId,
                              @RequestParam(required = false) String servqualWeights,
                              @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return ServiceLevelCsv.write(report(from, to, groupBy, tz, time, type, channel, category, priority, agentId,
                servqualWeights, asOf));
    }

    private static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return GroupBy.parse(value).orElseThrow(() -> new InvalidInputException("groupBy",
                "'" + Problems.echo(value) + "' is not one of " + Arrays.stream(GroupBy.values()).map(GroupBy::label).toList()));
    }

    private static ReportTime time(String value) {
        return ReportTime.parse(value).orElseThrow(() -> new InvalidInputException("time",
                "'" + Problems.echo(value) + "' is not one of " + Arrays.stream(ReportTime.values()).map(ReportTime::label).toList()));
    }

    private static ZoneId zone(String tz) {
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new InvalidInputException("tz", "'" + Problems.echo(tz) + "' is not a time zone id such as Asia/Shanghai or UTC");
        }
    }
}
