package org.compactbot.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/** HTML to plain lines (paragraphs, list items, table rows), with quoted history removed. */
final class HtmlText {
    private HtmlText() {}

    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "body", "center", "dd", "div", "dl",
            "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr",
            "ul", "caption", "details", "summary");
    private static final Set<String> PARAGRAPH = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "dl");
    private static final Set<String> SKIP = Set.of("script", "style", "head", "title", "noscript", "template", "xml",
            "object", "embed", "iframe", "svg", "math", "select", "option", "button");
    private static final Pattern FROM_KEY = Pattern.compile("(?iu)(from|de|von|da|fra|från|van|od|от)\\s*:");

    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title, noscript, template").remove();
        doc.select("div.gmail_quote, blockquote.gmail_quote, div.gmail_attr, div.yahoo_quoted, div[id^=yahoo_quoted], "
                + "div.moz-forward-container, div.gmail_signature, [data-smartmail=gmail_signature], div.moz-signature, "
                + "pre.moz-signature, div#Signature, div#x_Signature, div.protonmail_quote, div.zmail_extra").remove();
        for (Element e : doc.select("div#divRplyFwdMsg, div#appendonsend, hr#stopSpelling, div#OLK_SRC_BODY_SECTION, "
                + "div.OutlookMessageHeader, div[style*=border-top], div[style*=BORDER-TOP]")) {
            if (isQuoteStart(e)) {
                cutFrom(e);
                break;
            }
        }
        Renderer r = new Renderer();
        org.jsoup.select.NodeTraversor.filter(r, doc.body() != null ? doc.body() : doc);
        return tidy(r.out.toString());
    }

    private static boolean isQuoteStart(Element e) {
        String style = e.attr("style").toLowerCase(Locale.ROOT);
        if (!style.contains("border-top")) return true; // an id or class marker
        if (!style.contains("solid")) return false;
        String text = e.text();
        if (text.length() > 400) text = text.substring(0, 400);
        return FROM_KEY.matcher(text).find();
    }

    /** Removes the element and everything after it in document order. */
    private static void cutFrom(Element e) {
        Node n = e;
        while (n != null && n.parent() != null) {
            Node parent = n.parent();
            List<Node> siblings = new ArrayList<>(parent.childNodes());
            for (int k = siblings.size() - 1; k > n.siblingIndex(); k--) siblings.get(k).remove();
            n = parent;
        }
        e.remove();
    }

    private static String tidy(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int blank = 0;
        for (String line : s.split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                if (b.length() > 0) blank++;
                continue;
            }
            if (b.length() > 0) b.append(blank > 0 ? "\n\n" : "\n");
            b.append(l);
            blank = 0;
        }
        return b.toString();
    }

    private static final class Renderer implements NodeFilter {
        final StringBuilder out = new StringBuilder();
        private int pre;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text(pre > 0 ? t.getWholeText() : collapse(t.getWholeText()));
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) return FilterResult.CONTINUE;
            String tag = e.normalName();
            if (SKIP.contains(tag)) return FilterResult.SKIP_ENTIRELY;
            switch (tag) {
                case "blockquote" -> {
                    newline();
                    out.append(">\n");
                    return FilterResult.SKIP_ENTIRELY;
                }
                case "br" -> out.append('\n');
                case "li" -> {
                    newline();
                    out.append("- ");
                }
                case "td", "th" -> {
                    if (out.length() > 0 && !atLineStart() && out.charAt(out.length() - 1) != ' ') out.append(' ');
                }
                case "img" -> {
                    // images carry no text worth keeping
                }
                default -> {
                    if (tag.equals("pre")) pre++;
                    if (BLOCK.contains(tag)) newline();
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("pre") && pre > 0) pre--;
                if (BLOCK.contains(tag)) newline();
                // Outlook writes every line as a margin-less <p class=MsoNormal>: a line, not a paragraph
                boolean outlookLine = tag.equals("p") && e.hasClass("MsoNormal");
                if (PARAGRAPH.contains(tag) && (!outlookLine || e.text().isBlank())) out.append('\n');
            }
            return FilterResult.CONTINUE;
        }

        private void text(String s) {
            if (s.isEmpty()) return;
            if (atLineStart() || (out.length() > 0 && out.charAt(out.length() - 1) == ' ')) {
                if (pre == 0) s = s.stripLeading();
            }
            out.append(s);
        }

        private boolean atLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        }

        private void newline() {
            if (!atLineStart()) out.append('\n');
        }

        private static String collapse(String s) {
            StringBuilder b = new StringBuilder(s.length());
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\u200b') {
                    if (!space) b.append(' ');
                    space = true;
                } else {
                    b.append(c);
                    space = false;
                }
            }
            return b.toString();
        }
    }
}
