package io.fluxsocketio.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the arrows pointing down: wire models know no server, the engine knows no Socket.IO. */
class LayeringTests {

    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.fluxsocketio");

    @Test
    void engineIoWireModelUsesNoServerOrFrameworkTypes() {
        noClasses().that().resideInAPackage("io.fluxsocketio.engineio.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fluxsocketio.engineio", "io.fluxsocketio.engineio.transport..",
                        "io.fluxsocketio.engineio.web..", "io.fluxsocketio.socketio..", "org.springframework..", "reactor..",
                        "io.netty..", "tools.jackson..")
                .check(classes);
    }

    @Test
    void socketIoWireModelUsesNoServerTypes() {
        noClasses().that().resideInAPackage("io.fluxsocketio.socketio.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fluxsocketio.engineio", "io.fluxsocketio.engineio.transport..",
                        "io.fluxsocketio.engineio.web..", "io.fluxsocketio.socketio", "io.fluxsocketio.socketio.adapter..",
                        "org.springframework..", "reactor..", "io.netty..")
                .check(classes);
    }

    @Test
    void engineKnowsNothingOfSocketIoNorSpringBoot() {
        noClasses().that().resideInAPackage("io.fluxsocketio.engineio..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fluxsocketio.socketio..", "io.fluxsocketio.autoconfigure..",
                        "org.springframework.boot..")
                .check(classes);
    }

    @Test
    void engineCoreKnowsNoTransportOrWebLayer() {
        noClasses().that().resideInAPackage("io.fluxsocketio.engineio")
                .should().dependOnClassesThat().resideInAnyPackage("io.fluxsocketio.engineio.transport..",
                        "io.fluxsocketio.engineio.web..", "org.springframework.web..")
                .check(classes);
    }

    @Test
    void adaptersKnowOnlyTheWireModelOfTheLayerAbove() {
        noClasses().that().resideInAPackage("io.fluxsocketio.socketio.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fluxsocketio.socketio", "io.fluxsocketio.engineio",
                        "io.fluxsocketio.engineio.transport..", "io.fluxsocketio.engineio.web..")
                .check(classes);
    }

    @Test
    void onlyTheAutoConfigurationKnowsSpringBoot() {
        noClasses().that().resideOutsideOfPackage("io.fluxsocketio.autoconfigure..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.boot..")
                .check(classes);
    }

    @Test
    void concurrencyStrategiesKnowNothingOfTheServer() {
        noClasses().that().resideInAPackage("io.fluxsocketio.concurrency..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fluxsocketio.engineio..", "io.fluxsocketio.socketio..",
                        "io.fluxsocketio.handler..", "io.fluxsocketio.autoconfigure..")
                .check(classes);
    }

    @Test
    void socketLayerKnowsNoAnnotationModel() {
        noClasses().that().resideInAPackage("io.fluxsocketio.socketio..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fluxsocketio.handler..", "io.fluxsocketio.autoconfigure..")
                .check(classes);
    }

    @Test
    void invocationKnowsNotWhoRegistersIt() {
        noClasses().that().resideInAnyPackage("io.fluxsocketio.handler.invocation..", "io.fluxsocketio.handler.annotation")
                .should().dependOnClassesThat().resideInAnyPackage("io.fluxsocketio.handler.annotation.support..",
                        "io.fluxsocketio.autoconfigure..")
                .check(classes);
    }
}
