package dev.microscout.webhook;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.util.Set;

/** The rules of the configuration, built once at start-up, so that a bad secret key stops the start. */
@Startup
@ApplicationScoped
public class WebhookRules {

    @Inject
    WebhookConfig config;

    private SecretBox secrets;
    private DestinationPolicy destinations;
    private DeliveryPolicy delivery;

    @PostConstruct
    void build() {
        secrets = new SecretBox(config.secretKey());
        destinations = new DestinationPolicy(config.requireHttps(), config.allowPrivateAddresses(),
                config.allowedHosts().orElse(Set.of()), InetAddress::getAllByName);
        delivery = new DeliveryPolicy(new RetrySchedule(config.retrySchedule(), config.retryJitter()), config.disableAfter());
    }

    public SecretBox secrets() {
        return secrets;
    }

    public DestinationPolicy destinations() {
        return destinations;
    }

    public DeliveryPolicy delivery() {
        return delivery;
    }
}
