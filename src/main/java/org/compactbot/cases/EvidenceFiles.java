package org.compactbot.cases;

import java.util.Optional;

/** The files kept as evidence on a case, read back whole for the case desk's download. A port; the store implements it. */
public interface EvidenceFiles {
    /** One kept file: its name and type as received, and its bytes. */
    record StoredFile(String name, String type, byte[] content) {}

    /** The case's {@code n}th file (1 is the first kept), as {@link CaseStore#evidence} lists them; empty when there is none. */
    Optional<StoredFile> file(String ref, int n);
}
