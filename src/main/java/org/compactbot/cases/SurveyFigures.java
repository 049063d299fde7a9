package org.compactbot.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.compactbot.cases.SurveyAnswer.Answer;
import org.compactbot.cases.Surveys.Survey;

/**
 * The closing survey's part of the yearly report: surveys sent in the year, how many were answered, and how many
 * answered yes, partly and no to each question. Counts only (the comments are personal data and stay out). Pure.
 */
public record SurveyFigures(int year, int sent, int answered, Map<Answer, Integer> satisfied, Map<Answer, Integer> outcomeAsAsked) {
    public SurveyFigures {
        satisfied = Map.copyOf(satisfied);
        outcomeAsAsked = Map.copyOf(outcomeAsAsked);
    }

    public static SurveyFigures of(int year, List<Survey> surveys) {
        ZoneId uk = ZoneId.of("Europe/London");
        Map<Answer, Integer> s = zeros(), o = zeros();
        int sent = 0, answered = 0;
        for (Survey v : surveys) {
            if (LocalDate.ofInstant(v.sentAt(), uk).getYear() != year) continue;
            sent++;
            if (!v.answered()) continue;
            answered++;
            s.merge(v.satisfied(), 1, Integer::sum);
            o.merge(v.outcomeAsAsked(), 1, Integer::sum);
        }
        return new SurveyFigures(year, sent, answered, s, o);
    }

    private static Map<Answer, Integer> zeros() {
        Map<Answer, Integer> m = new EnumMap<>(Answer.class);
        for (Answer a : Answer.values()) m.put(a, 0);
        return m;
    }

    /** Rows to follow the report's CSV (dimension,value,count). */
    public static String csv(SurveyFigures f) {
        StringBuilder b = new StringBuilder("survey,sent,").append(f.sent()).append("\nsurvey,answered,").append(f.answered()).append('\n');
        for (Answer a : Answer.values()) b.append("survey_satisfied,").append(a.id()).append(',').append(f.satisfied().get(a)).append('\n');
        for (Answer a : Answer.values()) b.append("survey_outcome_as_asked,").append(a.id()).append(',').append(f.outcomeAsAsked().get(a)).append('\n');
        return b.toString();
    }

    /** A section to follow the report's Markdown. */
    public static String markdown(SurveyFigures f) {
        StringBuilder b = new StringBuilder("\n## Closing survey\n\n").append(f.sent()).append(" surveys sent, ").append(f.answered())
                .append(" answered.\n\n| answer | satisfied with how it was handled | outcome what they asked for |\n|---|---|---|\n");
        for (Answer a : Answer.values()) {
            b.append("| ").append(a.id()).append(" | ").append(f.satisfied().get(a)).append(" | ").append(f.outcomeAsAsked().get(a)).append(" |\n");
        }
        return b.toString();
    }
}
