package org.compactbot.web;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart drawn on the server as SVG, for the desk's report page: {@code role="img"} with a {@code <title>}
 * naming it, one bar per figure with its label and value as text beside it (and the full label in the bar's own title when
 * it is shortened). Colours come from classes in compact-bot.css; no script and no style attribute, so the page's
 * Content-Security-Policy holds. Every label is escaped here: the page includes the SVG as it is. The page follows each
 * chart with the same figures as a table. Pure.
 */
public final class BarChart {
    /** One figure: its label and its value (not negative). */
    public record Bar(String label, double value) {
        public Bar {
            label = label == null ? "" : label;
            if (!(value >= 0)) value = 0;
        }
    }

    static final int WIDTH = 720, ROW = 28, LABEL_WIDTH = 300, BAR_WIDTH = 340, MAX_LABEL = 42;

    private BarChart() {}

    /**
     * @param id    a name for the chart, unique on the page (letters, digits and hyphens kept)
     * @param title what the chart shows, read out by a screen reader
     */
    static String svg(String id, String title, List<Bar> bars) {
        String safeId = "chart-" + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int height = Math.max(1, bars.size()) * ROW + 8;
        StringBuilder s = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"compact-chart\" role=\"img\" aria-labelledby=\"").append(safeId)
                .append("-title\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
                .append("<title id=\"").append(safeId).append("-title\">").append(escape(title)).append("</title>");
        if (bars.isEmpty()) {
            s.append("<text class=\"compact-chart__label\" x=\"0\" y=\"20\">None</text>");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * ROW;
            int w = max <= 0 ? 0 : (int) Math.round(b.value() / max * BAR_WIDTH);
            if (b.value() > 0 && w < 2) w = 2; // a small figure stays visible
            s.append("<g class=\"compact-chart__row\">");
            if (b.label().length() > MAX_LABEL) s.append("<title>").append(escape(b.label())).append("</title>");
            s.append("<text class=\"compact-chart__label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 18)
                    .append("\" text-anchor=\"end\">").append(escape(shorten(b.label()))).append("</text>")
                    .append("<rect class=\"compact-chart__bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3)
                    .append("\" width=\"").append(w).append("\" height=\"").append(ROW - 8).append("\"/>")
                    .append("<text class=\"compact-chart__value\" x=\"").append(LABEL_WIDTH + w + 6).append("\" y=\"").append(y + 18).append("\">")
                    .append(number(b.value())).append("</text></g>");
        }
        return s.append("</svg>").toString();
    }

    /** A whole number as it is, anything else to one decimal place. */
    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String shorten(String label) {
        if (label.length() <= MAX_LABEL) return label;
        int cut = MAX_LABEL - 1;
        if (Character.isHighSurrogate(label.charAt(cut - 1))) cut--;
        return label.substring(0, cut) + "…";
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t') b.append(' '); // no control character is valid XML
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
