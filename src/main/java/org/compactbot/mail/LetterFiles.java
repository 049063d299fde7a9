package org.compactbot.mail;

import java.util.List;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.conversation.LetterDocument;
import org.compactbot.conversation.TurnResult;

/** The early-resolution letters a turn gave, as Word attachments of the email that answers it (the text is in the body). */
final class LetterFiles {
    private LetterFiles() {}

    static List<OutgoingEmail.Attachment> of(TurnResult turn) {
        return turn.replies().stream().flatMap(r -> r.givesLetter().stream())
                .map(l -> OutgoingEmail.Attachment.file(l.fileName(), LetterDocument.TYPE, LetterDocument.docx(l))).toList();
    }
}
