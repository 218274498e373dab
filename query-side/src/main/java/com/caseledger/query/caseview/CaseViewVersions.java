package com.caseledger.query.caseview;

import com.caseledger.query.casefold.CaseTimeline;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wakes readers waiting for a case view to reach a version as soon as this node commits it. */
@Component
public class CaseViewVersions {

    private final Map<String, List<CompletableFuture<Void>>> watchers = new ConcurrentHashMap<>();

    /** A future completed when the case's view next changes on this node. */
    public CompletableFuture<Void> watch(String caseId) {
        CompletableFuture<Void> changed = new CompletableFuture<>();
        watchers.computeIfAbsent(caseId, id -> new CopyOnWriteArrayList<>()).add(changed);
        return changed;
    }

    public void unwatch(String caseId, CompletableFuture<Void> changed) {
        watchers.computeIfPresent(caseId, (id, list) -> {
            list.remove(changed);
            return list.isEmpty() ? null : list;
        });
    }

    /** Wakes every waiting reader to look again: the views were replaced as a whole by a rebuild. */
    public void replacedAll() {
        watchers.keySet().forEach(this::wake);
    }

    void committed(Collection<CaseTimeline> timelines) {
        for (CaseTimeline timeline : timelines) {
            wake(timeline.caseId());
        }
    }

    private void wake(String caseId) {
        List<CompletableFuture<Void>> waiting = watchers.remove(caseId);
        if (waiting != null) {
            waiting.forEach(changed -> changed.complete(null));
        }
    }
}
