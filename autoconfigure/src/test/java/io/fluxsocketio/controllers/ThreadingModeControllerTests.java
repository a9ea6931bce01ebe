package io.fluxsocketio.controllers;

import io.fluxsocketio.concurrency.AsyncMode;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = ControllerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.async-mode=threading" })
class ThreadingModeControllerTests extends ControllerMatrixTests {

    @Override
    AsyncMode expectedMode() {
        return AsyncMode.THREADING;
    }
}
