package io.fluxsocketio.concurrency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AsyncModeTests {

    @Test
    void autoPicksVirtualThreadsFromJava21AndThreadingBefore() {
        assertThat(AsyncMode.resolve(AsyncMode.AUTO, 17)).isEqualTo(AsyncMode.THREADING);
        assertThat(AsyncMode.resolve(AsyncMode.AUTO, 20)).isEqualTo(AsyncMode.THREADING);
        assertThat(AsyncMode.resolve(AsyncMode.AUTO, 21)).isEqualTo(AsyncMode.VIRTUAL_THREADS);
        assertThat(AsyncMode.resolve(AsyncMode.AUTO, 25)).isEqualTo(AsyncMode.VIRTUAL_THREADS);
    }

    @Test
    void explicitModesStayAsTheyAre() {
        assertThat(AsyncMode.resolve(AsyncMode.THREADING, 25)).isEqualTo(AsyncMode.THREADING);
        assertThat(AsyncMode.resolve(AsyncMode.REACTOR, 17)).isEqualTo(AsyncMode.REACTOR);
        assertThat(AsyncMode.resolve(AsyncMode.VIRTUAL_THREADS, 21)).isEqualTo(AsyncMode.VIRTUAL_THREADS);
    }

    @Test
    void virtualThreadsOnJava17FailWithAMessageThatSaysWhatToDo() {
        assertThatIllegalStateException().isThrownBy(() -> AsyncMode.resolve(AsyncMode.VIRTUAL_THREADS, 17))
                .withMessage("socketio.async-mode=virtual-threads needs a Java 21 or newer runtime, and this one is "
                        + "Java 17. Use auto (threading on this runtime), threading or reactor, or run on Java 21+.");
    }

    @Test
    void propertyValuesAreKebabCase() {
        assertThat(AsyncMode.VIRTUAL_THREADS.propertyValue()).isEqualTo("virtual-threads");
    }
}
