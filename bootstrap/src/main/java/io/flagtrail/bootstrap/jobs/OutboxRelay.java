package io.flagtrail.bootstrap.jobs;

import io.flagtrail.application.port.in.DispatchEventsUseCase.DeliveryRound;
import io.flagtrail.application.port.in.DispatchEventsUseCase;
import io.flagtrail.application.port.in.ManageEventDispatchUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox relay in this instance: one thread stamps newly committed events (and cleans up delivered ones),
 * and every handler has a delivery thread of its own, so a slow or failing handler never delays another, nor the API
 * (the request only wrote the outbox row). Idle threads poll every {@code flagtrail.events.poll-interval}.
 */
@Singleton
@Requires(property = "flagtrail.events.relay.enabled", notEquals = "false")
final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(1);

    private final DispatchEventsUseCase dispatch;
    private final ManageEventDispatchUseCase admin;
    private final Duration poll;
    private final MeterRegistry meters;
    private final List<Thread> threads = new ArrayList<>();
    /**
     * Guards starting and stopping, and lets idle loops wait. A lock and its condition, not a monitor: the loops are
     * virtual threads, and one waiting in {@code Object.wait} was seen to keep its carrier (a thread dump of a hung
     * test run: both carriers held by relay loops in {@code wait}, a read-ahead thread runnable and never run).
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean running;

    OutboxRelay(DispatchEventsUseCase dispatch, ManageEventDispatchUseCase admin,
                @Value("${flagtrail.events.poll-interval:100ms}") Duration poll, @Nullable MeterRegistry meters) {
        this.dispatch = dispatch;
        this.admin = admin;
        this.poll = poll;
        this.meters = meters;
    }

    @EventListener
    void start(StartupEvent started) {
        lock.lock();
        try {
            startLoops();
        } finally {
            lock.unlock();
        }
    }

    private void startLoops() {
        if (running) {
            return;
        }
        running = true;
        dispatch.registerHandlers();
        if (meters != null) {
            Gauge.builder("flagtrail.events.outbox.lag", admin, a -> a.status().lagMillis() / 1000.0)
                    .description("age of the oldest event some handler has not had yet").baseUnit("seconds")
                    .register(meters);
        }
        threads.add(Thread.ofVirtual().name("outbox-stamper").start(this::stampLoop));
        for (var handler : dispatch.handlers()) {
            threads.add(Thread.ofVirtual().name("outbox-" + handler).start(() -> deliveryLoop(handler)));
        }
        LOG.info("outbox relay started for handlers {}", dispatch.handlers());
    }

    /**
     * Stops the loops without interrupting them: an interrupt during a JDBC call would break the pooled connection,
     * so a loop finishes its round (at most one batch) and then sees it should stop.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        List<Thread> stopping;
        lock.lock();
        try {
            running = false;
            wake.signalAll();
            stopping = List.copyOf(threads);
            threads.clear();
        } finally {
            lock.unlock();
        }
        for (var thread : stopping) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    private void stampLoop() {
        long nextCleanUp = 0;
        while (running) {
            try {
                int stamped = dispatch.stampPending();
                if (System.nanoTime() - nextCleanUp > 0) {
                    dispatch.cleanUp();
                    nextCleanUp = System.nanoTime() + CLEAN_UP_EVERY.toNanos();
                }
                if (stamped == 0) {
                    idle(poll);
                }
            } catch (RuntimeException e) {
                pauseAfter("stamping", e);
            }
        }
    }

    private void deliveryLoop(String handler) {
        var delivered = counter("flagtrail.events.deliveries", handler, "events delivered to a handler");
        var failed = counter("flagtrail.events.failures", handler, "failed delivery attempts");
        var dead = counter("flagtrail.events.dead_letters", handler, "events given up on after the last attempt");
        while (running) {
            try {
                DeliveryRound round = dispatch.deliver(handler);
                count(delivered, round.delivered());
                count(failed, round.failed());
                count(dead, round.deadLettered());
                if (round.skipped() || round.delivered() + round.failed() == 0) {
                    idle(poll);
                }
            } catch (RuntimeException e) {
                pauseAfter("delivery to " + handler, e);
            }
        }
    }

    private void pauseAfter(String what, RuntimeException e) {
        if (!running) {
            return;
        }
        LOG.warn("{} failed; retrying shortly: {}", what, e.toString());
        idle(poll.multipliedBy(10));
    }

    /** Waits {@code time}, or less when the relay stops. */
    private void idle(Duration time) {
        lock.lock();
        try {
            if (running) {
                wake.await(Math.max(1, time.toMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private Counter counter(String name, String handler, String description) {
        return meters == null ? null
                : Counter.builder(name).tag("handler", handler).description(description).register(meters);
    }

    private static void count(Counter counter, int amount) {
        if (counter != null && amount > 0) {
            counter.increment(amount);
        }
    }
}
