package org.compactbot.conversation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the facts of a challenge against the Compact's numbers: notice of a funding change
 * (3 months' written notice), consultation length (12 weeks; West Cheshire's absolute minimum of
 * 8 weeks) and urgency (a change within 3 months: judicial review must be brought promptly and
 * within 3 months of the decision). Pure: dates and rules in, findings in plain words out.
 */
public final class CompactChecks {
    /** The numbers an area's Compact sets. */
    public record AreaRules(int noticeMonths, int consultationWeeks, Integer consultationAbsoluteMinimumWeeks) {
        static final AreaRules STANDARD = new AreaRules(3, 12, null);
    }

    private static final Map<String, AreaRules> RULES = Map.of(
            "wolverhampton", AreaRules.STANDARD,
            "redcar-cleveland", AreaRules.STANDARD,
            "west-cheshire", new AreaRules(3, 12, 8));

    /** One finding: what the facts show against the Compact, and whether that falls short. */
    public record Finding(String kind, String text, boolean shortfall) {}

    /** Where the Compact says each number, for citing it ("West Cheshire Compact › ... › 3"). */
    public interface Citations {
        String notice(String area);

        String consultation(String area);
    }

    private final Citations citations;

    public CompactChecks(Citations citations) {
        this.citations = citations;
    }

    public static AreaRules rules(String area) {
        return RULES.getOrDefault(area, AreaRules.STANDARD);
    }

    public List<Finding> check(String area, KeyDates dates, LocalDate today) {
        List<Finding> out = new ArrayList<>();
        AreaRules r = rules(area);
        if (dates.told() != null && dates.effective() != null) out.add(notice(r, dates.told(), dates.effective(), cite(citations.notice(area))));
        if (dates.consultationOpened() != null && dates.consultationClosed() != null) {
            out.add(consultation(r, area, dates.consultationOpened(), dates.consultationClosed(), cite(citations.consultation(area))));
        }
        LocalDate effective = dates.effective();
        if (effective != null && !effective.isBefore(today) && effective.isBefore(today.plusMonths(3).plusDays(1))) {
            out.add(new Finding("urgency", "Urgent: the change takes effect on " + Wording.date(effective) + ", within three months. "
                    + "Acting promptly matters: a legal challenge (judicial review) must be brought promptly and within three months of the decision.",
                    false));
        }
        return out;
    }

    static Finding notice(AreaRules r, LocalDate told, LocalDate effective, String citation) {
        long days = ChronoUnit.DAYS.between(told, effective);
        boolean enough = !effective.isBefore(told.plusMonths(r.noticeMonths()));
        String span = days < 62 ? Wording.days(days) + (days == 1 ? "'s" : "'") : monthsAndDays(told, effective) + " (" + Wording.days(days) + ")";
        String text = span + " notice (told " + Wording.date(told) + ", takes effect " + Wording.date(effective) + ") against a minimum of "
                + number(r.noticeMonths()) + " months" + citation + ". "
                + (enough ? "That meets the minimum." : "That is less than the Compact's minimum.");
        return new Finding("notice", text, !enough);
    }

    static Finding consultation(AreaRules r, String area, LocalDate opened, LocalDate closed, String citation) {
        long days = ChronoUnit.DAYS.between(opened, closed);
        long weeks = days / 7, rest = days % 7;
        String length = weeks + (weeks == 1 ? " week" : " weeks") + (rest > 0 ? " and " + Wording.days(rest) : "");
        boolean enough = days >= r.consultationWeeks() * 7L;
        StringBuilder text = new StringBuilder("A consultation of " + length + " (" + Wording.date(opened) + " to " + Wording.date(closed)
                + ") against the standard of " + r.consultationWeeks() + " weeks" + citation + ". ");
        if (enough) {
            text.append("That meets the standard.");
        } else if (r.consultationAbsoluteMinimumWeeks() != null && days < r.consultationAbsoluteMinimumWeeks() * 7L) {
            text.append("That is shorter than ").append(Wording.areaName(area)).append("'s absolute minimum of ")
                    .append(r.consultationAbsoluteMinimumWeeks()).append(" weeks.");
        } else {
            text.append("That is shorter than the standard; a shorter consultation needs good reasons, given openly.");
        }
        return new Finding("consultation", text.toString(), !enough);
    }

    private static String monthsAndDays(LocalDate from, LocalDate to) {
        long months = ChronoUnit.MONTHS.between(from, to);
        long days = ChronoUnit.DAYS.between(from.plusMonths(months), to);
        return months + (months == 1 ? " month" : " months") + (days > 0 ? " and " + Wording.days(days) : "");
    }

    private static String cite(String citation) {
        return citation == null || citation.isBlank() ? "" : " (" + citation + ")";
    }

    static String number(int n) {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"};
        return n >= 0 && n < words.length ? words[n] : String.valueOf(n);
    }
}
