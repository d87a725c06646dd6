package dev.finessesignout.signout;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpActivityListener;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The Finesse accounts the bundle acts with, and the Basic credentials of each call. A request for a user configured
 * for self sign-out ({@code signout.self.users}) is made with that user's own credentials, as the DevNet lab does;
 * every other call with the service account's. The account is chosen per call ({@link #choose}, route
 * finesse-failover) and travels in the exchange property {@value #ACCOUNT} as a user id only: the passwords stay in
 * this bean, which is the http and https components' credentials provider, and reach nothing but the Authorization
 * header that HttpClient builds for that one call.
 * <p>
 * camel-http hands the exchange to HttpClient's context only when an activity listener is set: this bean is that
 * listener too (it does nothing else), so that its credentials provider can tell which account a call is for. Without
 * an account it refuses to give credentials, so that no call ever goes out with the wrong ones.
 */
public class FinesseAccounts implements HttpClientConfigurer, CredentialsProvider, HttpActivityListener {
    public static final String ACCOUNT = "finesseAccount";
    /** Where camel-http puts the exchange in HttpClient's context. */
    private static final String EXCHANGE = "org.apache.camel.Exchange";

    private final String serviceAccount;
    /** account (user id) to password: the service account and every self sign-out user */
    private final Map<String, char[]> passwords = new TreeMap<>();

    /** @param selfSignout user id to password, for the users who sign themselves out */
    public FinesseAccounts(String serviceAccount, String servicePassword, Map<String, String> selfSignout) {
        this.serviceAccount = serviceAccount;
        if (selfSignout.containsKey(serviceAccount)) {
            // its REST calls would take the self sign-out password while its XMPP login takes finesse.password
            throw new IllegalArgumentException("signout.self.users lists the service account " + serviceAccount
                    + ": it signs itself out with finesse.password; remove it from the list");
        }
        selfSignout.forEach((user, password) -> passwords.put(user, password.toCharArray()));
        passwords.put(serviceAccount, servicePassword.toCharArray());
    }

    /** The account a call is made with, noted on the request it is for (if any). */
    public String choose(Exchange exchange) {
        Signout signout = exchange.getProperty(Signout.PROPERTY, Signout.class);
        if (signout == null) {
            return serviceAccount;
        }
        String userId = signout.getRequest().userId();
        String account = isSelfSignout(userId) ? userId : serviceAccount;
        signout.setAccount(account);
        return account;
    }

    /** The user signs itself out with its own credentials. */
    public boolean isSelfSignout(String userId) {
        return userId != null && !userId.equals(serviceAccount) && passwords.containsKey(userId);
    }

    public Set<String> selfSignoutUsers() {
        return passwords.keySet().stream().filter(this::isSelfSignout).collect(Collectors.toCollection(TreeSet::new));
    }

    /** How the account is named in records and logs: "the service account svc-signout", "SupervisorA's own account". */
    public String describe(String account) {
        return account.equals(serviceAccount) ? "the service account " + account : "user " + account + "'s own account";
    }

    /** The setting that gives the account's password. */
    public String passwordSetting(String account) {
        return account.equals(serviceAccount) ? "finesse.username / finesse.password"
                : SelfSignoutPasswords.setting(account);
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.setDefaultCredentialsProvider(this);
    }

    @Override
    public Credentials getCredentials(AuthScope scope, HttpContext context) {
        Exchange exchange = context == null ? null : (Exchange) context.getAttribute(EXCHANGE);
        String account = exchange == null ? null : exchange.getProperty(ACCOUNT, String.class);
        char[] password = account == null ? null : passwords.get(account);
        if (password == null) {
            throw new IllegalStateException("No Finesse account was chosen for this call (" + account
                    + "): it is not sent");
        }
        return new UsernamePasswordCredentials(account, password.clone());
    }

    @Override
    public void onRequestSubmitted(Object source, Exchange exchange, HttpHost host, HttpRequest request,
            HttpEntity entity) {
        // only here so that camel-http puts the exchange into HttpClient's context
    }

    @Override
    public void onResponseReceived(Object source, Exchange exchange, HttpHost host, HttpResponse response,
            HttpEntity entity, long elapsed) {
        // only here so that camel-http puts the exchange into HttpClient's context
    }

    @Override
    public String toString() {
        return "FinesseAccounts[service account " + serviceAccount + ", self sign-out " + selfSignoutUsers() + "]";
    }
}
