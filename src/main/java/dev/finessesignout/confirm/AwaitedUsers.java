package dev.finessesignout.confirm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.finessesignout.signout.Signout;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.spi.AggregationRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The users a request is about to be sent for, or waits for proof for. The listener keeps a notification only when
 * its user is here, so that traffic about everybody else is dropped at once. A user is registered before the PUT
 * leaves (its notification may come before the 202) and released when the request's outcome is final. After a
 * restart, the requests waiting in the persistent repository are registered again.
 */
public class AwaitedUsers {
    /** request id to user id */
    private final Map<String, String> requests = new ConcurrentHashMap<>();
    private final Map<String, Integer> users = new ConcurrentHashMap<>();
    private final AggregationRepository repository;
    private final CamelContext context;
    private volatile boolean restored;

    public AwaitedUsers(AggregationRepository repository, CamelContext context) {
        this.repository = repository;
        this.context = context;
    }

    public void expect(@ExchangeProperty(Signout.PROPERTY) Signout signout) {
        restore();
        register(signout);
    }

    /**
     * The request already waits for its proof in the repository: Finesse accepted it, and the bundle stopped before
     * its queue message was acknowledged. It must not be sent (or recorded) again.
     */
    public boolean isAlreadyAwaiting(@ExchangeProperty(Signout.PROPERTY) Signout signout) {
        // every request in the repository is registered here: most requests need no repository read
        if (!isAwaited(signout.getRequest().userId())) {
            return false;
        }
        Exchange group = repository.get(context, signout.getRequest().userId());
        AwaitedSignouts awaited = group == null ? null : group.getIn().getBody(AwaitedSignouts.class);
        return awaited != null && awaited.holds(signout.getRequest().requestId());
    }

    /** The request's outcome is final (a no-op for a request that was never sent). */
    public void release(@ExchangeProperty(Signout.PROPERTY) Signout signout) {
        if (signout == null) {
            return;
        }
        String userId = requests.remove(signout.getRequest().requestId());
        if (userId != null) {
            users.computeIfPresent(userId, (user, count) -> count > 1 ? count - 1 : null);
        }
    }

    public boolean isAwaited(String userId) {
        restore();
        return userId != null && users.containsKey(userId);
    }

    /** The user a request was sent for (an asynchronous failure may name only the request). */
    public String userOf(String requestId) {
        return requestId == null ? null : requests.get(requestId);
    }

    public int size() {
        return requests.size();
    }

    private void restore() {
        if (restored) {
            return;
        }
        synchronized (this) {
            if (restored) {
                return;
            }
            ServiceHelper.startService(repository);
            for (String user : repository.getKeys()) {
                Exchange group = repository.get(context, user);
                AwaitedSignouts awaited = group == null ? null : group.getIn().getBody(AwaitedSignouts.class);
                if (awaited != null) {
                    awaited.getSignouts().forEach(this::register);
                }
            }
            restored = true;
        }
    }

    private void register(Signout signout) {
        if (requests.putIfAbsent(signout.getRequest().requestId(), signout.getRequest().userId()) == null) {
            users.merge(signout.getRequest().userId(), 1, Integer::sum);
        }
    }
}
