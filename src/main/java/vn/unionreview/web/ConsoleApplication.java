package vn.unionreview.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

import vn.unionreview.batch.UnitsSettings;
import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/**
 * The office console: a web application started by {@code serve}. Its context holds the pages, the sign-in and the runs
 * it starts; each run opens the year's own job repository exactly as the command line does
 * ({@link vn.unionreview.year.RunService}), so it has no database of its own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
            "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration"
        })
@ComponentScan
@EnableConfigurationProperties({ConsoleSettings.class, UnitsSettings.class})
public class ConsoleApplication {

    /** The console cannot start as configured (an address it may not serve on as it stands). */
    public static final class RefusedException extends MessageException {
        RefusedException(Message problem) {
            super(problem);
        }
    }

    /** Where the console listens: a host name or address and a port. */
    public record Binding(String host, int port) {

        /** "HOST:PORT", "[v6]:PORT", or ":PORT" for the loopback address. */
        public static Binding parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new RefusedException(Message.of("serve.http_format", "found", text));
            }
            String host = text.substring(0, colon).replace("[", "").replace("]", "");
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new Binding(host.isEmpty() ? "127.0.0.1" : host, port);
            } catch (NumberFormatException e) {
                throw new RefusedException(Message.of("serve.http_port", "found", text.substring(colon + 1)));
            }
        }

        /** Whether only this computer can reach it: then the console may run without sign-in. */
        public boolean loopback() {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }

    /**
     * Starts the console on {@code binding}, serving the years under {@code input} and {@code output}.
     *
     * @throws RefusedException when it would be reachable from other computers with no users configured
     */
    public static ConfigurableApplicationContext start(Binding binding, Path input, Path output, String... args) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.address", binding.host());
        properties.put("server.port", binding.port());
        properties.put(
                "union-review.web.input-dir", input.toAbsolutePath().normalize().toString());
        properties.put(
                "union-review.web.output-dir",
                output.toAbsolutePath().normalize().toString());
        properties.put("union-review.web.loopback", binding.loopback());
        // Tomcat counts every form field and file as a part; one upload may bring union-review.web.upload.files files:
        // the limit is ten times that (the digit 0 appended), room for the form's own fields
        properties.put("server.tomcat.max-part-count", "${union-review.web.upload.files:1000}0");
        // a file over union-review.web.upload.file-size is refused by Uploads, with its name, while the others are
        // taken
        properties.put("spring.servlet.multipart.max-file-size", "-1");
        properties.put("spring.servlet.multipart.max-request-size", "${union-review.web.upload.request-size:2GB}");
        // the session cookie never goes to another site, nor over plain HTTP beyond this computer (put TLS in front:
        // README)
        properties.put("server.servlet.session.cookie.same-site", "strict");
        properties.put("server.servlet.session.cookie.secure", !binding.loopback());
        // behind a TLS proxy the request is secure as the proxy says (X-Forwarded-Proto), so the Secure cookie is sent
        properties.put("server.forward-headers-strategy", "native");
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .logStartupInfo(false)
                .properties(properties)
                .run(args);
    }
}
