package org.compactbot.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's log encoder (see logback.xml): a line of text, or with {@code LOG_FORMAT=json} one JSON
 * object per line ({@code ts, level, logger, thread, message}, the MDC keys such as {@code request_id} and
 * {@code conversation_id}, and {@code exception}). Either way every secret is masked by {@link SecretRedactor}.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DEFAULT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20}%replace( [%X{request_id}]){' \\[\\]', ''} - %msg%n";

    private String format = "text";
    private String pattern = DEFAULT_PATTERN;
    private boolean json;
    private PatternLayout layout;

    /** "text" (default) or "json"; anything else is reported once and taken as text. */
    public void setFormat(String format) {
        this.format = format == null ? "text" : format.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        json = format.equals("json");
        if (!json && !format.equals("text") && !format.isEmpty()) {
            System.err.println("warning: LOG_FORMAT=" + format + " is not known (use text or json); logging as text");
        }
        if (!json) {
            layout = new PatternLayout();
            layout.setContext(getContext());
            layout.setPattern(pattern);
            layout.start();
        }
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = json ? json(event) : SecretRedactor.redact(layout.doLayout(event));
        return line.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(ILoggingEvent e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ts", e.getInstant().toString());
        o.put("level", e.getLevel().toString());
        o.put("logger", e.getLoggerName());
        o.put("thread", e.getThreadName());
        o.put("message", SecretRedactor.redact(e.getFormattedMessage()));
        new TreeMap<>(e.getMDCPropertyMap()).forEach((k, v) -> {
            if (!o.containsKey(k)) o.put(k, SecretRedactor.redact(v));
        });
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) o.put("exception", SecretRedactor.redact(ThrowableProxyUtil.asString(t)));
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException ex) {
            return "{\"level\":\"ERROR\",\"message\":\"log line could not be written as JSON\"}\n";
        }
    }
}
