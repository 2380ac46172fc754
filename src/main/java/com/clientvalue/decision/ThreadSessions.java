package com.clientvalue.decision;

import com.clientvalue.rules.RuleBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Each thread's emptied sessions of the few rule versions it evaluated last (an impact preview
 * alternates two), only for rule bases whose compile-time check allows reuse
 * ({@link RuleBase#sessionReuse()}). A session belongs to one thread and serves one evaluation at a
 * time; after each it is emptied, and one that does not come out empty is disposed, never reused.
 * A session is kept through a weak reference to its RuleBase: once nothing else holds that version,
 * the thread disposes the session at its next evaluation.
 */
final class ThreadSessions {
    static final int KEPT_PER_THREAD = 4;
    private static final ThreadLocal<List<Held>> OF_THREAD = ThreadLocal.withInitial(() -> new ArrayList<>(KEPT_PER_THREAD));

    private ThreadSessions() {
    }

    /** One kept session with its listener. */
    static final class Held {
        private final WeakReference<RuleBase> ruleBase;
        final KieSession session;
        final OutcomeRecorder recorder = new OutcomeRecorder();
        private boolean busy;

        private Held(RuleBase ruleBase) {
            this.ruleBase = new WeakReference<>(ruleBase);
            KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
            conf.setOption(ThreadSafeOption.NO); // confined to this thread: no locks around the agenda
            this.session = ruleBase.kieBase().newKieSession(conf, null);
            session.addEventListener((AgendaEventListener) recorder);
            session.addEventListener((RuleRuntimeEventListener) recorder);
        }

        /**
         * Deletes every fact, inputs and outcomes, and lets the deletions settle. True when the
         * session is as empty as a new one: no fact left and no rule fired on the way (a rule that
         * fires on the absence of facts, which the compile-time check should have refused).
         */
        boolean empty() {
            // the recorder does not need to hear of the deletions; without it they raise no events
            session.removeEventListener((RuleRuntimeEventListener) recorder);
            try {
                for (FactHandle handle : session.getFactHandles().toArray(new FactHandle[0])) {
                    session.delete(handle);
                }
                return session.fireAllRules() == 0 && session.getFactCount() == 0;
            } finally {
                session.addEventListener((RuleRuntimeEventListener) recorder);
            }
        }
    }

    /** This thread's session for the rule base, emptied; null when reuse is not allowed or the session is in use. */
    static Held take(RuleBase ruleBase) {
        if (!ruleBase.sessionReuse().allowed()) {
            return null;
        }
        List<Held> held = OF_THREAD.get();
        Held found = null;
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            Held candidate = it.next();
            RuleBase of = candidate.ruleBase.get();
            if (of == ruleBase) {
                found = candidate;
            } else if (of == null && !candidate.busy) {
                it.remove();
                candidate.session.dispose();
            }
        }
        if (found != null && found.busy) {
            return null; // an evaluation within an evaluation on this thread: it gets a session of its own
        }
        if (found == null) {
            found = new Held(ruleBase);
            while (held.size() >= KEPT_PER_THREAD && evictLeastRecent(held)) {
                // the least recently used idle session goes
            }
        } else {
            held.remove(found);
        }
        held.add(0, found); // most recently used first
        found.busy = true;
        return found;
    }

    /** Gives the session back after an evaluation; one not emptied is disposed. */
    static void giveBack(Held held, boolean emptied) {
        held.busy = false;
        if (!emptied) {
            OF_THREAD.get().remove(held);
            held.session.dispose();
        }
    }

    /** Whether this thread keeps an emptied session of the rule base (what tests check reuse with). */
    static boolean keeps(RuleBase ruleBase) {
        return OF_THREAD.get().stream().anyMatch(held -> held.ruleBase.get() == ruleBase);
    }

    private static boolean evictLeastRecent(List<Held> held) {
        for (int i = held.size() - 1; i >= 0; i--) {
            if (!held.get(i).busy) {
                held.remove(i).session.dispose();
                return true;
            }
        }
        return false;
    }
}
