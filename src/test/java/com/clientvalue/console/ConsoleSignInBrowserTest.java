package com.clientvalue.console;

import com.clientvalue.TestBearer;
import com.clientvalue.TestTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in and out in a real browser: the session cookie, roles, CSRF, expiry, languages. */
@MicronautTest(transactional = false)
class ConsoleSignInBrowserTest extends BrowserTest {
    @Test
    void aNewcomerOpeningTheServiceSeesTheSignInPageAndSignsInWithAToken() {
        browser.driver().manage().deleteAllCookies();
        browser.go("/");
        assertEquals("/console/sign-in", browser.path());
        assertTrue(browser.text("h1").contains("Sign in"));
        browser.screenshot("sign-in");

        String analyst = TestTokens.token(http.toBlocking(), "console-analyst", "ANALYST");
        browser.signIn(analyst);
        assertEquals("/console", browser.path());
        assertTrue(browser.text("h1").contains("console-analyst"));
        Cookie session = browser.driver().manage().getCookieNamed("cv_session");
        assertNotNull(session);
        assertTrue(session.isHttpOnly(), "the session cookie is out of reach of scripts");
        assertEquals("Lax", session.getSameSite());
        assertFalse(session.getValue().contains(analyst), "the cookie carries a session id, not the token");
        assertFalse(browser.driver().getCurrentUrl().contains(analyst));
        // an analyst sees the rules and the portfolio, not the audit
        assertFalse(browser.all("nav a[href='/console/rules']").isEmpty());
        assertTrue(browser.all("nav a[href='/console/audit']").isEmpty());
        java.util.List<String> errors = browser.severeLogs();
        assertTrue(errors.isEmpty(), () -> "the page logged errors: " + errors);
        browser.screenshot("home-analyst");

        browser.signOut();
        assertTrue(browser.text("[role=alert], .problem, p").length() > 0);
        browser.go("/console");
        assertEquals("/console/sign-in", browser.path(), "after sign-out the session no longer opens pages");
    }

    @Test
    void aWrongTokenIsRefusedWithAnExplanation() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn("cd_not-a-token");
        assertEquals("/console/sign-in", browser.path().replaceAll("\\?.*", ""));
        assertTrue(browser.text("#sign-in-problem").contains("unknown or has been revoked"));
        assertTrue(browser.find("#token").getAttribute("aria-invalid").equals("true"));
        browser.screenshot("sign-in-refused");
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefused() {
        String session = sessionOf(TestTokens.token(http.toBlocking(), "console-csrf", "ANALYST"));
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/console/sign-out?csrfToken=.forged", "csrfToken=.forged").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .cookie(io.micronaut.http.cookie.Cookie.of("cv_session", session)).header(TestBearer.ANONYMOUS, "yes")));
        assertEquals(403, refused.getStatus().getCode());
        assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("Nothing was changed"), "the page says why");
        // the session is still open: the forged form changed nothing
        HttpResponse<String> home = http.toBlocking().exchange(HttpRequest.GET("/console")
                .cookie(io.micronaut.http.cookie.Cookie.of("cv_session", session)).header(TestBearer.ANONYMOUS, "yes"), String.class);
        assertEquals(200, home.getStatus().getCode());
    }

    @Test
    void aFormTooLargeForTheConsoleIsRefusedWithAnExplanationAndASmallOneGoesThrough() throws Exception {
        // micronaut-security#1984: the CSRF filter failed with a 500 on a form body read in several pieces
        String token = TestTokens.token(http.toBlocking(), "console-large-form", "ANALYST");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (int padding : new int[]{200_000, 7_000}) {
            String session = sessionOf(token);
            String home = client.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/console"))
                    .header("Cookie", "cv_session=" + session).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(home);
            assertTrue(csrf.find());
            String body = "padding=" + "x".repeat(padding) + "&csrfToken="
                    + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);
            // as the console's script sends a form: the token in the action's query as well
            java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/console/sign-out?csrfToken="
                            + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Cookie", "cv_session=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (padding > 8192) {
                assertEquals(413, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("at most 8 KB"), answer.body());
            } else {
                assertEquals(303, answer.statusCode(), answer.body());
                assertEquals("/console/sign-in?reason=signed-out", answer.headers().firstValue("Location").orElse(""));
            }
        }
    }

    @Test
    void refusalPagesSpeakTheLanguageOfTheirReader() throws Exception {
        String session = sessionOf(TestTokens.token(http.toBlocking(), "console-refusals-crm", "CRM"));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String language : new String[]{"it-IT,it;q=0.9", "en-GB,en;q=0.9"}) {
            boolean italian = language.startsWith("it");
            java.net.http.HttpResponse<String> forbidden = client.send(java.net.http.HttpRequest.newBuilder(server.getURI()
                            .resolve("/console/audit")).header("Cookie", "cv_session=" + session).header("Accept-Language", language).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(403, forbidden.statusCode());
            assertTrue(forbidden.body().contains(italian ? "<html lang=\"it\">" : "<html lang=\"en\">"), forbidden.body());
            assertTrue(forbidden.body().contains(italian ? "<h1>Non consentito</h1>" : "<h1>Not allowed</h1>"), forbidden.body());
            assertTrue(forbidden.body().contains(italian ? "richiede uno dei ruoli AUDITOR" : "needs one of the roles AUDITOR"),
                    forbidden.body());

            java.net.http.HttpResponse<String> stale = client.send(java.net.http.HttpRequest.newBuilder(server.getURI()
                            .resolve("/console/sign-out?csrfToken=forged")).header("Cookie", "cv_session=" + session)
                    .header("Accept-Language", language).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrfToken=forged")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(403, stale.statusCode());
            assertTrue(stale.body().contains(italian ? "Non \u00e8 stato cambiato nulla" : "Nothing was changed"), stale.body());

            // the sender is still writing its body when the refusal comes: it receives the page every time
            for (int attempt = 0; attempt < 20; attempt++) {
                java.net.http.HttpResponse<String> large = client.send(java.net.http.HttpRequest.newBuilder(server.getURI()
                                .resolve("/console/sign-out")).header("Cookie", "cv_session=" + session).header("Accept-Language", language)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("padding=" + "x".repeat(20_000))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(413, large.statusCode());
                assertTrue(large.body().contains(italian ? "al massimo 8 KB; questo ne conteneva 19 KB" : "at most 8 KB; this one held 19 KB"),
                        large.body());
            }
        }
        // the language switch's cookie wins over the browser's language, as on every page
        java.net.http.HttpResponse<String> chosen = client.send(java.net.http.HttpRequest.newBuilder(server.getURI()
                        .resolve("/console/audit")).header("Cookie", "cv_session=" + session + "; cv_lang=it")
                .header("Accept-Language", "en-GB").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(chosen.body().contains("<h1>Non consentito</h1>"), chosen.body());
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        String token = TestTokens.token(http.toBlocking(), "console-cross", "ANALYST");
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/console/sign-in", "token=" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Origin", "https://attacker.example").header(TestBearer.ANONYMOUS, "yes")));
        assertEquals(403, refused.getStatus().getCode());
        assertFalse(refused.getResponse().getHeaders().getAll("Set-Cookie").stream().anyMatch(c -> c.startsWith("cv_session=cs_")));
    }

    @Test
    void anIdleSessionExpiresAndARevokedTokenEndsItsSessions() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "console-idle", "AUDITOR"));
        assertEquals("/console", browser.path());
        // an hour without a request (the idle timeout is 30 minutes)
        db.execute("UPDATE console_session s JOIN api_token t ON t.id = s.token_id SET s.last_seen_at = NOW(6) - INTERVAL 1 HOUR"
                + " WHERE t.name = 'console-idle'");
        browser.go("/console");
        assertEquals("/console/sign-in", browser.path());

        String revoked = TestTokens.token(http.toBlocking(), "console-revoked", "AUDITOR");
        browser.signIn(revoked);
        assertEquals("/console", browser.path());
        http.toBlocking().exchange(HttpRequest.DELETE("/api/tokens/console-revoked"));
        browser.go("/console");
        assertEquals("/console/sign-in", browser.path(), "a revoked token's session closes with it");
    }

    @Test
    void theSessionIdIsNoBearerTokenAndTheSessionCookieOpensNoApi() {
        String session = sessionOf(TestTokens.token(http.toBlocking(), "console-bearer", "ANALYST"));
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/rules/versions").bearerAuth(session)));
        assertEquals(401, refused.getStatus().getCode());
        // the browser's cookie on an API path (a page of another site making the browser call the API, say)
        HttpClientResponseException cookieOnly = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/rules/versions").cookie(io.micronaut.http.cookie.Cookie.of("cv_session", session))
                        .header(TestBearer.ANONYMOUS, "yes")));
        assertEquals(401, cookieOnly.getStatus().getCode());
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/console").cookie(io.micronaut.http.cookie.Cookie.of("cv_session", session))
                .header(TestBearer.ANONYMOUS, "yes"), String.class).getStatus().getCode());
    }

    @Test
    void theConsoleSpeaksItalianToAnItalianBrowserAndSwitchesOnRequest() {
        try (Browser italian = Browser.open(server.getURI(), "it-IT")) {
            italian.go("/console/sign-in");
            assertEquals("it", italian.find("html").getAttribute("lang"));
            assertTrue(italian.text("h1").contains("Accedi"));
            italian.screenshot("sign-in-it");
            italian.find("a.lang[lang=en]").click();
            italian.waitUntil(d -> italian.text("h1").contains("Sign in"));
            assertEquals("en", italian.find("html").getAttribute("lang"));
        }
    }

    @Test
    void pagesForbidInlineScriptAndAreNeverCached() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/console/sign-in").header(TestBearer.ANONYMOUS, "yes"), String.class);
        String policy = page.getHeaders().get("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertEquals("no-store", page.getHeaders().get("Cache-Control"));
        assertFalse(page.body().contains("<script>"), "no inline script on the page");
    }

    /** Opens a session through the sign-in form and returns its id, as the browser would keep it (no redirect followed). */
    private String sessionOf(String token) {
        try {
            java.net.http.HttpResponse<Void> signedIn = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(server.getURI().resolve("/console/sign-in")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertEquals(303, signedIn.statusCode());
            return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cv_session="))
                    .map(c -> c.substring("cv_session=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
