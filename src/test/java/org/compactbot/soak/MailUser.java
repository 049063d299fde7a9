package org.compactbot.soak;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A mail provider posting community groups' emails (questions and concerns) to POST /mail/inbound.
 * A failed post is sent again, byte for byte: the server knows a message by its Message-ID.
 */
final class MailUser implements Runnable {
    private static final List<String> QUESTIONS = List.of(
            "Hello, how long should a formal consultation run?",
            "How much notice should the council give before ending our grant?",
            "Can volunteers claim their expenses under the Compact?",
            "What does full cost recovery mean for our contract?");
    private static final List<String> CONCERNS = List.of(
            "The council cut our grant with two weeks' notice, is that allowed? We are in Redcar.",
            "Wolverhampton council closed the consultation on our day centre after three weeks. I want to complain.");
    private final int number;
    private final SoakHttp http;
    private final SoakFigures figures;
    private final AtomicBoolean stop;
    private final Random random;
    private int sent;

    MailUser(int number, SoakHttp http, SoakFigures figures, AtomicBoolean stop, long seed) {
        this.number = number;
        this.http = http;
        this.figures = figures;
        this.stop = stop;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        try {
            while (!stop.get()) {
                sent++;
                String messageId = "<soak-u" + number + "-m" + sent + "@groups.example>";
                String from = "u" + number + ".m" + sent + "@groups.example";
                boolean concern = random.nextInt(3) == 0;
                String body = concern ? CONCERNS.get(random.nextInt(CONCERNS.size())) : QUESTIONS.get(random.nextInt(QUESTIONS.size()));
                byte[] raw = ("From: Sam Soak <" + from + ">\r\nTo: compact@example.org\r\nSubject: " + (concern ? "A concern" : "A question")
                        + "\r\nMessage-ID: " + messageId + "\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n\r\nThanks,\r\nSam\r\n").getBytes(StandardCharsets.UTF_8);
                figures.mailed.put(messageId, post(raw));
                Thread.sleep(500 + random.nextInt(1500));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String post(byte[] raw) throws InterruptedException {
        while (true) {
            try {
                return http.inboundMail(raw).path("outcome").asText();
            } catch (SoakHttp.Failed e) {
                figures.failedRequests.incrementAndGet();
                figures.mailResent.incrementAndGet();
                Thread.sleep(250);
            }
        }
    }
}
