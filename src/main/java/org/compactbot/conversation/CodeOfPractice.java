package org.compactbot.conversation;

import java.util.Locale;
import org.compactbot.knowledge.Passage;
import org.compactbot.knowledge.PracticeCode;

/** The code of practice a passage belongs to, by its document and section (one of {@link PracticeCode}). */
public final class CodeOfPractice {
    private CodeOfPractice() {}

    public static String of(Passage p) {
        String where = (p.document() + " " + p.section()).toLowerCase(Locale.ROOT);
        if (where.contains("managing change")) return PracticeCode.MANAGING_CHANGE.id();
        if (where.contains("black") || where.contains("bme") || where.contains("minority ethnic")) return PracticeCode.BME.id();
        if (where.contains("equalit") || where.contains("diversity")) return PracticeCode.EQUALITY.id();
        if (where.contains("volunteer")) return PracticeCode.VOLUNTEERING.id();
        if (where.contains("consultation") || where.contains("policy")) return PracticeCode.CONSULTATION.id();
        if (where.contains("partnership") || where.contains("consortium") || where.contains("joint working")) return PracticeCode.PARTNERSHIPS.id();
        if (where.contains("community group") || where.contains("neighbourhood")) return PracticeCode.COMMUNITY_GROUPS.id();
        if (where.contains("fund") || where.contains("grant") || where.contains("commission") || where.contains("procure")) return PracticeCode.FUNDING.id();
        return "";
    }
}
