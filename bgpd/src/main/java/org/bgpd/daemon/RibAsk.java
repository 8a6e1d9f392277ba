package org.bgpd.daemon;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;

/**
 * Asks the RIB thread a question and waits for the answer on the caller's thread (a control
 * client's). The RIB answers from its own loop between other work, so it never waits for us.
 * Stateless; safe from any thread.
 */
final class RibAsk {
    /** Generous: a RIB busy with a million-route feed still answers within a few turns. */
    static final long TIMEOUT_SECONDS = 30;

    private RibAsk() {}

    /** @throws IllegalStateException when the RIB does not answer in time (the control socket shows 8099) */
    static <T> T ask(RibLoop rib, Function<Consumer<T>, RibCommand> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        rib.offer(question.apply(answer::complete));
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the RIB", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the RIB did not answer", e);
        }
    }
}
