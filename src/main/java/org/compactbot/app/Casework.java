package org.compactbot.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.HandingToAPerson;
import org.compactbot.cases.MediatorConfigException;
import org.compactbot.cases.MediatorDirectory;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.cases.PublicBodies;
import org.compactbot.cases.PublicBody;
import org.compactbot.cases.SendingWeeklyDigests;
import org.compactbot.config.AppConfig;
import org.compactbot.config.ConfigException;
import org.compactbot.conversation.BodyNames;
import org.compactbot.conversation.PersonHandover;

/** The mediators, leads and public bodies of cases.mediators, and the case service that routes and moves cases. */
public record Casework(MediatorDirectory directory, CaseService cases) {

    public static Casework of(AppConfig config, Storage storage, Clock clock, PrintStream notices) throws ConfigException {
        MediatorDirectory directory = directory(config, notices);
        return new Casework(directory, new CaseService(storage.cases(), directory, clock, storage.surveys(), storage.publishedOutcomes()));
    }

    /** The mediators file; missing means no mediators yet (cases then go to nobody and are flagged). */
    public static MediatorDirectory directory(AppConfig config, PrintStream notices) throws ConfigException {
        Path file = config.cases().mediators();
        if (!Files.exists(file)) {
            notices.println("warning: " + file + " does not exist: no mediators are configured, new cases will be flagged for a person");
            return new MediatorDirectory(List.of(), Map.of());
        }
        try {
            return MediatorDirectoryLoader.load(file);
        } catch (MediatorConfigException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The weekly digests to the area leads (issue 16 step 7), through the outbox, once per area and ISO week. */
    public SendingWeeklyDigests digests(Storage storage, Clock clock) {
        return new SendingWeeklyDigests(storage.cases(), cases, directory, storage.digestsSent(), storage.outbox(), storage.database(), clock);
    }

    /** Who is asked to contact a person who asks for one: the area's Compact lead, emailed through the outbox. */
    public PersonHandover handover(Storage storage) {
        return handover(directory, storage);
    }

    static PersonHandover handover(MediatorDirectory directory, Storage storage) {
        return new HandingToAPerson(directory, storage.outbox(), storage.cases()::transcript);
    }

    /** For `chat`: a mediators file that cannot be read leaves nobody to hand a person to (they are told so). */
    public static PersonHandover handoverOrNone(AppConfig config, Storage storage) {
        try {
            return handover(directory(config, new PrintStream(java.io.OutputStream.nullOutputStream())), storage); // bodyNamesOrNone warned
        } catch (ConfigException e) {
            return PersonHandover.NONE;
        }
    }

    /** The configured public bodies, so that a challenge names "CWaC" or "the council" by the body's own name. */
    public BodyNames bodyNames() {
        return bodyNames(directory);
    }

    static BodyNames bodyNames(MediatorDirectory directory) {
        PublicBodies bodies = new PublicBodies(directory.bodies());
        return (said, area) -> bodies.match(said, area).map(PublicBody::name);
    }

    /** For a conversation without the case service (`chat`): a mediators file that cannot be read leaves names as people give them. */
    public static BodyNames bodyNamesOrNone(AppConfig config, PrintStream notices) {
        try {
            return bodyNames(directory(config, notices));
        } catch (ConfigException e) {
            notices.println("warning: " + e.getMessage() + ": public bodies are kept as people name them");
            return BodyNames.NONE;
        }
    }
}
