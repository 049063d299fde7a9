/**
 * Persistence over JDBC, on SQLite (one file, WAL, one connection behind a fair lock) or PostgreSQL (a HikariCP pool,
 * {@code PostgresPool}; several instances may share it). Each class is an adapter for a port declared in the core
 * ({@code SqlCaseStore} for {@code cases.CaseStore}, {@code SqlConversationStore}, {@code SqlOutbox},
 * {@code SqlInboundLog}, {@code SqlSlackEventLog}, {@code SqlKnowledgeGaps}, {@code SqlDigestsSent} for {@code cases.DigestsSent}, {@code SqlEvidenceFiles} for the desk's downloads); store implements nothing else and
 * imports no channel (ArchitectureTest).
 *
 * <ul>
 *   <li>{@link org.compactbot.store.Database}: opening either engine, {@code inTransaction} (a transaction already
 *       open on the same thread is joined, so {@code allOrNothing} spans several stores), the readiness probe, and
 *       (PostgreSQL) the pool's {@link org.compactbot.store.PoolState} for the gauges on /metrics.</li>
 *   <li>{@link org.compactbot.store.Migrations}: numbered schema steps, written once for both engines
 *       ({@link org.compactbot.store.Dialect} says where they differ). A new table is a new step, never an edit of an
 *       old one. Migration 14 is held (empty) for the closure survey built on another branch; 15 adds {@code digests_sent}
 *       and the index of a case's history by reference.</li>
 *   <li>Personal data: the stores that hold some answer for it as {@code cases.PersonalRecords}
 *       ({@code CaseRecords}, {@code ConversationRecords}, the outbox and inbound log), run together by
 *       {@code cases.PersonalDataService}. The closing survey's comment ({@code SqlSurveys}) is exported and cleared
 *       with its case by {@code CaseRecords}; {@code SqlPublishedOutcomes} keeps only summaries already anonymised.</li>
 *   <li>{@code DatabaseBackup}, {@code Leadership} ({@code AdvisoryLockLeadership}: one instance runs the timers).</li>
 * </ul>
 * Every store is tested on both engines through {@code StoreBehaviour} (the PostgreSQL runs need a non-root user).
 */
package org.compactbot.store;
