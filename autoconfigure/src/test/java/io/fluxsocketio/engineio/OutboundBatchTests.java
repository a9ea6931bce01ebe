package io.fluxsocketio.engineio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OutboundBatchTests {

    private final RecordingExecutor loopA = new RecordingExecutor();

    private final RecordingExecutor loopB = new RecordingExecutor();

    private final List<String> ran = new ArrayList<>();

    @Test
    void outsideABatchTasksGoToTheirExecutorAtOnce() {
        OutboundBatch.execute(this.loopA, () -> this.ran.add("a1"));
        OutboundBatch.execute(this.loopA, () -> this.ran.add("a2"));

        assertThat(this.loopA.submitted).hasSize(2);
    }

    @Test
    void aBatchHandsEachExecutorOneTaskRunningItsTasksInOrderWhenTheWritesEnd() {
        OutboundBatch.run(() -> {
            OutboundBatch.execute(this.loopA, () -> this.ran.add("a1"));
            OutboundBatch.execute(this.loopB, () -> this.ran.add("b1"));
            OutboundBatch.execute(this.loopA, () -> this.ran.add("a2"));
            OutboundBatch.execute(this.loopA, () -> this.ran.add("a3"));
            assertThat(this.loopA.submitted).isEmpty();
            assertThat(this.loopB.submitted).isEmpty();
        });

        assertThat(this.loopA.submitted).hasSize(1);
        assertThat(this.loopB.submitted).hasSize(1);
        this.loopA.runAll();
        this.loopB.runAll();
        assertThat(this.ran).containsExactly("a1", "a2", "a3", "b1");
    }

    @Test
    void aNestedBatchJoinsTheOuterOne() {
        OutboundBatch.run(() -> {
            OutboundBatch.run(() -> OutboundBatch.execute(this.loopA, () -> this.ran.add("inner")));
            assertThat(this.loopA.submitted).isEmpty();
            OutboundBatch.execute(this.loopA, () -> this.ran.add("outer"));
        });

        assertThat(this.loopA.submitted).hasSize(1);
        this.loopA.runAll();
        assertThat(this.ran).containsExactly("inner", "outer");
    }

    @Test
    void aFailingTaskLeavesTheOthersOfItsExecutorToRun() {
        OutboundBatch.run(() -> {
            OutboundBatch.execute(this.loopA, () -> this.ran.add("before"));
            OutboundBatch.execute(this.loopA, () -> {
                throw new IllegalStateException("broken connection");
            });
            OutboundBatch.execute(this.loopA, () -> this.ran.add("after"));
        });

        this.loopA.runAll();
        assertThat(this.ran).containsExactly("before", "after");
    }

    @Test
    void writesThatFailStillHandOverWhatTheyGatheredAndEndTheBatch() {
        assertThatIllegalStateException().isThrownBy(() -> OutboundBatch.run(() -> {
            OutboundBatch.execute(this.loopA, () -> this.ran.add("gathered"));
            throw new IllegalStateException("failed mid-broadcast");
        }));

        assertThat(this.loopA.submitted).hasSize(1);
        OutboundBatch.execute(this.loopB, () -> this.ran.add("after the batch"));
        assertThat(this.loopB.submitted).hasSize(1);
    }

    @Test
    void anExecutorThatRefusesLeavesTheOthersTheirTasks() {
        Executor shutDown = task -> {
            throw new java.util.concurrent.RejectedExecutionException("event loop shut down");
        };
        OutboundBatch.run(() -> {
            OutboundBatch.execute(shutDown, () -> this.ran.add("lost"));
            OutboundBatch.execute(this.loopA, () -> this.ran.add("delivered"));
        });

        this.loopA.runAll();
        assertThat(this.ran).containsExactly("delivered");
    }

    /** An event loop stand-in that keeps what it is given, to run it when the test says. */
    private static final class RecordingExecutor implements Executor {

        private final List<Runnable> submitted = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            this.submitted.add(task);
        }

        void runAll() {
            this.submitted.forEach(Runnable::run);
        }
    }
}
