package org.compactbot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal SMTP server on loopback that accepts and counts messages, for `bench` only. */
final class SmtpSink implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger received = new AtomicInteger();
    private final Thread thread;

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "smtp-sink");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int received() {
        return received.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s);
            } catch (IOException e) {
                // a dropped connection or the sink closing
            }
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        reply(out, "220 sink ESMTP");
        for (String line; (line = in.readLine()) != null; ) {
            String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (cmd) {
                case "EHLO", "HELO" -> reply(out, "250 sink");
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    for (String l; (l = in.readLine()) != null && !l.equals("."); ) {
                        // message body: discarded
                    }
                    received.incrementAndGet();
                    reply(out, "250 ok");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
