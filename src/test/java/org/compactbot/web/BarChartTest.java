package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The report's SVG bar charts: well-formed, labelled for screen readers, escaped, and honest about zeros and long labels. */
class BarChartTest {
    private static Document xml(String svg) {
        return Jsoup.parse(svg, "", Parser.xmlParser());
    }

    @Test
    void aChartIsAnImageWithATitleAndABarWidthProportionalToEachValue() {
        String svg = BarChart.svg("by body", "Challenges by body", List.of(new BarChart.Bar("A", 4), new BarChart.Bar("B", 2), new BarChart.Bar("C", 0)));
        Element root = xml(svg).selectFirst("svg");
        assertEquals("img", root.attr("role"));
        assertEquals("chart-by-body-title", root.attr("aria-labelledby"));
        assertEquals("Challenges by body", root.getElementById("chart-by-body-title").text());
        List<String> widths = root.select("rect").eachAttr("width");
        assertEquals(List.of(String.valueOf(BarChart.BAR_WIDTH), String.valueOf(BarChart.BAR_WIDTH / 2), "0"), widths);
        assertEquals(List.of("4", "2", "0"), root.select("text.compact-chart__value").eachText());
        assertFalse(svg.contains("style="), "no inline style for the Content-Security-Policy");
    }

    @Test
    void allZerosAndNoBarsDrawNothingFalse() {
        Element zeros = xml(BarChart.svg("z", "Zeros", List.of(new BarChart.Bar("yes", 0), new BarChart.Bar("no", 0)))).selectFirst("svg");
        assertEquals(List.of("0", "0"), zeros.select("rect").eachAttr("width"));
        Element none = xml(BarChart.svg("n", "None", List.of())).selectFirst("svg");
        assertTrue(none.select("rect").isEmpty());
        assertEquals("None", none.selectFirst("text").text());
        assertEquals("2", xml(BarChart.svg("s", "Small", List.of(new BarChart.Bar("big", 10_000), new BarChart.Bar("one", 1))))
                .select("rect").get(1).attr("width"), "a value above zero stays visible");
    }

    @Test
    void aHostileOrLongLabelIsEscapedAndShortenedWithTheWholeOfItInTheBarsTitle() {
        String hostile = "</text><script>alert(1)</script><text> & \"Council\" 'x'";
        String longLabel = "Cheshire West and Chester Council, Directorate of Place, Communities and Partnerships";
        String svg = BarChart.svg("x\"><script>", "Bodies <b>", List.of(new BarChart.Bar(hostile, 1), new BarChart.Bar(longLabel, 2)));
        assertFalse(svg.contains("<script"), svg);
        assertFalse(svg.contains("<b>"));
        Document d = xml(svg);
        assertEquals("chart-x---script--title", d.selectFirst("svg").attr("aria-labelledby"));
        List<String> labels = d.select("text.compact-chart__label").eachText();
        assertEquals(BarChart.shorten(hostile), labels.get(0));
        assertTrue(labels.get(1).endsWith("…") && labels.get(1).length() == BarChart.MAX_LABEL);
        assertEquals(longLabel, d.select("g.compact-chart__row").get(1).selectFirst("title").text());
    }

    @Test
    void anyLabelsGiveWellFormedSvgWithOneRowEach() {
        Random random = new Random(13);
        for (int n = 0; n < 200; n++) {
            List<BarChart.Bar> bars = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                StringBuilder label = new StringBuilder();
                for (int j = random.nextInt(60); j > 0; j--) label.append((char) (random.nextInt(0x7F)));
                bars.add(new BarChart.Bar(label.toString(), random.nextInt(3) == 0 ? 0 : random.nextDouble() * 100));
            }
            String svg = BarChart.svg("r" + n, "Random", bars);
            Document d = xml(svg);
            assertEquals(Math.max(1, bars.size()), d.select("svg > g").size() + (bars.isEmpty() ? 1 : 0), svg);
            assertTrue(d.select("script").isEmpty() && d.select("svg").size() == 1, svg);
            for (int i = 0; i < bars.size(); i++) {
                assertEquals(BarChart.shorten(bars.get(i).label()).replaceAll("[\\x00-\\x08\\x0A-\\x1F]", " ").strip().replaceAll("\\s+", " "),
                        d.select("text.compact-chart__label").get(i).text(), svg);
            }
        }
    }
}
