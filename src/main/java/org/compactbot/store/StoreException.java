package org.compactbot.store;

/** The database could not do what was asked (disk full, locked, corrupt). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
