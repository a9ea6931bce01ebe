package io.fluxsocketio.controllers;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Annotated controllers, run in each async mode by {@code ControllerMatrixTests} and {@code controllers.js}. */
@SpringBootApplication(proxyBeanMethods = false)
public class ControllerApplication {
}
