/**
 * The service's settings: {@link org.compactbot.config.AppConfig} (one record per part: server, data, knowledge, api,
 * slack, mail, cases, retention, store), read by {@link org.compactbot.config.ConfigLoader} from
 * {@code config/compact-bot.yml} over the embedded defaults ({@link org.compactbot.config.AppConfig#defaults}).
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Secrets come from the environment: {@code ${VAR}} and {@code ${VAR:-default}} in a value. A variable that is
 *       not set and has no default is an error, never an empty secret.</li>
 *   <li>Every non-secret setting can also be set by an environment variable, {@code COMPACT_BOT_} + its path upper-cased
 *       with '.' and '-' as '_' ({@code ConfigLoader.envName}), which wins over the file; secrets
 *       ({@code ConfigLoader.SECRET_KEYS}) only through {@code ${VAR}}. {@link org.compactbot.config.Build} holds the
 *       version the build stamped.</li>
 *   <li>Every problem is a {@link org.compactbot.config.ConfigException} worded for the operator: which file, which
 *       key (and line, for bad YAML), what is wrong. An unknown key is a warning ({@code ConfigLoader.warnings}), not
 *       a failure.</li>
 *   <li>Nothing here starts anything, and the only other package it uses is {@code conversation.EmailAddress} (the one rule for
 *       an email address): the composition root ({@code org.compactbot.app}, from {@code cli}) reads the settings once
 *       and hands each part its own record. Addresses to
 *       trust are literals or CIDR ranges ({@link org.compactbot.config.AddressRange}), never looked up by name.</li>
 * </ul>
 * To add a setting: its field in the {@code AppConfig} record, its key in {@code ConfigLoader.KNOWN_KEYS} (a secret
 * also in {@code SECRET_KEYS}), a row in {@code EnvironmentSettingsTest}, its reading
 * and check in {@code ConfigLoader}, its default, and a line in the README's example configuration; a secret also
 * goes to {@code SecretRedactor.registerSecretsOf} (package {@code logging}).
 */
package org.compactbot.config;
