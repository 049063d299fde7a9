package org.compactbot.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * One browser without JavaScript going through the challenge pages: it keeps the draft cookie, posts forms as a browser
 * does (application/x-www-form-urlencoded, with the page's form token) and follows 303s with a GET.
 */
final class ChallengeSession {
    private final PageServer site;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The draft cookie's value, as the server set it (null before). */
    String cookie;
    /** The status form's cookie's value (null before). */
    String statusCookie;
    /** The Set-Cookie header last received. */
    String setCookie;
    /** Where the last redirects went, in order. */
    final List<String> redirects = new ArrayList<>();

    ChallengeSession(PageServer site) {
        this.site = site;
    }

    /** A response and its page. */
    record Page(int status, String body, Document doc, String path) {}

    Page get(String path) throws Exception {
        return follow(send(HttpRequest.newBuilder(URI.create(site.url(path))).GET()));
    }

    /** Posts the fields (name, value, name, value...) to the path; "csrf" is added from the page unless given. */
    Page post(String path, String token, String... fields) throws Exception {
        List<String> parts = new ArrayList<>();
        if (token != null) parts.add("csrf=" + enc(token));
        for (int i = 0; i < fields.length; i += 2) parts.add(enc(fields[i]) + "=" + enc(fields[i + 1]));
        return follow(send(HttpRequest.newBuilder(URI.create(site.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts)))));
    }

    /** Posts the page's own form, with its token and hidden fields, plus these fields. */
    Page submit(Page page, String... fields) throws Exception {
        var form = page.doc().selectFirst("main form[method=post]");
        List<String> all = new ArrayList<>();
        for (var hidden : form.select("input[type=hidden]")) {
            if (hidden.attr("name").equals("csrf")) continue;
            all.add(hidden.attr("name"));
            all.add(hidden.attr("value"));
        }
        all.addAll(List.of(fields));
        return post(form.attr("action"), form.selectFirst("input[name=csrf]").attr("value"), all.toArray(String[]::new));
    }

    /** Starts a challenge and answers up to (not including) the page named (null: all of them), returning that page. */
    Page answerUpTo(String stop) throws Exception {
        Page page = submit(get("/challenge/start"));
        String[][] answers = {
                {"area", "west-cheshire"}, {"role", "group"}, {"name", "Sam Patel"}, {"organisation", "Hope Street Youth Club"},
                {"email", "sam@example.org"}, {"respondent", "Cheshire West and Chester Council, grants team"},
                {"what-happened", "The council told us by letter that our grant will end in two weeks, with no consultation at all."},
                {"undertakings", "1"}, {"dates", "told on 3 Nov 2026, takes effect 17 Nov 2026"}, {"impact", "40 young people a week lose their club."},
                {"informal-steps", ""}, {"desired-outcome", "Funding restored until proper notice is given"}, {"consent", "confidential"}};
        for (String[] a : answers) {
            if (a[0].equals(stop)) return page;
            org.junit.jupiter.api.Assertions.assertEquals("/challenge/" + a[0], page.path(), "the questions come in order: " + page.doc().title());
            page = submit(page, a[0], a[1]);
            org.junit.jupiter.api.Assertions.assertEquals(200, page.status(), a[0] + ": " + page.doc().select(".govuk-error-summary").text());
        }
        return page;
    }

    static String token(Page page) {
        return page.doc().selectFirst("input[name=csrf]").attr("value");
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        b.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        List<String> cookies = new ArrayList<>();
        if (cookie != null) cookies.add(DraftCookie.NAME + "=" + cookie);
        if (statusCookie != null) cookies.add(DraftCookie.STATUS_NAME + "=" + statusCookie);
        if (!cookies.isEmpty()) b.header("Cookie", String.join("; ", cookies));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        r.headers().firstValue("Set-Cookie").ifPresent(c -> {
            setCookie = c;
            if (c.startsWith(DraftCookie.NAME + "=")) cookie = c.substring(DraftCookie.NAME.length() + 1, c.indexOf(';'));
            if (c.startsWith(DraftCookie.STATUS_NAME + "=")) statusCookie = c.substring(DraftCookie.STATUS_NAME.length() + 1, c.indexOf(';'));
        });
        return r;
    }

    private Page follow(HttpResponse<String> r) throws Exception {
        redirects.clear();
        for (int hops = 0; r.statusCode() == 303 && hops < 5; hops++) {
            String to = r.headers().firstValue("Location").orElseThrow();
            redirects.add(to);
            r = send(HttpRequest.newBuilder(URI.create(site.url(to))).GET());
        }
        return new Page(r.statusCode(), r.body(), Jsoup.parse(r.body()), r.uri().getPath());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
