package io.fluxsocketio.autoconfigure;

import io.fluxsocketio.concurrency.AsyncMode;
import io.fluxsocketio.concurrency.ConcurrencyStrategy;
import io.fluxsocketio.concurrency.ReactorStrategy;
import io.fluxsocketio.concurrency.ThreadingStrategy;
import io.fluxsocketio.concurrency.VirtualThreadsStrategy;
import io.fluxsocketio.socketio.SocketIoServer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyAutoConfigurationTests {

    private static final boolean VIRTUAL_THREADS_AVAILABLE = Runtime.version().feature() >= 21;

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SocketIoAutoConfiguration.class));

    @Test
    void threadingModeUsesThePlatformThreadPool() {
        this.runner.withPropertyValues("socketio.async-mode=threading", "socketio.threading.pool-size=3")
                .run(context -> assertThat(context.getBean(ConcurrencyStrategy.class)).isInstanceOf(ThreadingStrategy.class));
    }

    @Test
    void reactorModeUsesReactorSchedulers() {
        this.runner.withPropertyValues("socketio.async-mode=reactor")
                .run(context -> assertThat(context.getBean(SocketIoServer.class).concurrency()).isInstanceOf(ReactorStrategy.class));
    }

    @Test
    void autoModePicksVirtualThreadsWhereTheRuntimeHasThem() {
        this.runner.run(context -> assertThat(context.getBean(ConcurrencyStrategy.class).mode())
                .isEqualTo(VIRTUAL_THREADS_AVAILABLE ? AsyncMode.VIRTUAL_THREADS : AsyncMode.THREADING));
    }

    @Test
    void virtualThreadsModeRunsOn21AndFailsStartupWithAClearMessageBefore() {
        this.runner.withPropertyValues("socketio.async-mode=virtual-threads").run(context -> {
            if (VIRTUAL_THREADS_AVAILABLE) {
                assertThat(context.getBean(ConcurrencyStrategy.class)).isInstanceOf(VirtualThreadsStrategy.class);
            }
            else {
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("socketio.async-mode=virtual-threads needs a Java 21 or newer runtime");
            }
        });
    }

    @Test
    void anApplicationStrategyReplacesTheBuiltInOne() {
        ReactorStrategy own = new ReactorStrategy();
        this.runner.withPropertyValues("socketio.async-mode=threading")
                .withBean(ConcurrencyStrategy.class, () -> own)
                .run(context -> assertThat(context.getBean(SocketIoServer.class).concurrency()).isSameAs(own));
    }
}
