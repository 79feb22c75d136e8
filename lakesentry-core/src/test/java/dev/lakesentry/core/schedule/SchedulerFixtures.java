package dev.lakesentry.core.schedule;

import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.Money;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.store.LedgerBuilder;
import dev.lakesentry.api.store.LedgerStep;
import dev.lakesentry.api.store.Store;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** What the scheduler tests share: a detector that finds one insight once the ledger has usage, and store wrappers. */
final class SchedulerFixtures {
    private SchedulerFixtures() {
    }

    /** Finds one "spend-anomaly" of the account as soon as the ledger has usage. */
    record LedgerSeenDetector() implements Detector {
        @Override
        public String id() {
            return "test.ledger-seen";
        }

        @Override
        public List<Insight> detect(DetectionContext ctx) {
            return ctx.ledger().latestUsageTime(ctx.accountId()).map(latest -> List.<Insight>of(Insight.of(ctx.accountId(),
                    InsightType.SPEND_ANOMALY, Severity.LOW, new Subject(SubjectKind.ACCOUNT, ctx.accountId(), null),
                    new TimeWindow(latest.minus(Duration.ofDays(1)), latest), Money.usd("0"),
                    new Evidence("the ledger has usage", Map.of(), List.of(), List.of()), id(), Map.of(), ctx.asOf())))
                    .orElse(List.of());
        }
    }

    /** Waits up to {@code timeout} for the condition, polling every 50 ms. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** The store, with some of its parts replaced. */
    static Store wrap(Store store, Function<String, Object> replacements) {
        InvocationHandler h = (proxy, method, args) -> {
            Object replaced = method.getParameterCount() == 0 ? replacements.apply(method.getName()) : null;
            if (replaced != null) {
                return replaced;
            }
            return invoke(store, method, args);
        };
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, h);
    }

    /** {@code target} as {@code type}, with one method made to throw a store exception. */
    static <T> T throwing(Class<T> type, T target, String methodName) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals(methodName)) {
                throw new StoreException("Lost the connection to jdbc:test (planted)", "plan_action_plan", null, null);
            }
            return invoke(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    /**
     * A ledger builder whose {@code step} blocks (inside the transformation's transaction) until interrupted,
     * counting down {@code entered} when it starts waiting.
     */
    static LedgerBuilder blockingAt(LedgerBuilder real, LedgerStep step, CountDownLatch entered) {
        InvocationHandler h = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                if (method.getName().equals("inTransaction")) {
                    @SuppressWarnings("unchecked")
                    Function<Object, Object> work = (Function<Object, Object>) args[0];
                    return real.inTransaction(bound -> work.apply(blockingAt(bound, step, entered)));
                }
                if (method.getName().equals("run") && args[0] == step) {
                    Object rows = SchedulerFixtures.invoke(real, method, args);
                    entered.countDown();
                    try {
                        new CountDownLatch(1).await(10, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted inside the transformation's transaction", e);
                    }
                    return rows;
                }
                return SchedulerFixtures.invoke(real, method, args);
            }
        };
        return (LedgerBuilder) Proxy.newProxyInstance(LedgerBuilder.class.getClassLoader(), new Class<?>[] {LedgerBuilder.class}, h);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
