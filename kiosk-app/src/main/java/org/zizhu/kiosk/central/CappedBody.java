package org.zizhu.kiosk.central;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an answer's body as the client's selector thread delivers it, up to a cap. No
 * thread of ours reads the socket, so a body that stalls blocks nobody: the caller waits on
 * the exchange's future with its deadline and cancels it. Passing the cap cancels the read
 * (the connection is closed) and fails with {@link TooLarge}.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The body went past the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int cap) {
            super("answer larger than " + cap + " bytes");
        }
    }

    private final int cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return; // buffers already on their way when we cancelled
        }
        for (ByteBuffer b : items) {
            if (b.remaining() > cap - bytes.size()) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(cap));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
