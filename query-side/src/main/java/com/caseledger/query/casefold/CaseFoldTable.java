package com.caseledger.query.casefold;

import java.util.Collection;

/** A table kept from the case fold: written in the same transaction as the folds a batch changed. */
public interface CaseFoldTable {

    /** Stores what this table keeps of the changed cases; each case's fold is newer than what was stored. */
    void saveAll(Collection<CaseTimeline> changed);

    /** Empties the table before a replay rebuilds it. */
    void deleteAll();

    /**
     * The same table in another schema of the same tables, where a rebuild writes beside the live projections until it
     * switches them; a table that keeps no rows of its own is itself.
     */
    default CaseFoldTable rebuiltIn(String schema) {
        return this;
    }

    /** Called once the batch that changed these cases has committed. */
    default void committed(Collection<CaseTimeline> changed) {
    }
}
