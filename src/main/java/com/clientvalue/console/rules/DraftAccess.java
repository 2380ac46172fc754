package com.clientvalue.console.rules;

import com.clientvalue.console.ConsoleUi;
import com.clientvalue.console.Ui;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.function.BiFunction;

/** Opens a draft for its owner only: anyone else (or a draft that is gone) gets the not-found page. */
@Singleton
class DraftAccess {
    private final Drafts drafts;
    private final ConsoleUi ui;

    DraftAccess(Drafts drafts, ConsoleUi ui) {
        this.drafts = drafts;
        this.ui = ui;
    }

    HttpResponse<?> page(HttpRequest<?> request, Authentication person, long id, BiFunction<Ui, Draft, HttpResponse<?>> page) {
        Ui view = ui.of(request, person, "rules");
        return drafts.find(id, person.getName()).<HttpResponse<?>>map(draft -> page.apply(view, draft))
                .orElseGet(() -> RulesPages.notFound(view));
    }
}
