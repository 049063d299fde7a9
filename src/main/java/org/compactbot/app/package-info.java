/**
 * The composition root: the one place where the parts are built from the configuration and joined. Nothing outside
 * {@code cli} (and {@code Main}) depends on it, and it depends on everything (ArchitectureTest holds both).
 *
 * <ul>
 *   <li>{@link org.compactbot.app.Storage}: the database (SQLite, or PostgreSQL through a pool) and every store on it,
 *       opened first and closed last; the personal-data service over each store's {@code PersonalRecords}.</li>
 *   <li>{@link org.compactbot.app.Knowledge}: the search index (built or opened) and the answer service.</li>
 *   <li>{@link org.compactbot.app.Casework}: the mediator and body directory, the case service and the weekly digests
 *       ({@code digests}, sent by the {@code BackgroundJobs} with the case timers).</li>
 *   <li>{@link org.compactbot.app.Service}: everything {@code serve} runs, built eagerly in one order by
 *       {@code Service.build}; what was built is closed if a later part fails. {@code start()} starts Slack, then the
 *       web server, then the {@link org.compactbot.app.BackgroundJobs}; {@code stops(grace)} stops HTTP first, then the
 *       jobs, then channels and storage.</li>
 *   <li>Adapters between packages that must not know each other: {@link org.compactbot.app.ChannelEndpoints} (mail
 *       and Slack as the web's endpoints), {@link org.compactbot.app.ChannelMetrics} (the channels' metric ports onto
 *       {@code web.ServiceMetrics}), {@link org.compactbot.app.Readiness} (the stores' probes and gauges as
 *       {@code web.Health}).</li>
 * </ul>
 * A CLI command takes only the parts it needs ({@code cases list} opens {@code Storage} and {@code Casework}, never the
 * embedding model); {@code bench} builds its parts through {@code Service.build} too.
 */
package org.compactbot.app;
