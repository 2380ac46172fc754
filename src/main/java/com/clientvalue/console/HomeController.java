package com.clientvalue.console;

import com.clientvalue.security.ConsoleSessions;
import com.clientvalue.security.SessionCookie;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The console's entrance: {@code /} leads a newcomer to the sign-in page (or home when signed in),
 * sign-in opens a session from a token typed once (sent in the form body, never in a URL), sign-out
 * ends it, and the language switch remembers the choice in a cookie.
 */
@Hidden
@Controller
class HomeController {
    private final ConsoleSessions sessions;
    private final SessionCookie cookie;
    private final ConsoleUi ui;

    HomeController(ConsoleSessions sessions, SessionCookie cookie, ConsoleUi ui) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.ui = ui;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> root(@Nullable Authentication person) {
        return HttpResponse.seeOther(URI.create(person == null ? "/console/sign-in" : "/console"));
    }

    @Get(value = "/console", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ModelAndView<Map<String, Object>> home(HttpRequest<?> request, Authentication person) {
        return new ModelAndView<>("console/home", Map.of("ui", ui.of(request, person, "home")));
    }

    @Get(value = "/console/sign-in", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signInPage(HttpRequest<?> request, @Nullable Authentication person, @QueryValue Optional<String> reason) {
        if (person != null && person.getAttributes().containsKey("csrfToken")) {
            return HttpResponse.seeOther(URI.create("/console"));
        }
        return HttpResponse.ok(signInView(request, reason.filter(r -> r.equals("signed-out")).map(r -> "signin.signedOut").orElse(null)));
    }

    @Post(value = "/console/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body("token") @Nullable String token) {
        if (!sameOrigin(request)) {
            // the sign-in form has no session to carry a CSRF token: a form posted from another site is refused
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(signInView(request, "signin.crossSite"));
        }
        return sessions.open(token)
                .<HttpResponse<?>>map(opened -> HttpResponse.seeOther(URI.create("/console"))
                        .cookie(cookie.open(opened.sessionId(), sessions.maxAge())))
                .orElseGet(() -> HttpResponse.status(HttpStatus.UNAUTHORIZED).body(signInView(request, "signin.unknownToken")));
    }

    @Post(value = "/console/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> signOut(HttpRequest<?> request) {
        cookie.findToken(request).ifPresent(sessions::end);
        return HttpResponse.seeOther(URI.create("/console/sign-in?reason=signed-out")).cookie(cookie.clear());
    }

    /** Switches the language and goes back to the page the switch was on (a console page only). */
    @Get("/console/language")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> language(@QueryValue String to, @QueryValue Optional<String> back) {
        String language = ConsoleMessages.supported(java.util.Locale.forLanguageTag(to)).getLanguage();
        String target = back.filter(b -> b.startsWith("/console") && !b.startsWith("//") && !b.contains("\\")).orElse("/console");
        MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create(target));
        return response.cookie(Cookie.of("cv_lang", language).path("/").sameSite(SameSite.Lax).maxAge(Duration.ofDays(365)));
    }

    private ModelAndView<Map<String, Object>> signInView(HttpRequest<?> request, @Nullable String message) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("ui", ui.of(request, null, "sign-in"));
        model.put("message", message);
        return new ModelAndView<>("console/sign-in", model);
    }

    /** A browser says where a form comes from (Origin, else Sec-Fetch-Site); either must be this service. */
    private static boolean sameOrigin(HttpRequest<?> request) {
        Optional<String> fetchSite = request.getHeaders().get("Sec-Fetch-Site", String.class);
        if (fetchSite.isPresent() && !fetchSite.get().equals("same-origin") && !fetchSite.get().equals("none")) {
            return false;
        }
        Optional<String> origin = request.getHeaders().get("Origin", String.class);
        if (origin.isEmpty() || origin.get().equals("null")) {
            return origin.isEmpty();
        }
        String host = request.getHeaders().get("Host", String.class).orElse("");
        URI from = URI.create(origin.get());
        String fromHost = from.getPort() < 0 ? from.getHost() : from.getHost() + ":" + from.getPort();
        return fromHost.equalsIgnoreCase(host);
    }
}
