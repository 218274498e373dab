package com.caseledger.query.feed;

import com.caseledger.events.CaseEvent;
import com.caseledger.events.CustomerErased;
import com.caseledger.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The export feed: every recorded event in the store's global order, for auditors' tools and warehouse loaders. Only
 * where the events are in PostgreSQL ({@link EventFeed}).
 */
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@RestController
@Tag(name = "Auditing")
public class FeedController {

    static final int MAX_LIMIT = 1000;
    static final String NDJSON = "application/x-ndjson";
    private static final String PATH = "/api/events";

    private final EventFeed feed;
    private final Set<String> eventTypes;

    public FeedController(EventFeed feed) {
        this.feed = feed;
        this.eventTypes = eventTypes();
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recorded events after a cursor, in global order, with their metadata; no `after` starts at "
            + "the beginning. Follow `nextCursor` to see every event exactly once, also while events are recorded")
    public FeedPage page(@Parameter(description = "a `nextCursor` or an event's `cursor` from an earlier answer")
                         @RequestParam(required = false) String after,
                         @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit,
                         @Parameter(description = "only events of this type, e.g. CaseOpened")
                         @RequestParam(required = false) String type,
                         @Parameter(description = "only the events of this case")
                         @RequestParam(required = false) String caseId) {
        return feed.page(FeedCursor.read(after), limit, filter(type, caseId));
    }

    @GetMapping(path = PATH, produces = NDJSON)
    @Operation(summary = "Every recorded event after a cursor up to the newest, one JSON object a line, streamed for "
            + "bulk export; each line's `cursor` resumes the export after it")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String after,
                                                        @RequestParam(required = false) String type,
                                                        @RequestParam(required = false) String caseId) {
        var from = FeedCursor.read(after);
        FeedFilter filter = filter(type, caseId);
        StreamingResponseBody body = out -> feed.export(from, filter, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }

    private FeedFilter filter(String type, String caseId) {
        if (type != null && !eventTypes.contains(type)) {
            throw new InvalidInputException("type", "is not an event type; one of " + String.join(", ", eventTypes));
        }
        return new FeedFilter(type, caseId);
    }

    private static Set<String> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CaseEvent.class));
        TreeSet<String> names = new TreeSet<>(Set.of(CustomerErased.class.getSimpleName()));
        scanner.findCandidateComponents(CaseEvent.class.getPackageName()).forEach(candidate -> {
            String className = candidate.getBeanClassName();
            names.add(className.substring(className.lastIndexOf('.') + 1));
        });
        return Collections.unmodifiableSortedSet(names);
    }
}
