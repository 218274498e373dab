package com.caseledger.command.cases;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The cases recently used to decide a command, held in memory up to a number of cases (beyond it, those used least
 * often and least lately leave). Axon's repository keeps here the case it has just changed and drops a case whose
 * change rolled back, so a case found here is the case as stored. The cases are held strongly: a cache of weak
 * references loses nearly every case at each young collection, and each command then read its case again from its
 * snapshot and events (opening its texts), which cost more than the command itself.
 */
final class RecentCases implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cases;

    RecentCases(int size) {
        this(Caffeine.newBuilder().maximumSize(size));
    }

    RecentCases(Caffeine<Object, Object> builder) {
        this.cases = builder.build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) cases.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        cases.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return cases.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) cases.get(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return cases.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        cases.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cases.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        cases.asMap().computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    /** Nothing here listens to the cases coming and going; a component that needs to fails as it registers. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the cache of recent cases takes no listeners");
    }
}
