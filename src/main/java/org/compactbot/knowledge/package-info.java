/**
 * What the Compacts say, and answering questions from them. Imports no channel, web, store or CLI code.
 *
 * <h2>From files to passages (when the index is built)</h2>
 * <ol>
 *   <li>{@link org.compactbot.knowledge.CorpusLoader} walks {@code index-data/}: the area is the first folder
 *       ({@link org.compactbot.knowledge.CorpusLoader#NO_AREA} outside one); {@code thesaurus.txt},
 *       {@code off-topic.txt} and {@code *.questions.md} side files are read alongside.</li>
 *   <li>Annotated Markdown (front matter, {@code >} glosses, {@code > Q:} questions) goes straight to
 *       {@link org.compactbot.knowledge.MarkdownCompactParser}. Anything else is text first:
 *       {@link org.compactbot.knowledge.TextExtractor} turns PDF (font sizes, bold) and Word (heading styles) into
 *       marked-up lines (Apache Tika), and {@link org.compactbot.knowledge.RawCompactReader} writes annotated-format
 *       Markdown that the same parser reads: {@code PageFurniture} leaves page numbers, rules, contents lists and
 *       running headers out; {@code ContactBlocks} takes the contact block out as the document's contact;
 *       {@code PassageAssembler} joins wrapped lines and finds lists with their lead-ins, numbered refs, parties and the
 *       glossary, asking {@code RawHeadings} which lines are headings; {@code RawBlock} writes the result. What each
 *       left-out line was ({@code LeftOut}) and the whole reading are printed by {@code index --explain FILE}.</li>
 *   <li>{@link org.compactbot.knowledge.ExampleQuestions} adds an operator's side-file questions;
 *       {@link org.compactbot.knowledge.KnowledgeTransfer} lets a passage nobody annotated borrow the gloss and
 *       questions of one in another document whose wording is close ({@link org.compactbot.knowledge.Inherited},
 *       search only, never shown).</li>
 *   <li>{@link org.compactbot.knowledge.KnowledgeIndex} writes Lucene: BM25 fields, and vectors from the bundled model
 *       ({@link org.compactbot.knowledge.BgeEmbedder}, cached by text in {@link org.compactbot.knowledge.EmbeddingCache})
 *       for each passage's wording (subject heading, party, item without its shared lead-in: {@link
 *       org.compactbot.knowledge.LeadIns}), its gloss view, each example question and each off-topic line.</li>
 * </ol>
 *
 * <h2>From a question to an answer</h2>
 * {@link org.compactbot.knowledge.AnswerService#ask} detects the area ({@link org.compactbot.knowledge.AreaDetector}),
 * answers contact questions from the contact block ({@link org.compactbot.knowledge.ContactQuestion}), else asks
 * {@link org.compactbot.knowledge.Retriever} (BM25 beside the question's embedding, three vector searches, hops through
 * annotated example questions), puts a named area's own passages first, decides whether to answer
 * ({@link org.compactbot.knowledge.AnswerService.Abstention}), picks other Compacts that say the same, and records
 * weak answers as {@link org.compactbot.knowledge.KnowledgeGaps} (text scrubbed by {@link
 * org.compactbot.knowledge.GapText}). The result is an {@link org.compactbot.knowledge.Answer}; channels lay it out
 * with {@link org.compactbot.knowledge.AnswerFormatter} (or {@link org.compactbot.knowledge.AnswerJson} for
 * {@code ask --json} and the API).
 *
 * <h2>Where to add</h2>
 * A document format: {@link org.compactbot.knowledge.TextExtractor} (Tika to marked-up text, with the file's
 * extension in {@code CorpusLoader}) and a test with a generated file. A structure the reader misses: the class of
 * {@code RawCompactReader}'s that owns that job (a heading style in {@code RawHeadings}, furniture in
 * {@code PageFurniture}, lists and glossaries in {@code PassageAssembler}) and a case in {@code RawCompactReaderTest},
 * then compare {@code index --explain} on every raw text before and after. A retrieval
 * signal: {@link org.compactbot.knowledge.Retriever}, measured with {@code byoc.py}, {@code score.py} and
 * {@code ByocEvaluationTest} (README, "Quality and performance, measured").
 */
package org.compactbot.knowledge;
