/**
 * The command line (picocli): {@link org.compactbot.cli.CompactBotCommand} is the top command and holds the options
 * every command shares ({@code --config}, else {@code COMPACT_BOT_CONFIG}); each subcommand is one class named for it
 * ({@code ServeCommand}, {@code AskCommand}, {@code ChatCommand}, {@code IndexCommand}, {@code CasesCommand},
 * {@code KnowledgeCommand}, {@code MailCommand}, {@code BackupCommand}, {@code BenchCommand}; {@code cases publish} and
 * {@code cases unpublish} in {@code PublishCommands}).
 *
 * <p>Commands parse arguments, build what they need through {@code org.compactbot.app}, and print; they hold no domain
 * rules. Their names, options and output ({@code ask --json}, {@code chat --json}, {@code mail parse}) are contracts
 * (the shared ARCHITECTURE.md). Results go to stdout and logs to stderr, except {@code serve}, whose logs go to stdout.
 * A failure gets one sentence on stderr ({@code CompactBotCommand.userMessage}: "error: ...", exit code 2 for a
 * config or argument mistake, 1 otherwise), never a stack trace. {@code cases digest} ({@code DigestCommand}) previews the weekly digests and sends nothing.
 * {@code bench} ({@code BenchCommand}, {@code ChannelBench}, {@code BenchPostgres}, {@code DigestBench} for {@code --only digest}, {@code PagesBench} for {@code --only pages})
 * prints the performance figures the README quotes.
 */
package org.compactbot.cli;
