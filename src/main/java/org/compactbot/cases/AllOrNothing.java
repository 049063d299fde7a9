package org.compactbot.cases;

import java.util.function.Supplier;

/**
 * Runs work that spans stores so that all of it is kept or none of it (one database transaction): a store's own
 * transactions inside it take part in it instead of committing on their own.
 */
public interface AllOrNothing {
    <T> T allOrNothing(Supplier<T> work);
}
