package com.clientvalue.audit;

import com.clientvalue.security.TokenChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Writes token changes into the admin log; security announces them so it need not know the audit. */
@Singleton
class TokenChangeLog {
    private final AdminLog log;

    TokenChangeLog(AdminLog log) {
        this.log = log;
    }

    @EventListener
    void on(TokenChanged change) {
        log.record(change.actor(), change.action(), change.name(), change.detail());
    }
}
