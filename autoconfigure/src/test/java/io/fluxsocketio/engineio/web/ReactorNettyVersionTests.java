package io.fluxsocketio.engineio.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReactorNettyVersionTests {

    @Test
    void versionsWithTheKeepAliveBugAreNamed() {
        assertThat(ReactorNettyVersion.knownPollingProblem("1.3.7")).contains("reactor-netty#4361").contains("1.3.8");
        assertThat(ReactorNettyVersion.knownPollingProblem("1.3.0")).isNotNull();
    }

    @Test
    void fixedAndUnknownVersionsAreNot() {
        assertThat(ReactorNettyVersion.knownPollingProblem("1.3.8")).isNull();
        assertThat(ReactorNettyVersion.knownPollingProblem("1.3.12-SNAPSHOT")).isNull();
        assertThat(ReactorNettyVersion.knownPollingProblem("1.4.0")).isNull();
        assertThat(ReactorNettyVersion.knownPollingProblem("1.2.9")).isNull();
        assertThat(ReactorNettyVersion.knownPollingProblem("unknown")).isNull();
        assertThat(ReactorNettyVersion.knownPollingProblem(null)).isNull();
    }

    @Test
    void theBuildRunsOnAFixedVersion() {
        assertThat(ReactorNettyVersion.installed()).isNotNull();
        assertThat(ReactorNettyVersion.knownPollingProblem(ReactorNettyVersion.installed()))
                .as("Reactor Netty " + ReactorNettyVersion.installed() + " on the test class path").isNull();
    }
}
