package vn.unionreview.web;

import java.util.Locale;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.unionreview.SoftwareVersion;
import vn.unionreview.text.Catalogue;

/**
 * What every page shows of the person using it: their name, whether they signed in, and what their role lets them do.
 */
@ControllerAdvice
class ConsoleAdvice {

    @ModelAttribute("user")
    String user() {
        return currentUser();
    }

    @ModelAttribute("signedIn")
    boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    @ModelAttribute("staff")
    boolean staff() {
        return has(ConsoleSecurity.STAFF);
    }

    @ModelAttribute("auditor")
    boolean auditor() {
        return has(ConsoleSecurity.AUDITOR);
    }

    /** The words of messages (upload refusals, recorded reasons) in the page's language. */
    @ModelAttribute("words")
    Catalogue words(Locale locale) {
        return Catalogue.of(locale.getLanguage());
    }

    @ModelAttribute("version")
    String version() {
        return SoftwareVersion.current();
    }

    /**
     * The name recorded with an action: the signed-in user, or the account of the one person at a console without
     * sign-in.
     */
    static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "" : auth.getName();
    }

    private static boolean has(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
