package io.fluxsocketio.autoconfigure;

import io.fluxsocketio.handler.annotation.OnConnect;
import io.fluxsocketio.handler.annotation.OnEvent;
import io.fluxsocketio.handler.annotation.SocketIoController;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes in handler signatures fail startup with the class, the method and the parameter index. */
class HandlerStartupValidationTests {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SocketIoAutoConfiguration.class));

    @Test
    void aParameterNothingCanResolveFailsStartup() {
        this.runner.withBean(UnresolvableConnect.class).run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("Cannot resolve parameter 1 (Thread")
                .hasStackTraceContaining(UnresolvableConnect.class.getName() + ".connect(String, Thread)"));
    }

    @Test
    void twoMethodsForOneEventOfANamespaceFailStartup() {
        this.runner.withBean(FirstChat.class).withBean(SecondChat.class).run(context -> assertThat(context)
                .hasFailed().getFailure().hasStackTraceContaining("Two handler methods for event 'chat' of namespace /")
                .hasStackTraceContaining("FirstChat.chat(String)").hasStackTraceContaining("SecondChat.chat(String)"));
    }

    @Test
    void handlerMethodsOnABeanThatIsNoControllerFailStartup() {
        this.runner.withBean(NotAController.class).run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining(NotAController.class.getName())
                .hasStackTraceContaining("is not annotated @SocketIoController"));
    }

    @Test
    void sameEventInTwoNamespacesIsFine() {
        this.runner.withBean(FirstChat.class).withBean(AdminChat.class).run(context -> assertThat(context).hasNotFailed());
    }

    @SocketIoController
    static class UnresolvableConnect {

        @OnConnect
        void connect(@io.fluxsocketio.handler.annotation.Auth String auth, Thread thread) {
        }
    }

    @SocketIoController
    static class FirstChat {

        @OnEvent("chat")
        void chat(String text) {
        }
    }

    @SocketIoController
    static class SecondChat {

        @OnEvent("chat")
        void chat(String text) {
        }
    }

    @SocketIoController("/admin")
    static class AdminChat {

        @OnEvent("chat")
        void chat(String text) {
        }
    }

    static class NotAController {

        @OnEvent("chat")
        void chat(String text) {
        }
    }
}
