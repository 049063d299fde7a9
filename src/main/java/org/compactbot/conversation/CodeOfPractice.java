package org.compactbot.conversation;

import java.util.Locale;
import org.compactbot.knowledge.Passage;

/** The code of practice a passage belongs to, by its section: funding, consultation, volunteering... */
public final class CodeOfPractice {
    private CodeOfPractice() {}

    public static String of(Passage p) {
        String where = (p.document() + " " + p.section()).toLowerCase(Locale.ROOT);
        if (where.contains("managing change")) return "managing-change";
        if (where.contains("black") || where.contains("bme") || where.contains("minority ethnic")) return "bme";
        if (where.contains("equalit") || where.contains("diversity")) return "equality";
        if (where.contains("volunteer")) return "volunteering";
        if (where.contains("consultation") || where.contains("policy")) return "consultation";
        if (where.contains("partnership") || where.contains("consortium") || where.contains("joint working")) return "partnerships";
        if (where.contains("community group") || where.contains("neighbourhood")) return "community-groups";
        if (where.contains("fund") || where.contains("grant") || where.contains("commission") || where.contains("procure")) return "funding";
        return "";
    }
}
