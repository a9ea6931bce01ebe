package io.fluxsocketio.controllers;

import io.fluxsocketio.concurrency.AsyncMode;

import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.test.context.SpringBootTest;

@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need Java 21+; .ci/run picks one")
@SpringBootTest(classes = ControllerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.async-mode=virtual-threads" })
class VirtualThreadsModeControllerTests extends ControllerMatrixTests {

    @Override
    AsyncMode expectedMode() {
        return AsyncMode.VIRTUAL_THREADS;
    }
}
