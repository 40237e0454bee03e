package vn.unionreview.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-in attempts slowed after repeated failures: after {@value #FREE} wrong passwords for one user name, or from one
 * address, each further attempt must wait, twice as long after each failure (1 s, 2 s, 4 s … at most 15 minutes), and
 * an attempt made before then is turned away unchecked. A right password clears its user's count. Failures older than
 * an hour are forgotten.
 */
final class LoginThrottle {

    static final int FREE = 5;
    private static final Duration LONGEST = Duration.ofMinutes(15);
    private static final Duration FORGOTTEN = Duration.ofHours(1);
    private static final int KEPT = 10_000;

    private record Failures(int count, Instant last, Instant blockedUntil) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until the user name or address may try again; 0 when it may now. */
    long waitSeconds(String user, String address) {
        Instant now = clock.instant();
        long wait = 0;
        for (String key : new String[] {"user:" + user, "address:" + address}) {
            Failures f = failures.get(key);
            if (f != null && f.blockedUntil().isAfter(now)) {
                wait = Math.max(wait, Duration.between(now, f.blockedUntil()).toSeconds() + 1);
            }
        }
        return wait;
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > KEPT) {
            failures.values().removeIf(f -> f.last().plus(FORGOTTEN).isBefore(now));
        }
        for (String key : new String[] {"user:" + user, "address:" + address}) {
            failures.compute(key, (k, f) -> {
                int count = f == null || f.last().plus(FORGOTTEN).isBefore(now) ? 1 : f.count() + 1;
                Duration wait = count < FREE ? Duration.ZERO : Duration.ofSeconds(1L << Math.min(count - FREE, 20));
                return new Failures(count, now, now.plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait));
            });
        }
    }

    void succeeded(String user) {
        failures.remove("user:" + user);
    }

    /** Turns away a sign-in attempt that must still wait, before its password is checked. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod())
                        && "/login"
                                .equals(request.getRequestURI()
                                        .substring(request.getContextPath().length())));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long wait = waitSeconds(String.valueOf(request.getParameter("username")), request.getRemoteAddr());
                if (wait > 0) {
                    response.sendRedirect(request.getContextPath() + "/login?wait=" + wait);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    AuthenticationFailureHandler onFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            failed(String.valueOf(request.getParameter("username")), request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    AuthenticationSuccessHandler onSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            succeeded(authentication.getName());
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
