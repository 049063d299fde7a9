package org.compactbot.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.compactbot.cases.SurveyAnswer.Answer;

/**
 * Where the closing surveys are kept (port): one per case, sent with the closed notice, and the complainant's answers
 * with their comment (personal data: exported, erased and anonymised with the case).
 */
public interface Surveys {
    /** A case's survey: when it was sent, whether it was asked again, and the answers once given (null before). */
    record Survey(String ref, Instant sentAt, boolean reasked, Answer satisfied, Answer outcomeAsAsked, String comment, Instant answeredAt) {
        public boolean answered() {
            return satisfied != null && outcomeAsAsked != null;
        }
    }

    /** Notes that the survey went out with the closed notice; once per case (a second call changes nothing). */
    void sent(String ref, Instant at);

    Optional<Survey> find(String ref);

    /** Keeps the answers (replacing earlier ones) and the comment; answers null keep those given before, if any. */
    void answered(String ref, Answer satisfied, Answer outcomeAsAsked, String comment, Instant at);

    /** Notes that an unreadable reply was answered by asking the questions once more. */
    void reasked(String ref);

    /** Every survey sent, oldest first. */
    List<Survey> all();

    /** No surveys kept (a case service without a database for them sends none). */
    Surveys NONE = new Surveys() {
        public void sent(String ref, Instant at) {}
        public Optional<Survey> find(String ref) { return Optional.empty(); }
        public void answered(String ref, Answer satisfied, Answer outcomeAsAsked, String comment, Instant at) {}
        public void reasked(String ref) {}
        public List<Survey> all() { return List.of(); }
    };
}
