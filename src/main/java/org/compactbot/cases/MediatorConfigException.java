package org.compactbot.cases;

/** config/mediators.yml is missing or wrong; the message names the file, the line and the problem. */
public final class MediatorConfigException extends Exception {
    public MediatorConfigException(String message) {
        super(message);
    }

    public MediatorConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
