package org.compactbot.web;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.compactbot.app.ChannelEndpoints;
import org.compactbot.config.AppConfig;
import org.compactbot.mail.MailChannel;

/**
 * The web server alone, in its own JVM, for the memory test: the API and inbound mail with tokens set (nothing
 * behind them is reached by a caller without the token). Prints "port N", then, when its standard input closes,
 * "peak-heap-bytes N" (the most heap in use that it saw, sampled every 10 ms) and exits.
 */
public final class BareServer {
    public static void main(String[] args) throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig.Mail mail = new AppConfig.Mail(d.mail().address(), d.mail().smtp(), d.mail().imap(), "", "in-t0ken");
        AppConfig cfg = new AppConfig(new AppConfig.Server(0, AppConfig.RateLimit.OFF, List.of()), new AppConfig.Data(Path.of(args[0])),
                d.knowledge(), new AppConfig.Api("api-t0ken"), d.slack(), mail, d.cases());
        MailChannel unreachable = new MailChannel(null, null, null, null, null, d.mail().address());
        WebServer server = new WebServer(WebServer.Parts.of(cfg, null, null).withMail(ChannelEndpoints.mailInbox(unreachable)));
        server.start();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        System.out.println("port " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test closes our input
        }
        sampler.interrupt();
        System.out.println("peak-heap-bytes " + peak.get());
        System.out.flush();
        server.stop();
        System.exit(0);
    }
}
