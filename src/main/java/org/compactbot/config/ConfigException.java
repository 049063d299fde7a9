package org.compactbot.config;

/** A configuration problem, worded for the operator: which file, which key, what is wrong. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
