package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.compactbot.cases.CaseService;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.ConversationStore.DraftFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence for a challenge raised in a browser ({@code /challenge/evidence}, reached from "Check your answers"): files
 * uploaded with a plain multipart form (GOV.UK Frontend's file upload), kept with the draft as email attachments are,
 * and on the case when it is sent. The same limits as email: {@value CaseService#MAX_EVIDENCE_BYTES} bytes a file and
 * {@value CaseService#MAX_EVIDENCE_PER_EMAIL} in all, and at most {@value #MAX_FILES} files. A file over a limit is
 * named in the error and not kept; the others in the same upload are.
 */
public final class EvidencePages {
    private static final Logger LOG = LoggerFactory.getLogger(EvidencePages.class);
    static final String PATH = "/challenge/evidence";
    static final int MAX_FILES = 20;
    /** The largest upload read: the files allowed in all, and the form around them. */
    static final long MAX_UPLOAD_BYTES = CaseService.MAX_EVIDENCE_PER_EMAIL + 1_000_000;

    /** A kept file as the page lists it. */
    public record FileRow(String name, String size) {}

    public record EvidencePage(List<FileRow> files, String error, String formToken) {
        public String title() {
            return (error == null ? "" : "Error: ") + "Upload evidence – Raise a Compact challenge";
        }

        public String backLink() {
            return ChallengePages.CHECK;
        }

        public long fileLimitMb() {
            return CaseService.MAX_EVIDENCE_BYTES / 1_000_000;
        }

        public long totalLimitMb() {
            return CaseService.MAX_EVIDENCE_PER_EMAIL / 1_000_000;
        }
    }

    private final ConversationEngine engine;
    private final Pages pages;
    private final Admission admission;

    EvidencePages(ConversationEngine engine, Pages pages, Admission admission) {
        this.engine = engine;
        this.pages = pages;
        this.admission = admission;
    }

    /**
     * Before the page: never cached; a POST within the rate limit, multipart, no larger than {@link #MAX_UPLOAD_BYTES},
     * and carrying this browser's form token.
     */
    void admit(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!"POST".equals(ctx.method().name())) return;
        admission.notStopping();
        admission.withinLimit(ctx, "challenge:" + admission.address(ctx));
        if (ctx.req().getContentLengthLong() > MAX_UPLOAD_BYTES) throw new Refusal.PayloadTooLarge(MAX_UPLOAD_BYTES);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) throw new Refusal.BadRequest("Files are uploaded with the page's form; nothing was kept.");
        String token;
        try {
            token = ctx.formParam("csrf");
        } catch (RuntimeException tooLarge) { // the multipart reader's own limits (a body with no length given)
            throw new Refusal.PayloadTooLarge(MAX_UPLOAD_BYTES);
        }
        Optional<DraftCookie.Draft> cookie = DraftCookie.of(ctx.cookie(DraftCookie.NAME));
        if (cookie.isEmpty() || !cookie.get().accepts(token)) {
            LOG.info("evidence upload refused: {}", cookie.isEmpty() ? "no cookie" : "wrong form token");
            throw new Refusal.Forbidden("This form came without the token its page was given; nothing was kept.");
        }
    }

    /** GET /challenge/evidence: the files kept so far, and the upload form. */
    void show(Context ctx) {
        Optional<DraftCookie.Draft> cookie = DraftCookie.of(ctx.cookie(DraftCookie.NAME));
        if (cookie.isEmpty() || engine.pageDraft(ChallengePages.conversation(cookie.get())).isEmpty()) {
            ChallengePages.redirect(ctx, ChallengePages.START);
            return;
        }
        pages.show(ctx, HttpStatus.OK, "pages/challenge/evidence.jte", page(ChallengePages.conversation(cookie.get()), null, cookie.get()));
    }

    /** POST /challenge/evidence: the files within the limits kept, then the page again (a 303), or with the error. */
    void upload(Context ctx) throws IOException {
        DraftCookie.Draft cookie = DraftCookie.of(ctx.cookie(DraftCookie.NAME)).orElseThrow();
        ConversationId id = ChallengePages.conversation(cookie);
        if (engine.pageDraft(id).isEmpty()) {
            ChallengePages.redirect(ctx, ChallengePages.START);
            return;
        }
        List<UploadedFile> chosen = ctx.uploadedFiles("evidence").stream().filter(f -> f.size() > 0 && !name(f).isEmpty()).toList();
        if (chosen.isEmpty()) {
            pages.show(ctx, HttpStatus.BAD_REQUEST, "pages/challenge/evidence.jte", page(id, "Select a file to upload", cookie));
            return;
        }
        List<DraftFile> kept = engine.draftFiles(id);
        long total = kept.stream().mapToLong(DraftFile::bytes).sum();
        int count = kept.size();
        List<ConversationEngine.SentFile> keep = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (UploadedFile f : chosen) {
            String name = name(f);
            if (count >= MAX_FILES) problems.add(name + " was not uploaded: you can upload up to " + MAX_FILES + " files");
            else if (f.size() > CaseService.MAX_EVIDENCE_BYTES) {
                problems.add(name + " was not uploaded: it must be smaller than " + CaseService.MAX_EVIDENCE_BYTES / 1_000_000 + " MB");
            } else if (total + f.size() > CaseService.MAX_EVIDENCE_PER_EMAIL) {
                problems.add(name + " was not uploaded: your files must be smaller than " + CaseService.MAX_EVIDENCE_PER_EMAIL / 1_000_000
                        + " MB in all");
            } else {
                try (InputStream in = f.content()) {
                    keep.add(new ConversationEngine.SentFile(name, type(f), in.readAllBytes()));
                }
                total += f.size();
                count++;
            }
        }
        engine.keepFiles(id, keep);
        LOG.info("evidence uploaded on the web: {} kept, {} refused", keep.size(), problems.size());
        if (problems.isEmpty()) {
            ChallengePages.redirect(ctx, PATH);
            return;
        }
        pages.show(ctx, HttpStatus.BAD_REQUEST, "pages/challenge/evidence.jte", page(id, String.join(". ", problems), cookie));
    }

    private EvidencePage page(ConversationId id, String error, DraftCookie.Draft cookie) {
        return new EvidencePage(engine.draftFiles(id).stream().map(f -> new FileRow(f.name(), size(f.bytes()))).toList(), error, cookie.formToken());
    }

    /** The file's own name: no folders (some browsers send the whole path), no control characters, at most 200 characters. */
    static String name(UploadedFile f) {
        String n = f.filename() == null ? "" : f.filename();
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "").strip();
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    private static String type(UploadedFile f) {
        String t = f.contentType();
        return t == null || t.isBlank() || !t.matches("[\\w.+-]+/[\\w.+-]+.*") ? "application/octet-stream" : t.split(";")[0].strip();
    }

    /** "12 KB", "3.4 MB", as a person reads sizes. */
    static String size(long bytes) {
        if (bytes < 1_000) return bytes + " bytes";
        if (bytes < 1_000_000) return Math.max(1, Math.round(bytes / 1_000.0)) + " KB";
        return String.format(Locale.UK, "%.1f MB", bytes / 1_000_000.0);
    }
}
