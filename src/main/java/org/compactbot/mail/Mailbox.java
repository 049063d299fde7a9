package org.compactbot.mail;

import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import org.compactbot.conversation.EmailAddress;

/** An address and display name taken leniently from an address header. */
record Mailbox(String address, String name) {
    static final Mailbox NONE = new Mailbox("", "");

    static Mailbox first(String raw) {
        if (raw == null || raw.isBlank()) return NONE;
        List<Mailbox> all = parse(raw);
        return all.isEmpty() ? NONE : all.get(0);
    }

    static List<String> addresses(List<String> raws) {
        List<String> out = new ArrayList<>();
        for (String raw : raws) for (Mailbox m : parse(raw)) if (!m.address().isEmpty()) out.add(m.address());
        return out;
    }

    static List<Mailbox> parse(String raw) {
        List<Mailbox> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) return out;
        if (raw.length() > 100_000) raw = raw.substring(0, 100_000);
        // Jakarta Mail's address parser slows down badly on long junk; real address headers are short
        if (raw.length() <= 4_000) try {
            for (InternetAddress a : InternetAddress.parseHeader(raw, false)) {
                String address = a.getAddress() == null ? "" : MailText.clean(a.getAddress());
                if (address.equals("<>")) address = "";
                String personal = a.getPersonal();
                if (personal != null && personal.contains("=?")) personal = EncodedWords.decode(personal);
                out.add(new Mailbox(address, MailText.clean(personal)));
                if (out.size() >= 100) break;
            }
            if (!out.isEmpty()) return out;
        } catch (Exception e) {
            // fall through to the addresses found in the text
        }
        for (String address : EmailAddress.findIn(raw, 100)) out.add(new Mailbox(address, ""));
        if (out.isEmpty()) {
            String name = MailText.clean(EncodedWords.decode(raw.replace("<>", "")));
            out.add(new Mailbox("", name));
        }
        return out;
    }
}
