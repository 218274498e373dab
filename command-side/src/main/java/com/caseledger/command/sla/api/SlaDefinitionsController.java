package com.caseledger.command.sla.api;

import com.caseledger.command.sla.RecordedSlaChange;
import com.caseledger.command.sla.SlaDefinitionHistory;
import com.caseledger.command.sla.SlaDefinitionHistory.DefinitionsAt;
import com.caseledger.command.sla.api.SlaViews.CalendarView;
import com.caseledger.command.sla.api.SlaViews.HistoryPage;
import com.caseledger.command.sla.api.SlaViews.PolicyView;
import com.caseledger.platform.web.QueryInstants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The SLA definitions now or at any past instant, and their changes. Folded from the definitions' own events in the
 * store on every read (there are few): a read right after a change shows it, and a past instant shows exactly what
 * was in force then.
 */
@RestController
@Tag(name = "SLA administration")
public class SlaDefinitionsController {

    static final int MAX_LIMIT = 1000;

    private final SlaDefinitionHistory history;

    public SlaDefinitionsController(SlaDefinitionHistory history) {
        this.history = history;
    }

    @GetMapping(path = "/api/admin/sla/policies", produces = "application/json")
    @Operation(summary = "The SLA policies in force (at asOf, or now), in the order they apply: by position, then id")
    public List<PolicyView> policies(@Parameter(description = "the instant to look back to; default: now")
                                     @RequestParam(required = false) Instant asOf) {
        DefinitionsAt at = at(asOf);
        return at.definitions().policies().stream()
                .map(defined -> SlaViews.policy(defined, at.latestChange(defined))).toList();
    }

    @GetMapping(path = "/api/admin/sla/calendars", produces = "application/json")
    @Operation(summary = "The business calendars (at asOf, or now), by id")
    public List<CalendarView> calendars(@Parameter(description = "the instant to look back to; default: now")
                                        @RequestParam(required = false) Instant asOf) {
        DefinitionsAt at = at(asOf);
        return at.definitions().calendars().stream()
                .map(defined -> SlaViews.calendar(defined, at.latestChange(defined))).toList();
    }

    @GetMapping(path = "/api/admin/sla/history", produces = "application/json")
    @Operation(summary = "Every change of the SLA definitions, oldest first, with who made it and when")
    public HistoryPage history(@Parameter(description = "the sequence of the last change already seen (a page's nextAfter)")
                               @RequestParam(required = false) @Min(0) Long after,
                               @Parameter(description = "changes per page")
                               @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        List<RecordedSlaChange> changes = history.changes(after == null ? -1 : after, limit + 1);
        boolean more = changes.size() > limit;
        List<RecordedSlaChange> page = more ? changes.subList(0, limit) : changes;
        return new HistoryPage(page.stream().map(SlaViews::change).toList(),
                more ? page.get(page.size() - 1).sequence() : null);
    }

    private DefinitionsAt at(Instant asOf) {
        return asOf == null ? history.current() : history.asOf(QueryInstants.storable("asOf", asOf));
    }
}
