package org.zizhu.kiosk.flow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;

/**
 * What every resident flow's runner does around its pure transition function, in one place:
 * tell the screens a new state (a listener's bug is logged, never breaks the flow) and run a
 * port call on the worker, turning its answer or its failure into the flow's next event.
 */
final class FlowRuntime {
    private FlowRuntime() {
    }

    /** The listeners of one flow; {@code where} names them in the log when one throws. */
    static final class Listeners<T> {
        private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
        private final String where;

        Listeners(String where) {
            this.where = where;
        }

        void add(Consumer<T> l) {
            listeners.add(l);
        }

        /** Called outside the flow's lock: a listener may read the flow again. */
        void tell(T value) {
            for (Consumer<T> l : listeners) {
                try {
                    l.accept(value);
                } catch (RuntimeException e) {
                    EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", where, "error", e.getClass().getSimpleName());
                }
            }
        }
    }

    /** A port call that answers with the flow's next event (null: nothing to fire). */
    @FunctionalInterface
    interface PortCall<E> {
        E call() throws ServiceException;
    }

    /**
     * Runs {@code call} on {@code worker} and fires its answer; a {@link ServiceException} becomes
     * {@code failed}'s event, an unexpected exception is logged by type and treated as a
     * retryable failure without words of its own.
     */
    static <E> void call(Executor worker, String where, PortCall<E> call, Function<ServiceException, E> failed,
                         Consumer<E> fire) {
        worker.execute(() -> {
            E answer;
            try {
                answer = call.call();
            } catch (ServiceException e) {
                answer = failed.apply(e);
            } catch (RuntimeException e) {
                EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", where, "error", e.getClass().getSimpleName());
                answer = failed.apply(new ServiceException(where + ": " + e.getClass().getSimpleName(), null, true, e));
            }
            if (answer != null) {
                fire.accept(answer);
            }
        });
    }
}
