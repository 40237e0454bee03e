package vn.unionreview.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;

/** The sign-in page, when users are configured; Spring Security checks the form it posts. */
@Controller
class LoginController {

    private final boolean loopback;

    LoginController(ConsoleSettings settings) {
        this.loopback = settings.loopback();
    }

    /** The sign-in form; over plain HTTP from another computer it says first that sign-in needs HTTPS. */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("plainHttp", !loopback && !request.isSecure());
        return "login";
    }
}
