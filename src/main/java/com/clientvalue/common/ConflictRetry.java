package com.clientvalue.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.interceptor.TransactionalInterceptor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every transaction that loses a conflict with a concurrent one (an InnoDB deadlock, a lock wait
 * timeout, or on Galera a certification lost to a write committed on another node) is rolled back
 * whole and run again, up to {@link #ATTEMPTS} times in all, after a short random pause. It applies
 * to every {@code @Transactional} method that starts a transaction (one that joins its caller's is
 * retried with it), so no request fails with a 500 because two nodes wrote the same row at once.
 * A transaction that loses every time gives a 503 (see {@link DatabaseUnavailableHandler}).
 * Transactional methods must therefore keep their effects in the database, as they all do here.
 */
@Singleton
@InterceptorBean(Transactional.class)
public class ConflictRetry implements MethodInterceptor<Object, Object> {
    /** Tries of one transaction in all. */
    public static final int ATTEMPTS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);
    private final TransactionOperations<Connection> transactions;
    private final TransactionalInterceptor transactional;
    private final Counter retries;

    ConflictRetry(TransactionOperations<Connection> transactions, TransactionalInterceptor transactional, MeterRegistry meters) {
        this.transactions = transactions;
        this.transactional = transactional;
        this.retries = Counter.builder("transactions.conflict.retries")
                .description("transactions run again after losing a conflict (a deadlock, a lock wait timeout, a Galera certification)")
                .register(meters);
    }

    @Override
    public int getOrder() {
        // just outside the transaction: each try is a transaction of its own
        return InterceptPhase.TRANSACTION.getPosition() - 5;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (transactions.findTransactionStatus().isPresent()) {
            return transactional.intercept(context); // joins a transaction: whoever started it tries again
        }
        MethodInvocationContext<Object, Object> fromHere = rewinding(context);
        return run(context.getExecutableMethod().toString(), () -> transactional.intercept(fromHere));
    }

    /**
     * Runs a transaction that is not a {@code @Transactional} method (one begun with
     * TransactionOperations) the same way: again, up to {@link #ATTEMPTS} tries, when it loses a conflict.
     */
    public <T> T run(String what, java.util.function.Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !TransientConflict.is(e)) {
                    throw e;
                }
                retries.increment();
                LOG.debug("{} lost a write conflict (try {} of {}), run again: {}", what, attempt, ATTEMPTS, e.getMessage());
                pause(attempt);
            }
        }
    }

    /**
     * The invocation as the transaction interceptor sees it, whose every proceed goes on from just
     * after this interceptor: a plain proceed moves along the chain once only, so a second try would
     * skip what follows. (Binding this interceptor to {@code @Transactional} takes the place of the
     * transaction interceptor's own binding, which is why this one runs it.)
     */
    @SuppressWarnings("unchecked")
    private MethodInvocationContext<Object, Object> rewinding(MethodInvocationContext<Object, Object> context) {
        return (MethodInvocationContext<Object, Object>) Proxy.newProxyInstance(ConflictRetry.class.getClassLoader(),
                new Class<?>[]{MethodInvocationContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("proceed") && (args == null || args.length == 0)) {
                        return context.proceed(this);
                    }
                    try {
                        return method.invoke(context, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A few milliseconds, more after each try, at random so that two losers do not meet again. */
    public static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L * attempt + 3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
