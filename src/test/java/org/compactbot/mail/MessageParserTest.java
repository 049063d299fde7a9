package org.compactbot.mail;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the email channel reads out of a raw message: visible text, threading, auto-replies, attachments. */
class MessageParserTest {
    private final MessageParser parser = new MessageParser();

    // ------------------------------------------------------------------ building messages

    private static final String HEADERS = """
            From: Alice Example <alice@example.org>
            To: compact@example.org
            Subject: Re: our challenge
            Message-ID: <reply-1@example.org>
            In-Reply-To: <bot-1@example.org>
            References: <start@example.org> <bot-1@example.org>
            Date: Mon, 01 Jan 2024 12:00:00 +0000
            MIME-Version: 1.0
            """;

    private static byte[] crlf(String s) {
        return s.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(UTF_8);
    }

    private static byte[] plain(String body) {
        return crlf(HEADERS + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body);
    }

    private static byte[] html(String body) {
        return crlf(HEADERS + "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body);
    }

    private static byte[] bytes(String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] h = crlf(headers + "\n");
        out.write(h, 0, h.length);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    private static Arguments reply(String name, byte[] raw, List<String> kept, List<String> removed) {
        return Arguments.of(name, raw, kept, removed);
    }

    // ------------------------------------------------------------------ visible text

    static Stream<Arguments> replies() {
        return Stream.of(
                reply("Gmail 'On ... wrote:' with quoted lines", plain("""
                        Thanks, that works.

                        On Mon, Apr 2, 2012 at 6:26 PM, Megan One <megan@example.com> wrote:

                        > Does the fix work?
                        > Megan
                        """), List.of("Thanks, that works."), List.of("Does the fix work?", "wrote:", "Megan One")),
                reply("Gmail header wrapped inside the address", plain("""
                        Sounds good.

                        On Fri, Apr 3, 2020 at 12:32 PM Someone <
                        someone@example.com> wrote:

                        > Earlier text
                        """), List.of("Sounds good."), List.of("Earlier text", "someone@example.com")),
                reply("Gmail header wrapped over three lines", plain("""
                        I get proper rendering as well.

                        On Dec 16, 2011, at 12:47 PM, Corey Donohoe
                        <reply@reply.github.com>
                        wrote:

                        > Was this caching related?
                        """), List.of("I get proper rendering as well."), List.of("Corey Donohoe", "caching")),
                reply("Apple Mail", plain("""
                        Hello

                        On Apr 3, 2012, at 4:19 PM, bob wrote:

                        > Hi
                        """), List.of("Hello"), List.of("bob wrote", "Hi")),
                reply("Apple Mail with the header inside the quote", plain("""
                        Hello
                        > On 22 Aug 2015, at 19:21, Adam <adam@example.com> wrote:
                        >
                        > Hi there!
                        """), List.of("Hello"), List.of("Adam", "Hi there!")),
                reply("Thunderbird bottom-posted reply", plain("""
                        On 04/02/2012 06:26 PM, Megan One wrote:
                        > Hi there
                        Hello back
                        """), List.of("Hello back"), List.of("Hi there", "Megan One")),
                reply("Outlook -----Original Message-----", plain("""
                        See you then.

                        -----Original Message-----
                        From: Bob <bob@example.com>
                        Sent: Monday, April 2, 2012 5:44 PM
                        To: Alice
                        Subject: Meeting

                        Can we meet?
                        """), List.of("See you then."), List.of("Original Message", "Can we meet?", "bob@example.com")),
                reply("Outlook header block without a separator", plain("""
                        Agreed.

                        From: CRM Comments [crm-comment@example.com]
                        Sent: Friday, 23 March 2012 5:08 p.m.
                        To: John S. Greene
                        Subject: [contact:106] John Greene

                        A new comment has been added.
                        """), List.of("Agreed."), List.of("Sent: Friday", "A new comment")),
                reply("Outlook underscore separator", plain("""
                        Done.
                        ________________________________
                        From: A <a@example.com>
                        Sent: Friday
                        To: B
                        Subject: Old

                        Old text
                        """), List.of("Done."), List.of("Old text", "____")),
                reply("Portuguese Outlook block", plain("""
                        Obrigado.

                        De: john@example.com
                        Enviada em: sexta-feira, 27 de julho de 2012 15:09
                        Para: shelly@example.com
                        Assunto: Pergunta

                        Texto antigo
                        """), List.of("Obrigado."), List.of("Texto antigo", "Assunto")),
                reply("French quote header", plain("""
                        Merci.

                        Le mer. 29 juin 2022 à 12:32, Rick <rick@example.com> a écrit :

                        > Bonjour
                        """), List.of("Merci."), List.of("Bonjour", "Rick")),
                reply("German quote header", plain("""
                        Danke.

                        Am Mo., 4. Juli 2022 um 08:13 Uhr schrieb Rick <rick@example.com>:

                        > Hallo
                        """), List.of("Danke."), List.of("Hallo", "schrieb")),
                reply("Spanish quote header", plain("""
                        Gracias.

                        El mié, 29 jun 2022 a las 11:08, Rick (<rick@example.com>) escribió:

                        > Hola
                        """), List.of("Gracias."), List.of("Hola", "escribió")),
                reply("Italian quote header wrapped", plain("""
                        Grazie.

                        Il giorno lun 4 lug 2022 alle ore 08:12 Rick <rick@example.com>
                        ha scritto:

                        > Ciao
                        """), List.of("Grazie."), List.of("Ciao", "scritto")),
                reply("Danish quote header", plain("""
                        Tak.

                        15. marts 2017 kl. 11.00 skrev John Doe <john@example.com>:

                        > Hej
                        """), List.of("Tak."), List.of("Hej", "John Doe")),
                reply("inline replies between quoted lines stay", plain("""
                        On Tue, Apr 29, 2014 at 4:22 PM, Tim <tim@example.com> wrote:

                        > first question?

                        First answer.

                        > second question?

                        Second answer.
                        """), List.of("First answer.", "Second answer."), List.of("first question?", "Tim")),
                reply("'-- ' signature", plain("""
                        Body text -- with a dash pair inside.

                        --\s
                        Rick
                        202-555-1212
                        """), List.of("Body text -- with a dash pair inside."), List.of("Rick", "202-555-1212")),
                reply("Sent from my iPhone", plain("""
                        On my way.

                        Sent from my iPhone

                        On Apr 3, 2012, at 4:19 PM, bob <bob@example.com> wrote:

                        > Hi
                        """), List.of("On my way."), List.of("Sent from my iPhone", "bob")),
                reply("'Sent from my' inside a sentence stays", plain("Here it is.\n\nSent from my desk, which is easier.\n"),
                        List.of("Here it is.", "Sent from my desk, which is easier."), List.of()),
                reply("a paragraph starting with 'On' stays", plain("""
                        On Friday I tried again and it failed.

                        On Wed, Apr 4, 2012 at 9:32 AM, Bob <bob@example.com> wrote:
                        > Old
                        """), List.of("On Friday I tried again and it failed."), List.of("Old", "Bob")),
                reply("a pseudo header at the top stays", plain("From: the council\nThey ignored us.\n"),
                        List.of("From: the council", "They ignored us."), List.of()),
                reply("a sentence ending in 'wrote:' before pasted text stays", plain("""
                        Please look at this.

                        On 5 March 2024 the council wrote:

                        We will not renew your grant.
                        """), List.of("Please look at this.", "the council wrote:", "We will not renew your grant."), List.of()),
                reply("Chinese quote header with a full-width colon", plain("""
                        谢谢

                        在 2024年1月1日 12:00，张三 <zhang@example.cn> 写道：
                        > 你好
                        """), List.of("谢谢"), List.of("你好", "张三")),
                reply("HTML: Gmail gmail_quote", html("""
                        <div dir="ltr"><div>Hi. I am fine.</div><div><br></div><div>Thanks,</div><div>Alex</div></div>
                        <div class="gmail_quote">On Thu, Jun 26, 2014 at 2:14 PM, Sasha &lt;a@example.com&gt; wrote:<br>
                        <blockquote class="gmail_quote"><div>Hello! How are you?</div></blockquote></div>
                        """), List.of("Hi. I am fine.", "Thanks,", "Alex"), List.of("Hello! How are you?", "Sasha")),
                reply("HTML: Outlook #divRplyFwdMsg", html("""
                        <html><body><p>Yes, Tuesday works.</p>
                        <hr><div id="divRplyFwdMsg"><b>From:</b> Bob<br><b>Sent:</b> Monday<br><b>To:</b> Alice<br>
                        <b>Subject:</b> Meeting</div><div>Can we meet on Tuesday?</div></body></html>
                        """), List.of("Yes, Tuesday works."), List.of("Can we meet on Tuesday?", "Bob")),
                reply("HTML: Outlook border-top div", html("""
                        <div class=WordSection1><p class=MsoNormal>Noted, thanks.</p>
                        <div style='border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm'>
                        <p class=MsoNormal><b>From:</b> Bob [mailto:bob@example.com]<br><b>Sent:</b> Thursday</p></div>
                        <p class=MsoNormal>Original words</p></div>
                        """), List.of("Noted, thanks."), List.of("Original words", "bob@example.com")),
                reply("HTML: Thunderbird cite blockquote", html("""
                        <body>Sounds right.<br><div class="moz-cite-prefix">On 26.06.2014 14:41, Sasha
                        wrote:<br></div><blockquote type="cite">Earlier message</blockquote></body>
                        """), List.of("Sounds right."), List.of("Earlier message", "Sasha")),
                reply("HTML: Yandex blockquote after a date header", html("""
                        <p>Hi.<br /><br />26.06.2014, 14:41, "Sasha" &lt;a@example.com&gt;:</p><blockquote>Quoted</blockquote>
                        """), List.of("Hi."), List.of("Quoted", "Sasha")),
                reply("HTML: paragraphs and list items become lines", html("""
                        <p>First paragraph.</p><ul><li>one</li><li>two</li></ul><p>Last.</p>
                        """), List.of("First paragraph.\n\n- one\n- two\n\nLast."), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void keepsTheNewTextAndDropsQuotedHistoryAndSignatures(String name, byte[] raw, List<String> kept, List<String> removed) {
        ParsedEmail e = parser.parse(raw);
        for (String k : kept) assertTrue(e.text().contains(k), () -> name + ": expected '" + k + "' in:\n" + e.text());
        for (String r : removed) assertFalse(e.text().contains(r), () -> name + ": expected no '" + r + "' in:\n" + e.text());
        assertFalse(e.auto(), name);
    }

    @Test
    void prefersThePlainTextAlternativeAndFallsBackToHtml() {
        String alt = HEADERS + """
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                Plain version
                --b1
                Content-Type: text/html; charset=utf-8

                <p>HTML version</p>
                --b1--
                """;
        assertEquals("Plain version", parser.parse(crlf(alt)).text());
        String emptyPlain = alt.replace("Plain version", "");
        assertEquals("HTML version", parser.parse(crlf(emptyPlain)).text());
    }

    @Test
    void readsThreadingHeadersAndTheSender() {
        ParsedEmail e = parser.parse(plain("Hi\n"));
        assertEquals("alice@example.org", e.from());
        assertEquals("Alice Example", e.fromName());
        assertEquals("Re: our challenge", e.subject());
        assertEquals("<reply-1@example.org>", e.messageId());
        assertEquals("<bot-1@example.org>", e.inReplyTo());
        assertEquals(List.of("<start@example.org>", "<bot-1@example.org>"), e.references());
        assertEquals(List.of("compact@example.org"), e.to());
        assertFalse(e.auto());
        assertNull(e.reason());
    }

    // ------------------------------------------------------------------ headers and charsets

    static Stream<Arguments> encodedSubjects() {
        return Stream.of(
                Arguments.of("=?ISO-8859-1?Q?Mail_avec_fichier_attach=E9?=", "Mail avec fichier attaché"),
                Arguments.of("=?UTF-8?B?44Gr44KD44KT44GT?=", "にゃんこ"),
                Arguments.of("[PRJ] asdf =?utf-8?Q?=C3=A1rv=C3=ADzt=C5=B1r=C5=91?=", "[PRJ] asdf árvíztűrő"),
                Arguments.of("=?UTF-8?Q?=C3?= =?UTF-8?Q?=A1bc?=", "ábc"),
                Arguments.of("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?= =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=",
                        "If you can read this you understand the example."),
                Arguments.of("=?UTF-8?B?0JLQsNGI0LU=?=. Mail failure.", "Ваше. Mail failure."),
                Arguments.of("=?iso-8859-8-i?B?7vLw5A==?= Invoice", "מענה Invoice"),
                Arguments.of("=?windows-1250?Q?Automatyczna_odpowied=9F:_mi?= =?windows-1250?Q?esi=EAcy?=", "Automatyczna odpowiedź: miesięcy"),
                Arguments.of("=?x-no-such-charset?Q?plain_words?=", "plain words"),
                Arguments.of("=?UTF-8?B?broken base64!!?=", ""),
                Arguments.of("Plain subject", "Plain subject"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodedSubjects")
    void decodesEncodedWordSubjects(String header, String expected) {
        ParsedEmail e = parser.parse(crlf("From: a@example.org\nSubject: " + header + "\n\nbody\n"));
        if (expected.isEmpty()) assertNotNull(e.subject());
        else assertEquals(expected, e.subject());
    }

    static Stream<Arguments> bodyCharsets() {
        return Stream.of(
                Arguments.of("iso-8859-1", "Le café est prêt.", Charset.forName("ISO-8859-1")),
                Arguments.of("ISO-8859-15", "Prix : 5 €", Charset.forName("ISO-8859-15")),
                Arguments.of("windows-1252", "“Quoted” – 5 €", Charset.forName("windows-1252")),
                Arguments.of("windows-1250", "Zażółć gęślą jaźń", Charset.forName("windows-1250")),
                Arguments.of("iso-2022-jp", "こんにちは", Charset.forName("ISO-2022-JP")),
                Arguments.of("gb2312", "你好", Charset.forName("GB2312")),
                Arguments.of("iso-8859-8-i", "שלום", Charset.forName("ISO-8859-8")),
                Arguments.of("x-unknown-charset", "naïve", UTF_8),
                Arguments.of("us-ascii", "naïve", UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyCharsets")
    void decodesBodiesInTheirCharset(String label, String text, Charset encoding) {
        byte[] raw = bytes("From: a@example.org\nSubject: charset\nContent-Type: text/plain; charset=\"" + label
                + "\"\nContent-Transfer-Encoding: 8bit\n", text.getBytes(encoding));
        assertEquals(text, parser.parse(raw).text());
    }

    @Test
    void readsLatin1BytesInsideUtf8LabelledTextAsWindows1252() {
        byte[] body = "Det h\u00e4r \u00e4r bra – ok".getBytes(UTF_8);
        // the two UTF-8 "ä" sequences become single Latin-1 bytes; the dash stays UTF-8
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i++) {
            if ((body[i] & 0xff) == 0xc3 && (body[i + 1] & 0xff) == 0xa4) {
                out.write(0xe4);
                i++;
            } else {
                out.write(body[i]);
            }
        }
        byte[] mixed = out.toByteArray();
        byte[] raw = bytes("From: a@example.org\nContent-Type: text/plain; charset=utf-8\n", mixed);
        assertEquals("Det här är bra – ok", parser.parse(raw).text());
    }

    @Test
    void readsQuotedPrintableLatin1() {
        byte[] raw = crlf("From: a@example.org\nContent-Type: text/plain; charset=iso-8859-1\n"
                + "Content-Transfer-Encoding: quoted-printable\n\nCaf=E9 cr=E8me, soft=\nbreak\n");
        assertEquals("Café crème, softbreak", parser.parse(raw).text());
    }

    // ------------------------------------------------------------------ auto-replies, bounces, bulk

    static Stream<Arguments> automatic() {
        return Stream.of(
                Arguments.of("out-of-office with Auto-Submitted", "From: bob@example.org\nSubject: Away until May 5\n"
                        + "Auto-Submitted: auto-replied\n", true, "Auto-Submitted"),
                Arguments.of("Auto-Submitted: no", "From: bob@example.org\nSubject: Hi\nAuto-Submitted: no\n", false, null),
                Arguments.of("Exchange automatic reply", "From: bob@example.org\nSubject: Automatic reply: Hi\n"
                        + "X-Auto-Response-Suppress: All\n", true, "X-Auto-Response-Suppress"),
                Arguments.of("list mail with List-Id", "From: bob@example.org\nSubject: [list] news\n"
                        + "List-Id: <news.lists.example.org>\n", true, "List"),
                Arguments.of("newsletter with List-Unsubscribe", "From: shop@example.org\nSubject: Sale\n"
                        + "List-Unsubscribe: <mailto:unsub@example.org>\n", true, "List"),
                Arguments.of("Precedence: bulk", "From: bob@example.org\nSubject: Re: x\nPrecedence: bulk\n", true, "Precedence"),
                Arguments.of("empty Return-Path", "Return-Path: <>\nFrom: bob@example.org\nSubject: Hi\n", true, "Return-Path"),
                Arguments.of("postmaster sender", "From: System Administrator <postmaster@example.jp>\nSubject: Undeliverable: Hi\n",
                        true, "postmaster"),
                Arguments.of("X-Autoreply", "From: bob@example.org\nSubject: Re: Hi\nX-Autoreply: yes\n", true, "X-Autoreply"),
                Arguments.of("a person", "From: bob@example.org\nSubject: Out of office? No, I'm here\n", false, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("automatic")
    void flagsMachineMailWithAReason(String name, String headers, boolean auto, String reasonPart) {
        ParsedEmail e = parser.parse(crlf(headers + "Content-Type: text/plain\n\nI am away.\n"));
        assertEquals(auto, e.auto(), name);
        if (auto) assertTrue(e.reason() != null && e.reason().contains(reasonPart), () -> name + ": reason " + e.reason());
        else assertNull(e.reason(), name);
    }

    @Test
    void flagsADeliveryStatusReportFromMailerDaemon() {
        String bounce = """
                From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>
                To: alice@example.org
                Subject: Returned mail: see transcript for details
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r1"

                --r1
                Content-Type: text/plain

                The original message could not be delivered.
                --r1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org
                Final-Recipient: rfc822; nobody@example.org
                Action: failed
                Status: 5.1.1
                --r1
                Content-Type: message/rfc822

                From: alice@example.org
                Subject: My challenge

                text
                --r1--
                """;
        ParsedEmail e = parser.parse(crlf(bounce));
        assertTrue(e.auto());
        assertNotNull(e.reason());
        assertEquals("MAILER-DAEMON@mx.example.org", e.from());
        assertTrue(e.text().contains("could not be delivered"), e.text());
        assertEquals(List.of("My challenge.eml"), e.attachments().stream().map(ParsedEmail.Attachment::name).toList());
    }

    // ------------------------------------------------------------------ attachments

    @Test
    void namesAttachmentsSafelyAndCountsTheirBytes() {
        String mixed = HEADERS + """
                Content-Type: multipart/mixed; boundary="m1"

                --m1
                Content-Type: text/plain; charset=utf-8

                See attached.
                --m1
                Content-Type: application/octet-stream; name="../../etc/passwd"
                Content-Disposition: attachment; filename="../../etc/passwd"
                Content-Transfer-Encoding: base64

                aGVsbG8=
                --m1
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''na%C3%AFve%20report.pdf

                %PDF
                --m1
                Content-Type: image/png; name="=?UTF-8?B?0YTQvtGC0L4ucG5n?="
                Content-Disposition: attachment; filename="C:\\\\Users\\\\me\\\\=?UTF-8?B?0YTQvtGC0L4ucG5n?="
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --m1--
                """;
        ParsedEmail e = parser.parse(crlf(mixed));
        assertEquals("See attached.", e.text());
        List<ParsedEmail.Attachment> a = e.attachments();
        assertEquals(3, a.size(), a.toString());
        assertEquals("passwd", a.get(0).name());
        assertEquals(5, a.get(0).bytes());
        assertEquals("hello", new String(a.get(0).content(), UTF_8));
        assertEquals("application/octet-stream", a.get(0).type());
        assertEquals("naïve report.pdf", a.get(1).name());
        assertEquals("фото.png", a.get(2).name());
        assertEquals(8, a.get(2).bytes());
    }

    @Test
    void anAttachmentNameContinuedOverSeveralSectionsIsReadWhole() {
        String mixed = HEADERS + """
                Content-Type: multipart/mixed; boundary="m1"

                --m1
                Content-Type: text/plain; charset=utf-8

                See attached.
                --m1
                Content-Type: application/pdf
                Content-Disposition: attachment;
                 filename*0*=UTF-8''Comptes%20rendus%20de%20la%20r%C3%A9union%20;
                 filename*1*=du%20conseil%20d%C3%A9cembre;
                 filename*2=".pdf"; size=12 34

                %PDF
                --m1--
                """;
        List<ParsedEmail.Attachment> a = parser.parse(crlf(mixed)).attachments();
        assertEquals(1, a.size(), a.toString());
        assertEquals("Comptes rendus de la réunion du conseil décembre.pdf", a.get(0).name());
    }

    @Test
    void countsInlineImagesOnlyWhenTheyHaveAFileNameAndNamesAttachedMessagesAfterTheirSubject() {
        String related = HEADERS + """
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=utf-8

                <p>Logo below</p><img src="cid:logo">
                --rel
                Content-Type: image/gif
                Content-ID: <logo>
                Content-Transfer-Encoding: base64

                R0lGODlh
                --rel
                Content-Type: image/png; name="chart.png"
                Content-ID: <chart>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --rel--
                --outer
                Content-Type: message/rfc822

                From: council@example.gov
                Subject: Funding decision

                We have decided.
                --outer
                Content-Type: message/rfc822

                From: someone@example.gov

                No subject here.
                --outer--
                """;
        ParsedEmail e = parser.parse(crlf(related));
        assertEquals("Logo below", e.text());
        assertEquals(List.of("chart.png", "Funding decision.eml", "message.eml"),
                e.attachments().stream().map(ParsedEmail.Attachment::name).toList());
        assertEquals("message/rfc822", e.attachments().get(1).type());
    }

    // ------------------------------------------------------------------ broken input

    @Test
    void readsAMessageWithNoHeadersAtAllAsText() {
        ParsedEmail e = parser.parse("Just some text\nwith two lines\n".getBytes(UTF_8));
        assertEquals("", e.from());
        assertEquals("", e.subject());
        assertNull(e.messageId());
        assertEquals("Just some text\nwith two lines", e.text());
        assertFalse(e.auto());
    }

    @Test
    void survivesEmptyNullAndBinaryInput() {
        for (byte[] raw : new byte[][] {null, new byte[0], {0, 1, 2, (byte) 0xff, '\n', '\n', (byte) 0xfe}, "\r\n\r\n".getBytes(UTF_8)}) {
            assertWellFormed(parser.parse(raw));
        }
    }

    @Test
    void keepsTheBodyWhenTheBlankLineAfterTheHeadersIsMissing() {
        ParsedEmail e = parser.parse(crlf("From: a@example.org\nSubject: here's something\ncounter to RFC 2822, no blank line\n"));
        assertEquals("here's something", e.subject());
        assertEquals("counter to RFC 2822, no blank line", e.text());
    }

    @Test
    void readsTheTextWhenTheDeclaredBoundaryNeverAppears() {
        ParsedEmail e = parser.parse(crlf("From: a@example.org\nContent-Type: multipart/mixed; boundary=\"never\"\n\nbody text\n"));
        assertEquals("body text", e.text());
    }

    @Test
    void parsesAHugeLineAndDeepQuotesQuickly() {
        String huge = ">".repeat(700_000);
        String body = "Hi folks\n" + huge + "\nasdf\n" + "x".repeat(300_000) + "\n" + "> > > > ".repeat(50_000) + "\n";
        long t0 = System.nanoTime();
        ParsedEmail e = parser.parse(plain(body));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.text().startsWith("Hi folks\nasdf"), e.text().substring(0, 40));
        assertTrue(ms < 5_000, "took " + ms + " ms");
    }

    // ------------------------------------------------------------------ seeded random mutations

    private static final List<byte[]> SEEDS = List.of(
            plain("""
                    Thanks, that works.

                    On Mon, Apr 2, 2012 at 6:26 PM, Megan One <megan@example.com> wrote:
                    > Does the fix work?
                    """),
            crlf(HEADERS + """
                    Content-Type: multipart/mixed; boundary="m1"

                    --m1
                    Content-Type: multipart/alternative; boundary="a1"

                    --a1
                    Content-Type: text/plain; charset=iso-8859-1
                    Content-Transfer-Encoding: quoted-printable

                    Caf=E9 =3D good
                    --a1
                    Content-Type: text/html; charset=utf-8

                    <div>Caf&eacute;</div><blockquote>old</blockquote>
                    --a1--
                    --m1
                    Content-Type: application/pdf; name="=?UTF-8?Q?r=C3=A9sum=C3=A9.pdf?="
                    Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf
                    Content-Transfer-Encoding: base64

                    JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K
                    --m1
                    Content-Type: message/rfc822

                    From: x@example.org
                    Subject: =?UTF-8?B?0JLQsNGI0LU=?=
                    Content-Type: text/plain

                    inner
                    --m1--
                    """),
            crlf("""
                    Return-Path: <>
                    From: MAILER-DAEMON@mx.example.org
                    Subject: Undelivered Mail Returned to Sender
                    Auto-Submitted: auto-replied
                    Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                    --r
                    Content-Type: text/plain

                    I'm sorry to have to inform you.
                    --r
                    Content-Type: message/delivery-status

                    Status: 5.0.0
                    --r
                    Content-Type: text/rfc822-headers

                    Subject: hello
                    --r--
                    """),
            html("""
                    <html><head><style>p{margin:0}</style></head><body><p>Hi</p>
                    <div style="border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> x</p></div><p>old</p></body></html>
                    """));

    @Test
    void neverThrowsOnThousandsOfRandomlyMutatedMessages() {
        Random random = new Random(20240101L);
        int runs = 3000;
        long slowest = 0;
        for (int run = 0; run < runs; run++) {
            byte[] raw = SEEDS.get(random.nextInt(SEEDS.size()));
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) raw = mutate(raw, random);
            long t0 = System.nanoTime();
            ParsedEmail e;
            try {
                e = parser.parse(raw);
            } catch (Throwable t) {
                throw new AssertionError("run " + run + " threw on:\n" + new String(raw, ISO_8859_1), t);
            }
            slowest = Math.max(slowest, System.nanoTime() - t0);
            assertWellFormed(e);
        }
        assertTrue(slowest < 5_000_000_000L, "slowest parse took " + slowest / 1_000_000 + " ms");
    }

    private static void assertWellFormed(ParsedEmail e) {
        assertNotNull(e);
        assertNotNull(e.from());
        assertNotNull(e.subject());
        assertNotNull(e.text());
        assertNotNull(e.attachments());
        assertNotNull(e.references());
        if (e.auto()) assertNotNull(e.reason());
        for (ParsedEmail.Attachment a : e.attachments()) {
            assertNotNull(a.name());
            assertNotNull(a.type());
            assertFalse(a.name().isEmpty() || a.name().contains("/") || a.name().contains("\\"), a.name());
            assertEquals(a.content().length, a.bytes());
        }
    }

    /** One random structural or byte-level damage. */
    static byte[] mutate(byte[] raw, Random r) {
        List<byte[]> lines = splitLines(raw);
        switch (r.nextInt(11)) {
            case 0 -> { // truncate
                return Arrays.copyOf(raw, raw.length == 0 ? 0 : r.nextInt(raw.length));
            }
            case 1 -> { // delete a line
                if (!lines.isEmpty()) lines.remove(r.nextInt(lines.size()));
            }
            case 2 -> { // duplicate a line
                if (!lines.isEmpty()) {
                    int i = r.nextInt(lines.size());
                    lines.add(i, lines.get(i));
                }
            }
            case 3 -> { // swap two lines
                if (lines.size() > 1) {
                    int i = r.nextInt(lines.size()), j = r.nextInt(lines.size());
                    byte[] t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
            }
            case 4 -> { // flip bytes
                byte[] out = raw.clone();
                int flips = 1 + r.nextInt(8);
                for (int k = 0; k < flips && out.length > 0; k++) out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
                return out;
            }
            case 5 -> { // random bytes inserted
                byte[] junk = new byte[1 + r.nextInt(64)];
                r.nextBytes(junk);
                return insert(raw, r.nextInt(raw.length + 1), junk);
            }
            case 6 -> { // break a boundary line
                for (int i = 0; i < lines.size(); i++) {
                    String l = new String(lines.get(i), ISO_8859_1);
                    if (l.startsWith("--") && r.nextBoolean()) {
                        String broken = switch (r.nextInt(4)) {
                            case 0 -> l.substring(2);
                            case 1 -> l + "--";
                            case 2 -> "--" + l;
                            default -> l.substring(0, Math.max(2, l.length() / 2));
                        };
                        lines.set(i, broken.getBytes(ISO_8859_1));
                        break;
                    }
                }
            }
            case 7 -> { // a huge line
                char c = ">a=- <\t?".charAt(r.nextInt(8));
                byte[] huge = (String.valueOf(c).repeat(10_000 + r.nextInt(200_000))).getBytes(ISO_8859_1);
                lines.add(r.nextInt(lines.size() + 1), huge);
            }
            case 8 -> { // damage a header
                String[] junk = {"Content-Type: multipart/mixed; boundary=", "Content-Type: message/rfc822",
                        "Content-Transfer-Encoding: base64", "Content-Type: text/plain; charset=x-unknown",
                        "Subject: =?UTF-8?B?", "From: <<<@>>>", "Content-Disposition: attachment; filename*=''%ZZ",
                        "Content-Type: multipart/alternative", "=?utf-8?q?", "\t"};
                lines.add(r.nextInt(Math.min(lines.size(), 8) + 1), junk[r.nextInt(junk.length)].getBytes(ISO_8859_1));
            }
            case 9 -> { // nest the message in itself
                byte[] header = "Content-Type: message/rfc822\r\n\r\n".getBytes(ISO_8859_1);
                return insert(raw, 0, header);
            }
            default -> { // drop line ends: CRLF / LF mix
                byte[] out = new String(raw, ISO_8859_1).replace("\r\n", r.nextBoolean() ? "\n" : "\r").getBytes(ISO_8859_1);
                return out;
            }
        }
        return joinLines(lines);
    }

    private static List<byte[]> splitLines(byte[] raw) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                out.add(Arrays.copyOfRange(raw, start, i));
                start = i + 1;
            }
        }
        if (start < raw.length) out.add(Arrays.copyOfRange(raw, start, raw.length));
        return out;
    }

    private static byte[] joinLines(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.write(l, 0, l.length);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] insert(byte[] raw, int at, byte[] what) {
        byte[] out = new byte[raw.length + what.length];
        System.arraycopy(raw, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(raw, at, out, at + what.length, raw.length - at);
        return out;
    }

    @Test
    void mutatorIsDeterministicForAFixedSeed() {
        byte[] a = SEEDS.get(1), b = SEEDS.get(1);
        Random r1 = new Random(7), r2 = new Random(7);
        for (int i = 0; i < 20; i++) {
            a = mutate(a, r1);
            b = mutate(b, r2);
        }
        if (!Arrays.equals(a, b)) fail("the same seed gave different mutations");
    }

    @Test
    void attachmentNamesLoseCharactersThatReverseHowTheyRead() {
        // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf": a program dressed as a document
        byte[] raw = MailChannelTest.withAttachments("jo@bilston.org.uk", "letter", "<rtl@x>", "see attached",
                "invoice\u202Efdp.exe", new byte[] {1, 2}, "\u2067notes\u2069.pdf", new byte[] {3});
        List<String> names = new MessageParser().parse(raw).attachments().stream().map(ParsedEmail.Attachment::name).toList();
        assertEquals(List.of("invoicefdp.exe", "notes.pdf"), names);
    }

    @Test
    void authenticationResultsAreKeptAndReadOnlyFromTheTrustedServer() {
        byte[] raw = crlf("From: jo@bilston.org.uk\nAuthentication-Results: mx.ours.example; spf=pass smtp.mailfrom=bilston.org.uk;\n"
                + " dkim=pass header.d=bilston.org.uk; dmarc=pass\nAuthentication-Results: relay.other.example; dmarc=fail\n"
                + "Subject: hi\n\nhello\n");
        ParsedEmail e = new MessageParser().parse(raw);
        assertEquals(2, e.authenticationResults().size());
        assertEquals(new SenderCheck.Passed(), SenderCheck.of(e.authenticationResults(), "MX.ours.example"));
        assertEquals(new SenderCheck.Failed("dmarc", "fail"), SenderCheck.of(e.authenticationResults(), ""),
                "with no trusted server named, any reported failure counts");
        assertEquals(new SenderCheck.Unchecked(), SenderCheck.of(List.of(), "mx.ours.example"));
        assertEquals(new SenderCheck.Unchecked(), SenderCheck.of(List.of("mx.ours.example; none"), "mx.ours.example"));
        assertEquals(new SenderCheck.Failed("spf", "fail"),
                SenderCheck.of(List.of("mx.ours.example (comment; with a semicolon) 1; spf=fail (sender not allowed)"), "mx.ours.example"));
    }

    @Test
    void theSenderIsReadFromTheHeaderAloneForRateLimits() {
        assertEquals("jo@bilston.org.uk", MessageParser.senderOf(crlf("Subject: x\nFrom: Jo\n <Jo@Bilston.org.uk>\n\nFrom: not@this.one\n")));
        assertEquals("", MessageParser.senderOf(crlf("Subject: x\n\nFrom: body@line.example\n")));
        assertEquals("", MessageParser.senderOf(new byte[0]));
    }
}
