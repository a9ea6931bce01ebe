package io.fluxsocketio.controllers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/** The threads that handler methods ran on, for the tests to check. */
@Component
public class HandlerThreads {

    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    void record() {
        this.threads.add(Thread.currentThread());
    }

    public List<Thread> threads() {
        return this.threads;
    }
}
