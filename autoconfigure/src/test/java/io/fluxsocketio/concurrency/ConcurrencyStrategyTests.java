package io.fluxsocketio.concurrency;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConcurrencyStrategyTests {

    static Stream<Supplier<ConcurrencyStrategy>> strategies() {
        Stream<Supplier<ConcurrencyStrategy>> always = Stream.of(() -> new ThreadingStrategy(4, 16), ReactorStrategy::new);
        return (Runtime.version().feature() >= AsyncMode.VIRTUAL_THREADS_SINCE)
                ? Stream.concat(always, Stream.of(VirtualThreadsStrategy::new)) : always;
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void invokeRunsTheHandlerWhereTheModeSaysAndWaitsForItsPublisher(Supplier<ConcurrencyStrategy> factory) {
        try (ConcurrencyStrategy strategy = factory.get()) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();

            Mono<String> result = strategy.invoke(() -> {
                ranOn.set(Thread.currentThread());
                return Mono.delay(Duration.ofMillis(20)).thenReturn("done");
            });

            StepVerifier.create(result).expectNext("done").verifyComplete();
            if (strategy.mode() == AsyncMode.REACTOR) {
                assertThat(ranOn.get()).as("reactor mode: no hop").isSameAs(Thread.currentThread());
            }
            else {
                assertThat(ranOn.get()).as("blocking modes: off the caller's thread").isNotSameAs(Thread.currentThread());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void handlerErrorsArriveAsErrorSignals(Supplier<ConcurrencyStrategy> factory) {
        try (ConcurrencyStrategy strategy = factory.get()) {
            StepVerifier.create(strategy.invoke(() -> {
                throw new IllegalStateException("bad");
            })).expectErrorMessage("bad").verify();
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void theHandlersPublisherSeesTheSubscribersContextAndGivesItsFirstValueOnly(
            Supplier<ConcurrencyStrategy> factory) {
        try (ConcurrencyStrategy strategy = factory.get()) {
            AtomicBoolean restCancelled = new AtomicBoolean();
            Mono<String> result = strategy.invoke(() -> Mono
                    .deferContextual(context -> Mono.just(context.<String>get("user")))
                    .concatWith(Flux.just("second", "third")).doOnCancel(() -> restCancelled.set(true)));

            StepVerifier.create(result.contextWrite(Context.of("user", "ada"))).expectNext("ada").verifyComplete();
            assertThat(restCancelled).as("the values after the first are not wanted").isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void cancellingADispatchCancelsThePublisherItsHandlerReturned(Supplier<ConcurrencyStrategy> factory) {
        try (ConcurrencyStrategy strategy = factory.get()) {
            AtomicBoolean subscribed = new AtomicBoolean();
            AtomicBoolean cancelled = new AtomicBoolean();
            Disposable dispatch = strategy.invoke(() -> Mono.never()
                    .doOnSubscribe(subscription -> subscribed.set(true)).doOnCancel(() -> cancelled.set(true)))
                    .subscribe();
            await().atMost(Duration.ofSeconds(5)).untilTrue(subscribed);

            dispatch.dispose();

            await().atMost(Duration.ofSeconds(5)).untilTrue(cancelled);
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void hooksRegisteredWithReactorDecorateDispatchesToThreads(Supplier<ConcurrencyStrategy> factory) {
        AtomicInteger decorated = new AtomicInteger();
        Schedulers.onScheduleHook("test", task -> {
            decorated.incrementAndGet();
            return task;
        });
        try (ConcurrencyStrategy strategy = factory.get()) {
            StepVerifier.create(strategy.invoke(() -> Mono.just("ran"))).expectNext("ran").verifyComplete();
            assertThat(decorated).as("context propagation and tracing hook in here")
                    .hasValue((strategy.mode() == AsyncMode.REACTOR) ? 0 : 1);
        }
        finally {
            Schedulers.resetOnScheduleHook("test");
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void aDispatchAfterCloseFailsInsteadOfHanging(Supplier<ConcurrencyStrategy> factory) {
        ConcurrencyStrategy strategy = factory.get();
        strategy.close();
        Mono<String> result = strategy.invoke(() -> Mono.just("late"));
        if (strategy.mode() == AsyncMode.REACTOR) {
            StepVerifier.create(result).as("reactor mode runs inline").expectNext("late").verifyComplete();
        }
        else {
            StepVerifier.create(result).expectError(RejectedExecutionException.class).verify(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void backgroundTasksStopWhenTheirHandleIsDisposedAndWhenTheStrategyCloses(Supplier<ConcurrencyStrategy> factory)
            throws InterruptedException {
        ConcurrencyStrategy strategy = factory.get();
        List<AtomicBoolean> interrupted = List.of(new AtomicBoolean(), new AtomicBoolean());
        CountDownLatch started = new CountDownLatch(2);
        Disposable first = strategy.startBackgroundTask(sleeper(strategy, started, interrupted.get(0)));
        strategy.startBackgroundTask(sleeper(strategy, started, interrupted.get(1)));
        started.await();

        first.dispose();
        await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted.get(0));
        assertThat(interrupted.get(1)).isFalse();

        strategy.close();
        await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted.get(1));
    }

    @Test
    void aDispatchThatFindsThePoolAndItsQueueFullFailsAndCancelledOnesNeverRun() throws InterruptedException {
        try (ConcurrencyStrategy strategy = new ThreadingStrategy(1, 1)) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger ran = new AtomicInteger();
            Disposable busy = strategy.invoke(() -> {
                release.await();
                ran.incrementAndGet();
                return null;
            }).subscribe();
            Disposable queued = strategy.invoke(() -> {
                ran.incrementAndGet();
                return null;
            }).subscribe();

            StepVerifier.create(strategy.invoke(() -> Mono.just("no room")))
                    .expectError(RejectedExecutionException.class).verify(Duration.ofSeconds(5));

            queued.dispose();
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(busy::isDisposed);
            StepVerifier.create(strategy.invoke(() -> Mono.just("after"))).expectNext("after").verifyComplete();
            assertThat(ran).as("the busy handler ran; the cancelled one did not").hasValue(1);
        }
    }

    private static Runnable sleeper(ConcurrencyStrategy strategy, CountDownLatch started, AtomicBoolean interrupted) {
        return () -> {
            started.countDown();
            try {
                while (true) {
                    strategy.sleep(Duration.ofMillis(10));
                }
            }
            catch (InterruptedException ex) {
                interrupted.set(true);
            }
        };
    }
}
