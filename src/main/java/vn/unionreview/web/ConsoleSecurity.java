package vn.unionreview.web;

import java.io.IOException;
import java.time.Clock;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.unionreview.text.Message;

/**
 * Who may do what. With users configured, everyone signs in (form login, CSRF on every form) and their role decides:
 * staff upload, run and publish, auditors verify, everyone signed in reads. Without users the console serves one person
 * on their own computer, and only on the loopback address: it refuses to start on any other.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String STAFF = ConsoleSettings.Role.STAFF.name();
    static final String AUDITOR = ConsoleSettings.Role.AUDITOR.name();

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ConsoleSettings settings) throws Exception {
        if (settings.users().isEmpty() && !settings.loopback()) {
            throw new ConsoleApplication.RefusedException(Message.of("serve.no_users"));
        }
        boolean signIn = !settings.users().isEmpty();
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/login", "/console.css", "/console.js", "/error")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/years/*/runs/*/verify")
                    .hasRole(AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/years/**")
                    .hasRole(STAFF);
            if (signIn) {
                requests.anyRequest().authenticated();
            } else {
                requests.anyRequest().permitAll();
            }
        });
        if (!signIn) {
            http.addFilterBefore(new LoopbackHostFilter(), SecurityContextHolderFilter.class);
            // one person at their own computer: they are every role, under their account's name
            http.anonymous(anonymous -> anonymous
                    .principal(LocalUser.name())
                    .authorities(role(STAFF), role(ConsoleSettings.Role.LEADER.name()), role(AUDITOR)));
        } else {
            LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
            http.formLogin(login -> login.loginPage("/login")
                            .successHandler(throttle.onSuccess())
                            .failureHandler(throttle.onFailure())
                            .permitAll())
                    .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                    .anonymous(anonymous -> anonymous.disable())
                    .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
        }
        http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new Refusal(settings.loopback())));
        http.addFilterAfter(new EagerCsrfToken(), CsrfFilter.class);
        http.headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self';"
                                + " script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService consoleUsers(ConsoleSettings settings) {
        for (int i = 0; i < settings.users().size(); i++) {
            ConsoleSettings.User u = settings.users().get(i);
            String where = "union-review.web.users[" + i + "]";
            if (u.name() == null || u.name().isBlank()) {
                throw new ConsoleApplication.RefusedException(Message.of("serve.user_name", "where", where));
            }
            if (u.password() == null || !u.password().matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new ConsoleApplication.RefusedException(Message.of("serve.user_password", "where", where));
            }
            if (u.role() == null) {
                throw new ConsoleApplication.RefusedException(Message.of("serve.user_role", "where", where));
            }
        }
        return new InMemoryUserDetailsManager(settings.users().stream()
                .map(u -> User.withUsername(u.name())
                        .password(u.password())
                        .roles(u.role().name())
                        .build())
                .toList());
    }

    private static String role(String name) {
        return "ROLE_" + name;
    }

    /**
     * Without sign-in, only requests addressed to this computer by name are answered: a web page elsewhere that points
     * its own host name at 127.0.0.1 (DNS rebinding) gets nothing, not even a CSRF token to reuse.
     */
    static final class LoopbackHostFilter extends OncePerRequestFilter {

        private static final Pattern LOOPBACK_HOST =
                Pattern.compile("localhost|127\\.[0-9.]+|\\[::1]|::1", Pattern.CASE_INSENSITIVE);

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // the name the request was addressed to (the Host header, without its port)
            if (!LOOPBACK_HOST.matcher(request.getServerName()).matches()) {
                response.sendError(421, "This console answers only at 127.0.0.1 or localhost");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** What the error page says of a request turned away (ConsoleErrors shows it). */
    static final String REFUSAL = "union-review.refusal";

    /**
     * Why a request is turned away, in words the person can act on: a form whose page expired (its CSRF token is no
     * longer the session's: reload), a sign-in over plain HTTP from another computer (the session cookie is only sent
     * over HTTPS, so the form can never match: put TLS in front), or a role that may not do this.
     */
    static final class Refusal implements AccessDeniedHandler {
        private final boolean loopback;

        Refusal(boolean loopback) {
            this.loopback = loopback;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                throws IOException {
            String reason = !(denied instanceof CsrfException)
                    ? "forbidden"
                    : !loopback && !request.isSecure() ? "tlsNeeded" : "expired";
            request.setAttribute(REFUSAL, reason);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /**
     * The form token is made (and the session that keeps it) before a page is written: a long page, such as a national
     * run's, is already partly sent when its first form asks for the token, and a session can no longer be started
     * then; the page was cut off there.
     */
    static final class EagerCsrfToken extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    /** The name recorded for the one person of a console without sign-in: their account on this computer. */
    static final class LocalUser {
        private LocalUser() {}

        static String name() {
            return System.getProperty("user.name", "local") + " (local)";
        }
    }
}
