package org.compactbot.conversation;

import java.util.List;

/**
 * An early-resolution letter (issue 16, step 1 of the Compact's resolution process): a letter the group sends the body
 * itself, before a mediator is involved. Composed by {@link EarlyResolutionLetter}; a channel shows {@link #text()} and
 * may offer it as a Word document ({@link LetterDocument}).
 *
 * @param to         the body it is addressed to
 * @param subject    its subject line
 * @param paragraphs its paragraphs in order, from the salutation to the signature
 */
public record Letter(String to, String subject, List<Paragraph> paragraphs) {
    /** One paragraph; {@code quote}: the Compact's own words, set off from the letter's. */
    public record Paragraph(String text, boolean quote) {
        static Paragraph plain(String text) {
            return new Paragraph(text, false);
        }
    }

    public Letter {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The letter as plain text: the subject line, then the paragraphs, quotes indented. */
    public String text() {
        StringBuilder sb = new StringBuilder("Subject: ").append(subject).append("\n\n");
        for (Paragraph p : paragraphs) {
            if (p.quote()) sb.append("    ").append(p.text().replace("\n", "\n    "));
            else sb.append(p.text());
            sb.append("\n\n");
        }
        return sb.toString().stripTrailing() + "\n";
    }

    /** A file name for the letter: "letter-to-cheshire-west-and-chester-council.docx". */
    public String fileName() {
        String slug = to.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-+$", "");
        return "letter-to-" + (slug.isEmpty() ? "the-body" : slug) + ".docx";
    }
}
