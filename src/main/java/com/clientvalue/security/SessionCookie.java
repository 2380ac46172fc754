package com.clientvalue.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * The console's session cookie: HttpOnly (no script reads it), SameSite=Lax, Secure when
 * {@code console.session.secure-cookie} is set (do so behind TLS). Read as a token by Micronaut
 * Security like a bearer header; {@link SessionTokenValidator} turns it into the person's roles.
 */
@Singleton
public class SessionCookie implements TokenReader<HttpRequest<?>> {
    public static final String NAME = "cv_session";
    private final boolean secure;

    SessionCookie(@Value("${console.session.secure-cookie:false}") boolean secure) {
        this.secure = secure;
    }

    /** The session opens console pages only: the API is for bearer tokens, so a browser's cookie never acts on it. */
    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!request.getPath().startsWith(AuthorizationProblems.CONSOLE)) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> v.startsWith(ConsoleSessions.PREFIX));
    }

    /** The cookie that carries a newly opened session. */
    public Cookie open(String sessionId, Duration maxAge) {
        return Cookie.of(NAME, sessionId).httpOnly(true).secure(secure).sameSite(SameSite.Lax).path("/").maxAge(maxAge);
    }

    /** The cookie that removes the session from the browser. */
    public Cookie clear() {
        return Cookie.of(NAME, "").httpOnly(true).secure(secure).sameSite(SameSite.Lax).path("/").maxAge(0);
    }

    @Override
    public int getOrder() {
        // after the bearer header: an API call with a token is judged by its token
        return 10;
    }
}
